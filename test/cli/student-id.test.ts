import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiate, loadLab } from '../../src/content/labs.js';
import { buildIfStale, cloudlab, ROOT } from '../support/cli.js';

let tmp: string;
const solution = (lab: string, student: string) => instantiate(readFileSync(join(ROOT, 'test', 'fixtures', 'labs', lab, 'solution.yaml'), 'utf8'), loadLab(lab), student);

beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-student-'));
}, 180_000);

describe("students' ids", () => {
  it("check without --student grades with the student the template's Metadata names", () => {
    const env = { CLOUDLAB_HOME: join(tmp, 'h1') };
    const file = join(tmp, 'nat.yaml');
    writeFileSync(file, solution('nat-gateway', 's1001'));
    const r = cloudlab(['check', 'nat-gateway', file, '--json'], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).student).toBe('s1001');
  });
  it('warns when the id given differs from the Metadata, and grades with the id given', () => {
    const env = { CLOUDLAB_HOME: join(tmp, 'h2'), CLOUDLAB_STUDENT: 's2002' };
    const file = join(tmp, 'nat2.yaml');
    writeFileSync(file, solution('nat-gateway', 's1001'));
    const r = cloudlab(['check', 'nat-gateway', file, '--json'], env);
    expect(JSON.parse(r.stdout).student).toBe('s2002');
    expect(r.stderr).toMatch(/graded for student s2002 \(from CLOUDLAB_STUDENT\), but the template's Metadata names student s1001/);
  });
  it('cloudlab config remembers the id; lab start --student remembers it once', () => {
    const env = { CLOUDLAB_HOME: join(tmp, 'h3') };
    expect(cloudlab(['config', 'get', 'student'], env).stdout).toMatch(/not set/);
    const start = cloudlab(['lab', 'start', 'bastion', '--student', 's777', '--dir', join(tmp, 'b')], env);
    expect(start.stderr).toMatch(/remembered your student id s777/);
    expect(JSON.parse(cloudlab(['config', 'get', '--json'], env).stdout).student).toBe('s777');
    expect(cloudlab(['config', 'set', 'student', 's888'], env).status).toBe(0);
    expect(cloudlab(['lab', 'brief', 'bastion', '--json'], env).stdout).toContain('"student"');
    expect(cloudlab(['config', 'get', 'student'], env).stdout.trim()).toBe('s888');
    const bad = cloudlab(['config', 'set', 'student', 'two words'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/is not a student id/);
    expect(cloudlab(['config', 'set', 'studnet', 'x'], env).stderr).toMatch(/did you mean student/);
    expect(cloudlab(['config', 'unset', 'student'], env).status).toBe(0);
    expect(existsSync(join(tmp, 'h3', 'config.json'))).toBe(true);
  });
  it('check --format gradescope writes results.json for the student of submission_metadata.json', () => {
    const env = { CLOUDLAB_HOME: join(tmp, 'h4') };
    const root = join(tmp, 'autograder');
    mkdirSync(join(root, 'submission'), { recursive: true });
    writeFileSync(join(root, 'submission', 'template.yaml'), solution('peering', 's4242'));
    writeFileSync(join(root, 'submission_metadata.json'), JSON.stringify({ users: [{ email: 'x@example.edu', id: 1, name: 'X', sid: 's4242' }] }));
    const out = join(root, 'results', 'results.json');
    const r = cloudlab(['check', 'peering', join(root, 'submission'), '--format', 'gradescope', '--out', out], env);
    expect(r.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as { score: number; tests: { status: string }[] };
    expect(results.score).toBe(loadLab('peering').maxScore);
    expect(results.tests.every((t) => t.status === 'passed')).toBe(true);
  });
});
