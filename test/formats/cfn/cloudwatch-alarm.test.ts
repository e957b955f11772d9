import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUDWATCH } from '../../../src/engine/cloudwatch/kinds.js';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';

const text = readFileSync(join(import.meta.dirname, '../../fixtures/sim/ticket-sale.yaml'), 'utf8');
const load = (t: string) => loadSubmissionFromTemplates([{ file: 'ticket-sale.yaml', text: t }]);

describe('AWS::CloudWatch::Alarm', () => {
  it('loads with Ref of the step policy as its action; Ref of the alarm is its name', () => {
    const loaded = load(text);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [alarm] = [...loaded.cloud.table(CLOUDWATCH.alarm).values()];
    expect(alarm).toMatchObject({ logicalId: 'CpuHigh', metricName: 'CPUUtilization', threshold: 80, period: 60, evaluationPeriods: 3, datapointsToAlarm: 2 });
    expect(alarm.alarmActions[0]).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:.*policyName\/AddThirtyPercent-/);
  });

  it('a Period CloudWatch refuses is an error naming the file, the alarm and the valid periods', () => {
    const loaded = load(text.replace('Period: 60', 'Period: 45'));
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain('CpuHigh');
    expect(errors[0].message).toContain('10, 20, 30 or a multiple of 60');
  });
});
