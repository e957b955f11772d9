import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUDFRONT } from '../../../src/engine/cloudfront/kinds.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { countsAddUp, run, scenario, SIM } from './support.js';

const dns = () => loadSubmissionPath(join(SIM, 'dr-dns'));
const site = { to: 'site.example.com', port: 80, steps: [[0, 2]] as [number, number][] };
const regionLoss = [{ at: 600, action: 'fail' as const, target: { kind: 'region' as const, name: 'us-east-1' } }];

describe('CloudFront in the simulation', () => {
  it('CF-03, CF-04: while the primary origin does not answer, each request goes to the secondary after attempts × timeout: slower, not dropped', () => {
    const r = run(dns(), scenario(1800, [site], regionLoss, 300));
    const failover = r.events.find((e) => e.what === 'origin-failover')!;
    expect(failover.at).toBe(600);
    expect(failover.detail).toBe('Site: the primary origin east does not answer; each request tries it for 30 s (3 attempts × 10 s, CF-04), then goes to the secondary origin west of group regions: served, 30 s slower');
    expect(r.ends[0]).toMatchObject({ sent: 3600, served: 3600, dropped: 0 });
    expect(r.ends[0].recoveryTime).toBeUndefined();
    expect(r.intervals[0].origins).toEqual({ Site: 'primary east' });
    expect(r.intervals.at(-1)!.origins).toEqual({ Site: 'secondary west (+30 s a request)' });
    expect(countsAddUp(r)).toBe(true);
  });

  it('CF-04: the added time follows the origin\'s ConnectionAttempts and ConnectionTimeout; requests go back to the primary when it answers', () => {
    const loaded = dns();
    const d = [...loaded.cloud.table(CLOUDFRONT.distribution).values()][0];
    d.origins[0].connectionAttempts = 1;
    d.origins[0].connectionTimeout = 4;
    const r = run(loaded, scenario(1800, [site], [...regionLoss, { at: 1200, action: 'recover', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(r.events.find((e) => e.what === 'origin-failover')!.detail).toMatch(/tries it for 4 s \(1 attempts × 4 s, CF-04\)/);
    expect(r.events.find((e) => e.what === 'origin-primary-back')!.at).toBe(1200);
  });

  it('a distribution by its logical id is a traffic end; without an origin group a lost origin drops its requests', () => {
    const loaded = dns();
    const d = [...loaded.cloud.table(CLOUDFRONT.distribution).values()][0];
    d.defaultBehavior = { ...d.defaultBehavior, targetOriginId: 'east', targetIsGroup: false };
    const r = run(loaded, scenario(1200, [{ ...site, to: 'Site' }], regionLoss));
    expect(r.ends[0]).toMatchObject({ served: 1200, dropped: 1200, recoveryTime: null });
  });
});
