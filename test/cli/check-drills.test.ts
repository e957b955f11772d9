import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

const LABS = 'test/fixtures/drills/labs';
const ONE_NAT = 'test/fixtures/drills/submissions/one-nat.yaml';
let env: Record<string, string>;

beforeAll(() => {
  buildIfStale();
  env = { CLOUDLAB_LABS: LABS, CLOUDLAB_HOME: mkdtempSync(join(tmpdir(), 'cloudlab-drills-')) };
}, 180_000);

describe('cloudlab check with drills', () => {
  it('draws each drill beside the checks: measures, chart and events, within 80 columns', () => {
    const r = cloudlab(['check', 'zone-drill', ONE_NAT, '--student', 'alice'], env);
    expect(r.status).toBe(1);
    expect(noStackTrace(r)).toBe(true);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const order = ['✗ 0/3  Survives the loss of any one zone', 'Score: 2/7', 'Drill drills/app-calls-out.yaml, with us-east-1a failed at 15m (the worst zone)', 'Drill drills/zone-failure.yaml: 1h', '7,200 dropped (50%); recovery 30m'].map((s) => r.stdout.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toContain('A 15m zone us-east-1a failed');
    expect(r.stdout).toContain('B 45m zone us-east-1a recovered');
    expect(r.stdout).toMatch(/Requests a second \(every 1m\)/);
  });

  it('--json has the measures in each check, and not the intervals', () => {
    const r = cloudlab(['check', 'zone-drill', ONE_NAT, '--student', 'alice', '--json'], env);
    const j = JSON.parse(r.stdout) as { drills?: unknown; checks: { id: string; evidence?: { drill?: Record<string, unknown> } }[] };
    expect(j.drills).toBeUndefined();
    const any = j.checks.find((c) => c.id === 'any-zone')!.evidence!.drill!;
    expect(any.worstZone).toBe('us-east-1a');
    expect(Object.keys(any)).toEqual(['scenario', 'sent', 'served', 'dropped', 'droppedPercent', 'cost', 'events', 'recoveryTime', 'fullRecoveryTime', 'worstZone', 'zones']);
    const rec = j.checks.find((c) => c.id === 'recovery')!.evidence!.drill!;
    expect(rec).toMatchObject({ scenario: 'drills/zone-failure.yaml', recoveryTime: 1800, fullRecoveryTime: 1800, droppedPercent: 50 });
  });
});
