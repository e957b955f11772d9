import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { load } from '/work/main/test/formats/cfn/helpers.js';
it('smoke', () => {
  const r = load(readFileSync('/work/main/test/fixtures/cfn/vpc-two-az.yaml', 'utf8'));
  console.log(JSON.stringify(r.diagnostics, null, 1));
  console.log(r.builder.ids().join(' '));
  console.log(JSON.stringify(r.outputs), JSON.stringify(r.exports));
  const web = r.builder.created.find(c => c.logicalId === 'WebServer')!;
  console.log(JSON.stringify(web.properties, null, 1), web.pos(['SecurityGroupIds', 0]));
  const sg = r.builder.created.find(c => c.logicalId === 'BastionSecurityGroup')!;
  console.log(JSON.stringify(sg.properties));
});
