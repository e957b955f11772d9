import { describe, expect, it } from 'vitest';
import { IntervalSet } from '../../../src/engine/intervals.js';
import { addressSetToCidrs } from '../../../src/engine/reach/describe-sets.js';
import { portBoundaries } from '../../../src/engine/reach/restricted.js';
import { reachSummary } from '../../../src/engine/reach/summary.js';
import { answerFlow } from '../../../src/engine/reach/trace.js';
import { trace } from '../../../src/engine/reach/question.js';
import { internetAddresses } from '../../../src/engine/reach/endpoints.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { randomNetwork } from '../../support/random-network.js';

/** The ranges "only from …" as asking one question per atom of ports gives them (the summary reads them from one question's flows). */
function restrictedByAsking(cloud: Parameters<typeof reachSummary>[0], eni: Parameters<typeof answerFlow>[1]['to'], fromInternet: boolean): string[] {
  const full = internetAddresses(cloud);
  const internet = { kind: 'internet' as const, addresses: full, name: 'internet' };
  const cuts = portBoundaries(cloud);
  const out: string[] = [];
  for (const protocol of ['tcp', 'udp'] as const) {
    const q = (ports: IntervalSet) => answerFlow(cloud, fromInternet ? { from: internet, to: eni, protocol, ports } : { from: eni, to: internet, protocol, ports });
    const all = q(IntervalSet.of(0, 65535));
    let prev: { to: number; addresses: string } | undefined;
    for (const [a, z] of all.ports.intervals) {
      let start = a;
      const pieces: [number, number][] = [];
      for (const c of cuts) {
        if (c <= start) continue;
        if (c > z) break;
        pieces.push([start, c - 1]);
        start = c;
      }
      pieces.push([start, z]);
      for (const [lo, hi] of pieces) {
        const set = q(IntervalSet.of(lo, hi)).addressSet!;
        if (set.equals(full)) continue;
        const addresses = addressSetToCidrs(set).join(' ');
        if (prev && prev.addresses === addresses && prev.to + 1 === lo) out[out.length - 1] = out[out.length - 1].replace(/-\d+ /, `-${hi} `);
        else out.push(`${protocol} ${lo}-${hi} ${addresses}`);
        prev = { to: hi, addresses };
      }
    }
  }
  return out;
}

describe('reach summary shares work and stays exact', () => {
  it('reads the ranges only some internet addresses get through from one question, as asking per port atom does (random networks)', () => {
    let compared = 0;
    let restricted = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { cloud } = randomNetwork(seed);
      const summary = reachSummary(cloud);
      for (const row of summary.rows) {
        if (row.from !== 'internet' && row.to !== 'internet') continue;
        const cls = summary.classes.find((c) => c.members.join() === (row.from === 'internet' ? row.toMembers : row.fromMembers).join())!;
        const eni = { kind: 'interface' as const, eni: cls.representative, name: cls.members[0] };
        const got = row.restricted.filter((r) => r.protocol !== 'icmp').map((r) => `${r.protocol} ${r.ports.min}-${r.ports.intervals[r.ports.intervals.length - 1][1]} ${r.addresses.join(' ')}`);
        expect(got, `seed ${seed}: ${row.from} → ${row.to}`).toEqual(restrictedByAsking(cloud, eni, row.from === 'internet'));
        compared++;
        if (got.length) restricted++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(restricted).toBeGreaterThan(5);
  });

  it('keeps instances of two regions that reuse logical ids apart, and agrees with trace', () => {
    const loaded = loadSubmissionPath('test/fixtures/regions/reused-ids');
    expect(loaded.ok).toBe(true);
    const summary = reachSummary(loaded.cloud);
    expect(summary.classes.map((c) => c.members).sort()).toEqual([
      ['eu-west-1/A', 'eu-west-1/X'],
      ['us-east-1/A', 'us-east-1/X'],
    ]);
    for (const region of ['eu-west-1', 'us-east-1']) {
      const row = summary.rows.find((r) => r.from === `${region}/A (+1)` && r.to === `${region}/A (+1)`);
      expect(row, region).toBeDefined();
      expect(row!.tcp.equals(IntervalSet.point(8080))).toBe(true);
      expect(trace(loaded.cloud, { from: `${region}/A`, to: `${region}/X`, protocol: 'tcp', port: 8080 }).reachable).toBe(true);
    }
    // Nothing crosses between the regions: no peering.
    expect(summary.rows.every((r) => r.from.split('/')[0] === r.to.split('/')[0] || r.from === 'internet' || r.to === 'internet')).toBe(true);
  });
});
