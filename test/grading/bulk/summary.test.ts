import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../src/grading/bulk/run.js';
import { summarize } from '../../../src/grading/bulk/summary.js';
import { formatSummary } from '../../../src/grading/bulk/summary-text.js';
import { fixtureLab } from './support/fixture.js';
import { row } from './support/results.js';

const lab = fixtureLab();
const checks = lab.checks.map((c) => ({ id: c.id, title: c.title, kind: c.kind, points: c.points }));

// Scores: 10, 10, 7 (ssh), 5 (ssh + http), 2 (all but least-privilege), 0 (empty), 0 (invalid), 0 (invalid)
const results = [
  row(lab, 'a.yaml', { fingerprint: 'same' }),
  row(lab, 'b.yaml', { fingerprint: 'same' }),
  row(lab, 'c.yaml', { failed: ['ssh-only-admin'], fingerprint: 'c' }),
  row(lab, 'd.yaml', { failed: ['ssh-only-admin', 'http-from-anywhere'], student: 'a' }),
  row(lab, 'e.yaml', { failed: ['public-route', 'http-from-anywhere', 'https-from-anywhere', 'ssh-only-admin'], flags: ['unchanged-starter'], fingerprint: 'same' }),
  row(lab, 'f.yaml', { status: 'empty', reason: 'the file is empty', code: 'EmptyFile', flags: ['not-in-roster'] }),
  row(lab, 'g.yaml', { status: 'invalid', reason: 'the template does not load: g.yaml:1:1: bad', code: 'YamlSyntax' }),
  row(lab, 'h.yaml', { status: 'invalid', reason: 'the template does not load: h.yaml:3:1: bad', code: 'YamlSyntax' }),
];

describe('summarize', () => {
  const s = summarize(results, lab.maxScore, checks, ['zed.yaml']);

  it('counts, and gives the mean and median in points and percent', () => {
    expect([s.count, s.graded, s.max]).toEqual([8, 5, 10]);
    expect(s.mean).toBe(4.25);
    expect(s.median).toBe(3.5);
    expect([s.meanPercent, s.medianPercent]).toEqual([42.5, 35]);
  });

  it('puts scores in ten buckets of the percentage, full marks in the last', () => {
    expect(s.distribution.map((b) => b.count)).toEqual([3, 0, 1, 0, 0, 1, 0, 1, 0, 2]);
    expect(s.distribution[0].range).toBe('0-9%');
    expect(s.distribution[9].range).toBe('90-100%');
  });

  it('ranks the checks failed most among graded submissions', () => {
    expect(s.failedChecks.map((c) => [c.id, c.failed, c.percent])).toEqual([
      ['ssh-only-admin', 3, 60],
      ['http-from-anywhere', 2, 40],
      ['public-route', 1, 20],
      ['https-from-anywhere', 1, 20],
    ]);
  });

  it('groups the zeros by cause, the largest group first', () => {
    expect(s.zeros).toEqual([
      { status: 'invalid', code: 'YamlSyntax', reason: 'the template does not load: g.yaml:1:1: bad', submissions: ['g.yaml', 'h.yaml'] },
      { status: 'empty', code: 'EmptyFile', reason: 'the file is empty', submissions: ['f.yaml'] },
    ]);
  });

  it('lists identical submissions, leaving the unchanged starter out', () => {
    expect(s.identical).toEqual([['a.yaml', 'b.yaml']]);
    expect(s.unchangedStarter).toEqual(['e.yaml']);
  });

  it('reports students with several submissions and roster mismatches', () => {
    expect(s.duplicateStudents).toEqual([{ student: 'a', submissions: ['a.yaml', 'd.yaml'] }]);
    expect(s.notInRoster).toEqual(['f.yaml']);
    expect(s.missingFromFolder).toEqual(['zed.yaml']);
  });

  it('has no mean or median without submissions', () => {
    const empty = summarize([], 10, checks, []);
    expect([empty.count, empty.mean, empty.median]).toEqual([0, null, null]);
    expect(formatSummary({ lab: 'web-tier', title: lab.title }, empty)).toBe('web-tier: no submissions in the folder.\n');
  });
});

describe('formatSummary', () => {
  const text = formatSummary(assembleReport(lab, results, ['zed.yaml']), summarize(results, lab.maxScore, checks, ['zed.yaml']));

  it('fits 80 columns', () => {
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('shows the scores, a histogram, the failed checks, the zeros and what to look at', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('web-tier: 8 submissions, 5 graded, 3 not graded');
    expect(lines[1]).toBe('Mean 4.25 / 10 (42.5%)   Median 3.5 / 10 (35%)');
    expect(lines).toContain(`     0-9%  ${'#'.repeat(40)}  3`);
    expect(lines).toContain(`  90-100%  ${'#'.repeat(27).padEnd(40)}  2`);
    expect(text).toMatch(/ssh-only-admin +SSH only from the administrator +3 +60%/);
    expect(text).toContain('  2 × not graded (YamlSyntax): g.yaml, h.yaml');
    expect(text).toContain('  1 × empty (EmptyFile): f.yaml');
    expect(text).toContain('Identical after normalisation (possible copying)\n  a.yaml = b.yaml');
    expect(text).toContain('Unchanged starter: e.yaml');
    expect(text).toContain('  a: a.yaml, d.yaml');
    expect(text).toContain('Not in the roster (graded under their own name): f.yaml');
    expect(text).toContain('In the roster, no submission in the folder: zed.yaml');
  });

  it('wraps a long list under its heading', () => {
    const many = Array.from({ length: 30 }, (_, i) => row(lab, `student-${String(i).padStart(3, '0')}.yaml`, { status: 'empty', reason: 'the file is empty', code: 'EmptyFile' }));
    const t = formatSummary({ lab: 'web-tier', title: lab.title }, summarize(many, 10, checks, []));
    const zeroLines = t.split('\n').filter((l) => l.includes('student-'));
    expect(zeroLines.length).toBeGreaterThan(3);
    for (const l of zeroLines) expect(l.length).toBeLessThanOrEqual(80);
    expect(t.match(/student-\d{3}\.yaml/g)).toHaveLength(30);
  });
});
