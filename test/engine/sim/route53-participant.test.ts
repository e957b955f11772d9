import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE53 } from '../../../src/engine/route53/kinds.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { countsAddUp, run, scenario, SIM } from './support.js';

const dns = () => loadSubmissionPath(join(SIM, 'dr-dns'));
const www = { to: 'www.example.com', port: 80, steps: [[0, 8]] as [number, number][] };
const regionLoss = [{ at: 600, action: 'fail' as const, target: { kind: 'region' as const, name: 'us-east-1' } }];

describe('Route 53 in the simulation', () => {
  it('R53-10: a failover name answers the secondary once the primary check fails 3 times 10 s apart, and clients follow after the TTL', () => {
    const loaded = dns();
    expect(loaded.ok).toBe(true);
    const r = run(loaded, scenario(1800, [www], regionLoss, 60));
    const failed = r.events.find((e) => e.what === 'health-check-failed')!;
    // Checks run every 10 s from 10 s; those at 600, 610 and 620 fail.
    expect(failed.at).toBe(620);
    const changed = r.events.find((e) => e.what === 'dns-answer-changed')!;
    expect(changed.at).toBe(620);
    expect(changed.detail).toMatch(/answers www\.example\.com with SECONDARY secondary .*us-west-2.*clients keep PRIMARY primary .* TTL, 60 s/);
    expect(r.events.find((e) => e.what === 'dns-clients-switched')!.at).toBe(680);
    // Served again within detection (interval × threshold) plus the TTL.
    expect(r.ends[0].recoveryTime).toBe(80);
    expect(r.ends[0].recoveryTime!).toBeLessThanOrEqual(10 * 3 + 60);
    expect(r.ends[0].dropped).toBe(8 * 80);
    expect(r.intervals[5].dns).toEqual({ 'www.example.com': expect.stringMatching(/^PRIMARY primary/) });
    expect(r.intervals.at(-1)!.dns).toEqual({ 'www.example.com': expect.stringMatching(/^SECONDARY secondary .*us-west-2/) });
    expect(countsAddUp(r)).toBe(true);
  });

  it('R53-06: a failover PRIMARY without a health check is always healthy and never fails over', () => {
    const loaded = dns();
    for (const rec of loaded.cloud.table(ROUTE53.recordSet).values()) delete rec.healthCheckId;
    const r = run(loaded, scenario(1800, [www], regionLoss));
    expect(r.events.some((e) => e.what === 'dns-answer-changed')).toBe(false);
    expect(r.ends[0].recoveryTime).toBeNull();
  });

  it('R53-08: the check turns healthy again after 3 passing checks when the region returns, and the name answers the primary again after the TTL', () => {
    const r = run(dns(), scenario(3600, [www], [...regionLoss, { at: 1200, action: 'recover', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(r.events.find((e) => e.what === 'health-check-healthy')!.at).toBe(1220);
    const switched = r.events.filter((e) => e.what === 'dns-clients-switched');
    expect(switched.map((e) => e.at)).toEqual([680, 1280]);
    expect(switched[1].detail).toMatch(/now use PRIMARY primary/);
  });

  it('the same scenario gives the same bytes', () => {
    const s = scenario(1800, [www], regionLoss);
    expect(JSON.stringify(run(dns(), s))).toBe(JSON.stringify(run(dns(), s)));
  });
});
