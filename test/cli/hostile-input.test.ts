import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab } from '../support/cli.js';

const VPC = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';

describe('deep and alias-heavy submissions grade the same on any number of workers (issue 14 §2, §4)', () => {
  let subs: string;
  beforeAll(() => {
    buildIfStale();
    subs = join(mkdtempSync(join(tmpdir(), 'cloudlab-hostile-')), 'subs');
    mkdirSync(subs);
    writeFileSync(join(subs, 'flow.yaml'), `${VPC}    Metadata: {a: ${'['.repeat(6000)}${']'.repeat(6000)}}\n`);
    writeFileSync(join(subs, 'unclosed.yaml'), `${VPC}    Metadata: {a: ${'['.repeat(300_000)}\n`);
    writeFileSync(join(subs, 'block.yaml'), `${VPC}    Metadata:\n${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 6)}k${i}:`).join('\n')} 1\n`);
    writeFileSync(join(subs, 'json.json'), `{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}, "Metadata": ${'['.repeat(4000)}${']'.repeat(4000)}}}}`);
    writeFileSync(join(subs, 'syntax.json'), '{"Resources": {"Vpc": !x}}');
    writeFileSync(join(subs, 'aliases.yaml'), `${VPC}    Metadata:\n      t: &t {Key: a, Value: b}\n      l:\n${'        - *t\n'.repeat(15_000)}`);
    let bomb = `${VPC}    Metadata:\n      a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n`;
    for (let i = 1; i < 12; i++) bomb += `      a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    writeFileSync(join(subs, 'bomb.yaml'), bomb);
  });

  it('gives byte-identical results with --jobs 1 and --jobs 2, each refusal with its line and column', () => {
    const one = cloudlab(['grade', 'public-web', subs, '--jobs', '1', '--format', 'json']);
    const two = cloudlab(['grade', 'public-web', subs, '--jobs', '2', '--format', 'json']);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const results = JSON.parse(one.stdout).results as { submission: string; status: string; diagnostics: { code: string; line?: number; column?: number }[] }[];
    const by = Object.fromEntries(results.map((r) => [r.submission.replace(/^.*\//, ''), r]));
    for (const name of ['flow.yaml', 'unclosed.yaml', 'block.yaml', 'json.json']) {
      expect(by[name].status, name).toBe('invalid');
      expect(by[name].diagnostics[0], name).toMatchObject({ code: 'TooDeep', line: expect.any(Number), column: expect.any(Number) });
    }
    expect(by['syntax.json'].diagnostics[0]).toMatchObject({ code: 'JsonSyntax', line: 1, column: 23 });
    expect(by['bomb.yaml'].diagnostics[0]).toMatchObject({ code: 'AliasExpansion', line: expect.any(Number) });
    expect(by['aliases.yaml'].diagnostics.filter((d) => d.code === 'AliasExpansion' || d.code === 'TooDeep')).toEqual([]);
  }, 60_000);
});
