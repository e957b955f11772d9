import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionCost } from '../../src/formats/cost-report.js';
import { instanceTypesOf } from '../../src/formats/instance-types.js';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../src/formats/load-submission.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

describe('instance types of a submission', () => {
  it("ASG-01: an auto scaling group's instances have the type of its launch template, and cost priced by it (PRC-01)", () => {
    const loaded = loadSubmissionPath(join(FIXTURES, 'services/elbasg/web.yaml'));
    const types = instanceTypesOf(loaded);
    expect([...types].filter(([k]) => k.startsWith('WebGroup-')).map(([, t]) => t)).toEqual(['t3.micro', 't3.micro', 't3.micro', 't3.micro']);
    const est = submissionCost(loaded);
    expect(est.unpriced).toEqual([]);
    expect(est.lines.find((l) => l.what === 'EC2 t3.micro')).toMatchObject({ quantity: 4 });
  });

  it('an instance of a layered stack is keyed as the engine names it (network/Web, app/Web)', () => {
    const dir = join(FIXTURES, 'layered/us-east-1');
    const read = (stack: string, type: string) => ({
      file: join(dir, `${stack}.yaml`),
      region: 'us-east-1',
      stack,
      text: readFileSync(join(dir, `${stack}.yaml`), 'utf8')
        .replace('{ImageId: ami-12345678', `{InstanceType: ${type}, ImageId: ami-12345678`)
        .replace('\n      ImageId: ami-12345678', `\n      InstanceType: ${type}\n      ImageId: ami-12345678`),
    });
    const loaded = loadSubmissionFromTemplates([read('network', 't3.micro'), read('app', 't3.small')]);
    expect(loaded.ok).toBe(true);
    expect(Object.fromEntries(instanceTypesOf(loaded))).toEqual({ 'network/Web': 't3.micro', 'app/Web': 't3.small' });
  });
});
