import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RDS_TIMINGS } from '../../../src/engine/sim/dr-timings.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';
import type { SimResult } from '../../../src/engine/sim/index.js';
import { countsAddUp, SIM } from './support.js';

const strategy = (name: string) => loadSubmissionPath(join(SIM, 'dr-strategies', name));

/** us-east-1 lost at 10 minutes, the runbook into us-west-2 at 15; the database's clients are in us-west-2. */
const DRILL = [
  'duration: 1h',
  'interval: 1m',
  'traffic:',
  '  - to: www.example.com',
  '    port: 80',
  '    rps: 8',
  '  - from: subnet:us-west-2/PrivateA',
  '    to: Database',
  '    port: 3306',
  '    rps: 10',
  'events:',
  '  - at: 10m',
  '    fail: region us-east-1',
  '  - at: 15m',
  '    failover: us-west-2',
  '',
].join('\n');

function play(name: string, text = DRILL): SimResult {
  const { result, diagnostics } = simulateSubmission(strategy(name), text, 'drill.yaml');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result!;
}

const at = (r: SimResult, what: string, resource?: string) => r.events.filter((e) => e.what === what && (resource === undefined || e.resource === resource));

describe('failover: R, the runbook of DR-02 in one step', () => {
  it('pilot light: promotes the lost database\'s replica in R, then scales the empty group to its counterpart\'s desired capacity; the database\'s clients follow the promoted replica', () => {
    const r = play('pilot-light');
    expect(at(r, 'failover-started').map((e) => e.at)).toEqual([900]);
    const promotion = at(r, 'promotion-started', 'Replica')[0];
    expect(promotion).toMatchObject({ at: 900 });
    expect(promotion.detail).toMatch(/^failover to us-west-2: promoting read replica Replica/);
    expect(at(r, 'replica-promoted')[0].detail).toMatch(/the runbook points the application at the new endpoint \(traffic to Database goes there now\)/);
    // Data first: the group is scaled once the promoted replica takes writes.
    const scaled = at(r, 'desired-capacity', 'WebGroup');
    expect(scaled.map((e) => [e.at, e.detail])).toEqual([[900 + RDS_TIMINGS.promotionSeconds, 'WebGroup: desired capacity 0 → 2 (failover to us-west-2: the desired capacity of WebGroup in us-east-1)']]);
    const [, db] = r.ends;
    expect(db.served).toBe(10 * (3600 - 900 - RDS_TIMINGS.promotionSeconds));
    expect(r.databases.find((d) => d.id === 'Database')).toMatchObject({ recoveryPoint: RDS_TIMINGS.replicaLagSeconds.crossRegion, recoveryTime: 900 + RDS_TIMINGS.promotionSeconds - 600 });
    expect(countsAddUp(r)).toBe(true);
  });

  it('backup and restore: restores the lost database in R from its copy, then scales the group', () => {
    const r = play('backup-and-restore');
    const restore = at(r, 'restore-started', 'Database')[0];
    expect(restore.at).toBe(900);
    expect(restore.detail).toMatch(/^failover to us-west-2: restoring Database from the recovery point .* into us-west-2/);
    const ready = 900 + RDS_TIMINGS.restoreSeconds;
    expect(at(r, 'database-restored')[0].at).toBe(ready);
    expect(at(r, 'desired-capacity', 'WebGroup').map((e) => e.at)).toEqual([ready]);
    expect(r.ends[1].served).toBe(10 * (3600 - ready));
    expect(r.databases.find((d) => d.id === 'Database')!.recoveryTime).toBe(ready - 600);
  });

  it('warm standby scales its serving group up; multi-site, at full size already, keeps it, saying so', () => {
    const warm = play('warm-standby');
    expect(at(warm, 'desired-capacity', 'WebGroup').map((e) => e.detail)).toEqual(['WebGroup: desired capacity 1 → 2 (failover to us-west-2: the desired capacity of WebGroup in us-east-1)']);
    const multi = play('multi-site');
    expect(at(multi, 'desired-capacity', 'WebGroup')).toEqual([]);
    expect(at(multi, 'failover-step', 'WebGroup')[0].detail).toBe('WebGroup keeps its desired capacity 2 (failover to us-west-2: the desired capacity of WebGroup in us-east-1 is 2)');
  });

  it('a group with no counterpart in another region goes to its MaxSize', () => {
    const loaded = loadSubmissionPath(join(SIM, 'ticket-sale.yaml'), { params: { Policy: 'none' } });
    const { result } = simulateSubmission(loaded, 'duration: 10m\ntraffic:\n  - to: web-lb\n    port: 80\n    rps: 1\nevents:\n  - at: 1m\n    failover: us-east-1\n', 'drill.yaml');
    expect(at(result!, 'desired-capacity', 'WebGroup').map((e) => e.detail)).toEqual(['WebGroup: desired capacity 4 → 12 (failover to us-east-1: no counterpart in another region, so its MaxSize)']);
  });

  it('into a region that is down, it is refused on the timeline; a region the submission lacks is refused at its line', () => {
    const down = play('pilot-light', DRILL.replace('fail: region us-east-1', 'fail: region us-west-2'));
    expect(at(down, 'failover-refused')[0]).toMatchObject({ at: 900, detail: 'failover to us-west-2 is refused: region us-west-2 is down' });
    expect(at(down, 'promotion-started')).toEqual([]);
    const { diagnostics } = simulateSubmission(strategy('pilot-light'), DRILL.replace('failover: us-west-2', 'failover: us-west-1'), 'drill.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.message])).toEqual([
      ['UnknownRegion', 15, 'the submission has nothing in us-west-1 to fail over to; its regions: us-east-1, us-west-2. Did you mean us-west-2?'],
    ]);
  });
});
