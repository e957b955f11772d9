import { describe, expect, it } from 'vitest';
import { aclTemplate, groupTemplate, routeTemplate } from '../../../bench/hostile-shapes.mjs';
import { reachSummary } from '../../../src/engine/reach/summary.js';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';

/**
 * The README promises that `reach` scales with the size of the network, not with the product
 * of its rule counts. Timing is left to bench/hostile-networks.mjs; these tests hold the work
 * itself: how many filter verdicts are evaluated (the rest are reused) and how many paths are
 * walked, on the shapes that were super-linear.
 */
function summarise(text: string) {
  const loaded = loadSubmissionFromTemplates([{ file: 'shape.yaml', text }]);
  expect(loaded.ok).toBe(true);
  return reachSummary(loaded.cloud);
}

describe('reach scales (README)', () => {
  it('evaluates each network ACL once per place, not once per pair of classes', () => {
    const small = summarise(aclTemplate({ subnets: 8, entries: 4 }));
    const large = summarise(aclTemplate({ subnets: 32, entries: 4 }));
    expect(large.classes.length).toBe(4 * small.classes.length);
    // Pairs of classes grow sixteenfold; the filter work grows with the number of ACLs.
    expect(large.questions).toBeGreaterThan(12 * small.questions);
    expect(large.work.filterEvaluations).toBeLessThanOrEqual(5 * small.work.filterEvaluations);
  });

  it('evaluates each set of security groups once per place, and asks no question per port range a rule names', () => {
    const small = summarise(groupTemplate({ groups: 8, rules: 12 }));
    const large = summarise(groupTemplate({ groups: 32, rules: 12 }));
    expect(large.work.filterEvaluations).toBeLessThanOrEqual(5 * small.work.filterEvaluations);
    // At most three questions (tcp, udp, icmp) per pair of ends, however many port bounds the rules name.
    const ends = large.classes.length + 1;
    expect(large.questions).toBeLessThanOrEqual(3 * ends * ends);
  });

  it('walks as many paths with 400 routes to one gateway as with 50', () => {
    const small = summarise(routeTemplate({ routes: 50, instances: 4 }));
    const large = summarise(routeTemplate({ routes: 400, instances: 4 }));
    expect(large.rows.length).toBe(small.rows.length);
    expect(large.work.paths).toBe(small.work.paths);
  });
});
