import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RDS_TIMINGS } from '../../../src/engine/sim/dr-timings.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';
import { countsAddUp, SIM } from './support.js';

const DRILL = join(SIM, 'warm-standby-drill.yaml');
const play = () => simulateSubmission(loadSubmissionPath(join(SIM, 'dr-dns')), readFileSync(DRILL, 'utf8'), DRILL);

describe('a warm-standby drill: a region is lost', () => {
  it('CFN-05, DR-02, DR-06: Route 53 moves the API within detection plus TTL, the site is served through the origin group, writes come back when the replica is promoted, at its lag', () => {
    const { result: r, diagnostics } = play();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [www, site, db] = r!.ends;
    expect(www.recoveryTime).toBe(80);
    expect(www.recoveryTime!).toBeLessThanOrEqual(10 * 3 + 60);
    expect(site).toMatchObject({ dropped: 0 });
    // Reads from the replica pause only while it reboots to be promoted.
    expect(db.dropped).toBe(10 * RDS_TIMINGS.promotionSeconds);
    const primary = r!.databases.find((d) => d.id === 'Database')!;
    expect(primary).toMatchObject({ recoveryPoint: RDS_TIMINGS.replicaLagSeconds.crossRegion, recoveryTime: 15 * 60 + RDS_TIMINGS.promotionSeconds - 10 * 60 });
    const order = ['failed', 'replication-stopped', 'origin-failover', 'health-check-failed', 'dns-answer-changed', 'dns-clients-switched', 'promotion-started', 'replica-promoted'];
    const at = order.map((what) => r!.events.findIndex((e) => e.what === what));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(countsAddUp(r!)).toBe(true);
  });

  it('says what plays of each service the submission has', () => {
    const notes = play().result!.notes.join('\n');
    for (const say of [/^EC2 failures play out/m, /^RDS plays out/m, /^Route 53 plays/m, /^CloudFront sends/m]) expect(notes).toMatch(say);
  });

  it('the same scenario gives the same bytes', () => {
    expect(JSON.stringify(play().result)).toBe(JSON.stringify(play().result));
  });
});
