import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab, LabError, parseLabManifest } from '../../src/content/labs.js';
import { gradeTemplates } from '../../src/grading/grade.js';
import type { GradeResult } from '../../src/grading/result.js';

const root = join(import.meta.dirname, '../fixtures/drills');
const labs = join(root, 'labs');
const lab = loadLab('zone-drill', labs);
const submission = (name: string) => [{ file: `${name}.yaml`, text: readFileSync(join(root, 'submissions', `${name}.yaml`), 'utf8') }];
const check = (r: GradeResult, id: string) => r.checks.find((c) => c.id === id)!;

describe('drill check kinds', () => {
  const oneNat = gradeTemplates(lab, submission('one-nat'), { student: 'alice' });
  const perZone = gradeTemplates(lab, submission('nat-per-zone'), { student: 'alice' });

  it('survives-any-zone fails one NAT gateway, naming the worst zone, and passes one per zone', () => {
    const one = check(oneNat, 'any-zone');
    expect(one.passed).toBe(false);
    expect(one.evidence?.drill?.worstZone).toBe('us-east-1a');
    // Losing us-east-1a takes AppA down and AppB's NAT gateway: every call is dropped from 15m.
    expect(one.evidence?.drill?.zones).toEqual([
      { zone: 'us-east-1a', droppedPercent: 75, recoveryTime: null },
      { zone: 'us-east-1b', droppedPercent: 37.5, recoveryTime: null },
    ]);
    expect(one.detail).toContain('losing us-east-1a drops more than 50%');
    const two = check(perZone, 'any-zone');
    expect(two.passed).toBe(true);
    expect(two.evidence?.drill?.zones?.map((z) => z.droppedPercent)).toEqual([37.5, 37.5]);
  });

  it("drill-dropped measures one end with the student's rate filled in", () => {
    const one = check(oneNat, 'dropped');
    const m = one.evidence!.drill!;
    // One end, an hour at the student's rate; half an hour cut off.
    expect(m.sent % 3600).toBe(0);
    expect(m.dropped).toBe(m.sent / 2);
    expect(m.droppedPercent).toBe(50);
    expect(one.passed).toBe(false);
    const two = check(perZone, 'dropped');
    expect(two.evidence!.drill!.dropped).toBe(0);
    expect(two.passed).toBe(true);
  });

  it('drill-recovery-time passes when calls resume when the zone returns, 30 minutes after it failed', () => {
    const c = check(oneNat, 'recovery');
    expect(c.evidence!.drill!.recoveryTime).toBe(1800);
    expect(c.passed).toBe(true);
    expect(c.detail).toBe('requests are served again 30m after the failure; at most 30m may pass');
  });

  it('drill-cost compares the bill of the scenario with the ceiling', () => {
    const c = check(perZone, 'cost');
    expect(c.evidence!.drill!.cost).toBeGreaterThan(0);
    expect(c.passed).toBe(c.evidence!.drill!.cost <= 0.2);
    expect(c.detail).toMatch(/^the scenario costs \$0\.\d{4} \(\$0\.\d{4} an hour with everything up\); the ceiling is \$0\.2000$/);
  });

  it('the evidence keeps the events that matter', () => {
    const events = check(oneNat, 'dropped').evidence!.drill!.events;
    expect(events[0]).toMatchObject({ at: 900, what: 'failed', resource: 'us-east-1a' });
    expect(events.some((e) => e.what === 'recovered' && e.at === 2700)).toBe(true);
  });

  it('grading is deterministic, and keeps the played drills only when asked', () => {
    const again = gradeTemplates(lab, submission('one-nat'), { student: 'alice' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(oneNat));
    expect(oneNat.drills).toBeUndefined();
    const kept = gradeTemplates(lab, submission('one-nat'), { student: 'alice', keepDrills: true });
    // Two files, and one run per zone: each (file, zone) is played once, whatever the checks.
    expect(kept.drills!.map((d) => `${d.scenario}${d.failZone ? ` ${d.failZone.zone}@${d.failZone.at}` : ''}`)).toEqual([
      'drills/app-calls-out.yaml',
      'drills/app-calls-out.yaml us-east-1a@900',
      'drills/app-calls-out.yaml us-east-1b@900',
      'drills/zone-failure.yaml',
    ]);
  });

  it("fills ${param} in the scenario with each student's value", () => {
    const sent = (student: string) => check(gradeTemplates(lab, submission('nat-per-zone'), { student }), 'dropped').evidence!.drill!.sent;
    const rates = new Set(['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map((s) => sent(s) / 3600));
    expect([...rates].every((r) => r === 2 || r === 4)).toBe(true);
    expect(rates.size).toBe(2);
  });

  it('a submission that lacks an end of the scenario fails the check, saying where', () => {
    const text = submission('nat-per-zone')[0].text.replace(/\bAppB\b/g, 'AppTwo');
    const r = gradeTemplates(lab, [{ file: 'renamed.yaml', text }], { student: 'alice' });
    const c = check(r, 'dropped');
    expect(c.passed).toBe(false);
    expect(c.detail).toMatch(/^the drill drills\/zone-failure\.yaml cannot be played on this submission: drills\/zone-failure\.yaml:8:11: error UnknownEnd: "AppB" is not an instance/);
  });
});

describe('drill scenarios are checked when the lab loads', () => {
  const manifest = (scenario: string) =>
    parseLabManifest(
      `id: x\ntitle: X\norder: 1\nregion: us-east-1\nsummary: s\nchecks:\n  - { id: d, title: D, kind: drill-cost, args: { scenario: '${scenario}', max: 1 }, points: 1, pass: p, fail: f, hint: h }\n`,
      'lab.yaml',
      join(labs, 'zone-drill'),
    );

  it('a scenario out of the lab folder, missing, or naming an unknown parameter is refused with the file', async () => {
    const { checkDrills } = await import('../../src/content/lab-drills.js');
    expect(() => checkDrills(manifest('../zone-drill/drills/zone-failure.yaml'))).toThrow(/must be a path inside the lab folder/);
    expect(() => checkDrills(manifest('drills/nothing.yaml'))).toThrow(/scenario drills\/nothing\.yaml does not exist/);
    // The fixture's scenarios use ${peak}, which this manifest does not declare.
    expect(() => checkDrills(manifest('drills/zone-failure.yaml'))).toThrow(LabError);
    expect(() => checkDrills(manifest('drills/zone-failure.yaml'))).toThrow(/zone-failure\.yaml:7: \$\{peak\} is not a parameter of the lab \(it has none\)/);
  });

  it('a scenario that does not read names its file, line and the mistake', async () => {
    const { checkDrills } = await import('../../src/content/lab-drills.js');
    const broken = join(import.meta.dirname, '../fixtures/drills/broken-lab');
    const l = manifest('drills/bad.yaml');
    l.dir = broken;
    expect(() => checkDrills(l)).toThrow(/broken-lab\/drills\/bad\.yaml:3:\d+: error \w+: .*duration/);
  });
});

describe('drill arguments', () => {
  it('a check without a lab folder, or with a bad percentage or duration, is the author’s mistake', async () => {
    const { CHECK_KINDS, CheckArgumentError } = await import('../../graders/index.js');
    const { Walker } = await import('../../src/engine/reach/walker.js');
    const { loadSubmissionFromTemplates } = await import('../../src/formats/load-submission.js');
    const loaded = loadSubmissionFromTemplates(submission('one-nat'), { region: 'us-east-1', seed: 'x' });
    const ctx = { cloud: loaded.cloud, walker: new Walker(loaded.cloud), resources: loaded.resources };
    const run = (kind: string, args: Record<string, unknown>) => () => CHECK_KINDS.get(kind)!.run(ctx, args);
    expect(run('drill-dropped', { scenario: 'drills/zone-failure.yaml', maxDropped: 5 })).toThrow(/without a lab folder/);
    expect(run('drill-dropped', { scenario: 'x.yaml', maxDropped: 'lots' })).toThrow(CheckArgumentError);
    expect(run('drill-dropped', { scenario: 'x.yaml', maxDropped: 120 })).toThrow(/a percentage from 0 to 100/);
    expect(run('drill-recovery-time', { scenario: 'x.yaml', max: 'soon' })).toThrow(/a duration/);
    expect(run('drill-cost', { scenario: 'x.yaml', max: 'cheap' })).toThrow(/US dollars/);
    expect(run('survives-any-zone', { maxDropped: 5 })).toThrow(/needs scenario/);
  });

  it('every drill kind is in the authors’ guide', async () => {
    const { DRILL_KINDS } = await import('../../graders/drills.js');
    const guide = readFileSync(join(import.meta.dirname, '../../labs/README.md'), 'utf8');
    for (const k of DRILL_KINDS) expect(guide).toContain(`**\`${k.kind}\`**`);
  });
});

describe('drill-recovery-point and the measures, on results given to the kind', () => {
  // A drill runner that hands the kind a result, as the grader's runner would after playing it.
  const result = (measured: { id: string; recoveryPoint: number | null }[]) => ({
    duration: 3600,
    interval: 60,
    requests: { sent: 100, served: 90, dropped: 10 },
    ends: [{ end: 'Web', from: 'internet', port: 80, protocol: 'tcp', sent: 100, served: 90, dropped: 10, recoveryTime: 120, fullRecoveryTime: 300, outages: [] }],
    databases: measured.map((d) => ({ ...d, region: 'us-east-1', role: 'primary' as const, endpoint: `${d.id.toLowerCase()}.rds.amazonaws.com`, outcome: 'measured' })),
    cost: { total: 0.5, currency: 'USD' as const, hourlyAtStart: 0.5 },
    events: [{ at: 600, what: 'failed', resource: 'us-east-1', detail: 'region us-east-1 failed' }],
    intervals: [],
    notes: [],
  });
  const run = async (kind: string, args: Record<string, unknown>, databases: { id: string; recoveryPoint: number | null }[] = []) => {
    const { CHECK_KINDS } = await import('../../graders/index.js');
    const { Cloud } = await import('../../src/engine/cloud.js');
    const { Walker } = await import('../../src/engine/reach/walker.js');
    const cloud = new Cloud('t');
    return CHECK_KINDS.get(kind)!.run({ cloud, walker: new Walker(cloud), resources: [], drill: (req) => ({ file: req.scenario, result: result(databases) }) }, { scenario: 'drills/x.yaml', ...args });
  };

  it('judges the worst database against max, and fails when the data is gone or none was measured', async () => {
    const ok = await run('drill-recovery-point', { max: '5m' }, [{ id: 'Orders', recoveryPoint: 40 }, { id: 'Users', recoveryPoint: 300 }]);
    expect(ok).toMatchObject({ passed: true, detail: 'Users loses 5m of writes (the most of its databases); at most 5m may be lost' });
    expect(ok.evidence?.drill?.recoveryPoints).toEqual([{ id: 'Orders', recoveryPoint: 40 }, { id: 'Users', recoveryPoint: 300 }]);
    const late = await run('drill-recovery-point', { max: 60, database: 'Users' }, [{ id: 'Orders', recoveryPoint: 40 }, { id: 'Users', recoveryPoint: 300 }]);
    expect(late).toMatchObject({ passed: false, detail: 'Users loses 5m of writes; at most 1m may be lost' });
    const gone = await run('drill-recovery-point', { max: '1h' }, [{ id: 'Orders', recoveryPoint: null }]);
    expect(gone).toMatchObject({ passed: false, detail: 'the data of Orders is gone: nothing can restore it' });
    const none = await run('drill-recovery-point', { max: '1h' });
    expect(none).toMatchObject({ passed: false, detail: 'the scenario measured no database, so no recovery point' });
    const other = await run('drill-recovery-point', { max: '1h', database: 'Ledger' }, [{ id: 'Orders', recoveryPoint: 1 }]);
    expect(other.detail).toBe('the scenario measured no recovery point for the database Ledger; it measured Orders');
  });

  it('reads percentages as 5 or "5%", names one end as "from → to", and full: true waits for the offered rate', async () => {
    expect((await run('drill-dropped', { maxDropped: '10%' })).passed).toBe(true);
    expect((await run('drill-dropped', { maxDropped: 9.99 })).passed).toBe(false);
    expect((await run('drill-dropped', { maxDropped: 10, end: 'internet → Web' })).detail).toBe('10 of 100 requests dropped (10%); at most 10% may be');
    await expect(run('drill-dropped', { maxDropped: 10, end: 'Api' })).rejects.toThrow('the scenario sends no traffic to "Api"; its ends: Web');
    expect((await run('drill-recovery-time', { max: '2m' })).detail).toBe('requests are served again 2m after the failure; at most 2m may pass');
    expect(await run('drill-recovery-time', { max: '2m', full: true })).toMatchObject({ passed: false, detail: 'requests are served at the offered rate again 5m after the failure; at most 2m may pass' });
    expect(await run('drill-cost', { max: 0.49 })).toMatchObject({ passed: false, detail: 'the scenario costs $0.5000 ($0.5000 an hour with everything up); the ceiling is $0.4900' });
  });
});

describe('survives-any-zone', () => {
  it('fails each zone at `at`, and refuses a time past the end of the scenario', async () => {
    const { gradeTemplates: grade } = await import('../../src/grading/grade.js');
    const manifest = (at: string) =>
      parseLabManifest(
        `id: zone-drill\ntitle: X\norder: 1\nregion: us-east-1\nsummary: s\nparameters:\n  peak: { kind: choice, description: rate, choices: [2] }\nchecks:\n  - { id: z, title: Z, kind: survives-any-zone, args: { scenario: drills/app-calls-out.yaml, maxDropped: 50, at: '${at}' }, points: 1, pass: p, fail: f, hint: h }\n`,
        'lab.yaml',
        join(labs, 'zone-drill'),
      );
    const late = grade(manifest('45m'), submission('nat-per-zone'), { student: 'alice' });
    // Each app server is cut off for the last 15 minutes of the hour in its own zone's run: a quarter of its calls, an eighth of all.
    expect(late.checks[0].evidence?.drill?.zones?.map((z) => z.droppedPercent)).toEqual([12.5, 12.5]);
    expect(() => grade(manifest('1h'), submission('nat-per-zone'), { student: 'alice' })).toThrow('survives-any-zone: at (1h) must be before the end of the scenario (1h)');
  });
});

describe('drill arguments are checked when the lab loads', () => {
  it('a bad percentage, duration or ceiling names the manifest and the check', async () => {
    const { checkDrills } = await import('../../src/content/lab-drills.js');
    const lab = (kind: string, args: string) =>
      parseLabManifest(
        `id: x\ntitle: X\norder: 1\nregion: us-east-1\nsummary: s\nparameters:\n  peak: { kind: choice, description: rate, choices: [2] }\nchecks:\n  - { id: d, title: D, kind: ${kind}, args: { scenario: drills/zone-failure.yaml, ${args} }, points: 1, pass: p, fail: f, hint: h }\n`,
        'lab.yaml',
        join(labs, 'zone-drill'),
      );
    expect(() => checkDrills(lab('drill-dropped', 'maxDropped: lots'))).toThrow(/lab\.yaml: check d: drill-dropped needs maxDropped, a percentage from 0 to 100/);
    expect(() => checkDrills(lab('drill-recovery-time', 'max: soon'))).toThrow(/check d: drill-recovery-time needs max, a duration/);
    expect(() => checkDrills(lab('drill-cost', 'max: cheap'))).toThrow(/check d: drill-cost needs max, US dollars/);
    expect(() => checkDrills(lab('survives-any-zone', 'maxDropped: 5, at: later'))).toThrow(/check d: survives-any-zone needs at, a duration/);
    expect(() => checkDrills(lab('drill-cost', 'max: 1'))).not.toThrow();
  });
});
