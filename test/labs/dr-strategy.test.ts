/**
 * dr-strategy: for every workload a student can draw, the strategy of the solution is the
 * cheapest that the region loss drill shows meets its objectives (DR-02): the one a step
 * dearer is over the budget, the one a step below misses an objective; and each broken variant
 * fails the same checks whatever the workload.
 */
import { describe, expect, it } from 'vitest';
import { loadLab, studentParameters } from '../../src/content/labs.js';
import { brokenVariants, expectedFailures, failedIds, failureSummary, fixturePath, gradeFor } from './support.js';

const lab = loadLab('dr-strategy');
const workloads = lab.parameters.find((p) => p.name === 'workload')!.choices!.map(String);

/** A student id that draws each workload (the search is deterministic). */
function studentFor(workload: string): string {
  for (let i = 0; i < 10_000; i++) {
    const id = `w${i}`;
    if (studentParameters(lab, id).workload === workload) return id;
  }
  throw new Error(`no student draws ${workload}`);
}

const grade = (folder: string, student: string) => gradeFor(lab, '', fixturePath('dr-strategy', folder), student);

/** What the strategy a step below the cheapest adequate one misses, for each workload. */
const BELOW: Record<string, string[]> = {
  orders: ['recovery-time'], // pilot light: servers launched at 15m serve after the 5m RTO
  checkout: ['recovery-time'],
  accounts: ['recovery-point'], // backup and restore: a daily copy, hours of writes lost; back in 26m30s, within 30m
  catalog: ['recovery-point', 'recovery-time'], // the same, and the restore ends after its 15m RTO
  reports: ['recovery-point'], // daily backups where the 4h RPO needs hourly ones
  archive: [], // nothing is cheaper than backup and restore: kept as the solution has it
};

describe('lab dr-strategy, for every workload', () => {
  it('offers the six workloads, each with its own objectives and budget', () => {
    expect(workloads).toEqual(Object.keys(BELOW).sort((a, b) => workloads.indexOf(a) - workloads.indexOf(b)));
  });

  describe.each(workloads)('%s', (workload) => {
    const student = studentFor(workload);

    it('the solution scores full marks', () => {
      const r = grade('solution', student);
      expect(failureSummary(r)).toEqual([]);
      expect(r.score).toBe(lab.maxScore);
    });

    it('a strategy one step dearer meets the objectives and is over the budget', () => {
      expect(failedIds(grade('broken-one-step-dearer', student))).toEqual(['budget']);
    });

    it('the strategy a step below misses an objective', () => {
      expect(failedIds(grade('strategy-below', student))).toEqual(BELOW[workload]);
    });

    // The lab's tests grade the variants for three students; these hold for every workload.
    it.each(brokenVariants('dr-strategy'))('%s fails exactly the checks expect.yaml lists', (variant) => {
      const r = grade(variant, student);
      expect(failedIds(r), failureSummary(r).join('\n')).toEqual(expectedFailures('dr-strategy')[variant]);
    });
  });
});
