import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RDS_TIMINGS } from '../../../src/engine/sim/dr-timings.js';
import { submissionCost } from '../../../src/formats/cost-report.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';
import { countsAddUp, SIM } from './support.js';

const DIR = join(SIM, 'dr-strategies');
const DRILL = join(DIR, 'region-loss.yaml');
/** Cheapest first, as DR-02 orders them. */
const STRATEGIES = ['backup-and-restore', 'pilot-light', 'warm-standby', 'multi-site'] as const;

function measure(name: string) {
  const loaded = loadSubmissionPath(join(DIR, name));
  const { result: r, diagnostics } = simulateSubmission(loaded, readFileSync(DRILL, 'utf8'), DRILL);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const [site] = r!.ends;
  const db = r!.databases.find((d) => d.id === 'Database')!;
  expect(countsAddUp(r!)).toBe(true);
  return {
    site: site.recoveryTime!,
    siteFull: site.fullRecoveryTime!,
    dropped: site.dropped,
    dbTime: db.recoveryTime!,
    dbPoint: db.recoveryPoint!,
    cost: r!.cost.total,
    monthly: submissionCost(loaded).monthlyUsd,
  };
}

const decreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] > x);
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] < x);

describe('DR-02: the four strategies, one drill (us-east-1 lost at 10 min, failover: us-west-2 at 15 min)', () => {
  let m: ReturnType<typeof measure>[] = [];
  let [restore, pilot, warm, multi] = m;
  beforeAll(() => {
    m = STRATEGIES.map(measure);
    [restore, pilot, warm, multi] = m;
  });

  it('DR-02: recovery time of the site strictly decreases backup and restore > pilot light > warm standby ≥ multi-site', () => {
    expect(decreasing([restore.site, pilot.site, warm.site])).toBe(true);
    expect(warm.site).toBeGreaterThanOrEqual(multi.site);
    // Back at full capacity: multi-site serves at once, warm standby once it has scaled up.
    expect(warm.siteFull).toBeGreaterThan(multi.siteFull);
    expect(decreasing(m.map((x) => x.dropped))).toBe(true);
  });

  it('DR-02: recovery time of the database: a restore takes longer than a promotion; every replica is promoted in the same time (RDS-05)', () => {
    expect(restore.dbTime).toBe(15 * 60 + RDS_TIMINGS.restoreSeconds - 10 * 60);
    expect(restore.dbTime).toBeGreaterThan(pilot.dbTime);
    for (const x of [pilot, warm, multi]) expect(x.dbTime).toBe(15 * 60 + RDS_TIMINGS.promotionSeconds - 10 * 60);
  });

  it('DR-02, BAK-06, RDS-10: recovery point: a backup copy loses hours, a replica seconds', () => {
    expect(restore.dbPoint).toBeGreaterThan(3600);
    for (const x of [pilot, warm, multi]) expect(x.dbPoint).toBe(RDS_TIMINGS.replicaLagSeconds.crossRegion);
    expect(restore.dbPoint).toBeGreaterThan(pilot.dbPoint);
  });

  it('DR-02: cost strictly increases in the same order, over the scenario and per month', () => {
    expect(increasing(m.map((x) => x.cost))).toBe(true);
    expect(increasing(m.map((x) => x.monthly))).toBe(true);
  });
});
