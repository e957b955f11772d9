import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiate, loadLab } from '../../src/content/labs.js';
import { buildIfStale, cloudlab, noStackTrace, ROOT } from '../support/cli.js';

let tmp: string;
let env: Record<string, string>;
beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-labs-'));
  env = { CLOUDLAB_HOME: join(tmp, 'home') };
}, 180_000);

describe('labs for students', () => {
  it('cloudlab labs lists the labs in course order', () => {
    const r = cloudlab(['labs', '--json'], env);
    expect(r.status).toBe(0);
    const labs = JSON.parse(r.stdout) as { id: string; order: number }[];
    expect(labs.map((l) => l.order)).toEqual([...labs.map((l) => l.order)].sort((a, b) => a - b));
    expect(labs.map((l) => l.id)).toContain('public-web');
  });
  it('lab brief fills in the student\'s own values', () => {
    const a = cloudlab(['lab', 'brief', 'public-web', '--student', 'alice', '--json'], env);
    const b = cloudlab(['lab', 'brief', 'public-web', '--student', 'bob', '--json'], env);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    expect(ja.parameters.adminIp).not.toBe(jb.parameters.adminIp);
    expect(ja.brief).toContain(ja.parameters.adminIp);
    expect(ja.brief).not.toMatch(/\{\{\w+\}\}/);
  });
  it('lab start writes the starter and never overwrites work', () => {
    const dir = join(tmp, 'pw');
    const r = cloudlab(['lab', 'start', 'public-web', '--student', 'alice', '--dir', dir], env);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'template.yaml'), 'utf8');
    expect(text).toContain('lab: public-web');
    expect(text).toContain('alice');
    writeFileSync(join(dir, 'template.yaml'), text + '\n# my work\n');
    const again = cloudlab(['lab', 'start', 'public-web', '--student', 'alice', '--dir', dir], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists; your work is not overwritten/);
    expect(readFileSync(join(dir, 'template.yaml'), 'utf8')).toContain('# my work');
  });
  it("lab start writes the scenario files of the lab's drills beside the template, to play before the check does", () => {
    const dir = join(tmp, 'lbw');
    const r = cloudlab(['lab', 'start', 'load-balanced-web', '--student', 'alice', '--dir', dir], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/template\.yaml, .*BRIEF\.md and .*drills\/shop-traffic\.yaml\./);
    const written = readFileSync(join(dir, 'drills', 'shop-traffic.yaml'), 'utf8');
    expect(written).toBe(readFileSync(join(ROOT, 'labs/load-balanced-web/drills/shop-traffic.yaml'), 'utf8'));
    const played = cloudlab(['simulate', join(dir, 'template.yaml'), '--scenario', join(dir, 'drills', 'shop-traffic.yaml')], env);
    expect(played.stderr).toMatch(/LoadBalancer/);
    expect(existsSync(join(tmp, 'pw', 'drills'))).toBe(false);
  });
  it('check: the starter fails some checks (exit 1), the reference passes all (exit 0) and is recorded', () => {
    const dir = join(tmp, 'pw2');
    cloudlab(['lab', 'start', 'public-web', '--student', 'alice', '--dir', dir], env);
    const starter = cloudlab(['check', 'public-web', join(dir, 'template.yaml'), '--student', 'alice'], env);
    expect(starter.status).toBe(1);
    expect(starter.stdout).toMatch(/Score: \d+\/\d+/);
    expect(starter.stdout).toMatch(/Hint: /);
    const lab = loadLab('public-web');
    const solution = join(tmp, 'solution.yaml');
    writeFileSync(solution, instantiate(readFileSync(join(ROOT, 'test/fixtures/labs/public-web/solution.yaml'), 'utf8'), lab, 'alice'));
    const full = cloudlab(['check', 'public-web', solution, '--student', 'alice', '--json'], env);
    expect(full.status).toBe(0);
    const j = JSON.parse(full.stdout);
    expect(j.score).toBe(j.max);
    const progress = JSON.parse(readFileSync(join(tmp, 'home', 'progress.json'), 'utf8'));
    expect(progress.labs['public-web'].at(-1).score).toBe(j.max);
  });
  it('check: another lab\'s submission, a broken file, an unknown lab → exit 2 with the reason', () => {
    const dir = join(tmp, 'pw3');
    cloudlab(['lab', 'start', 'public-web', '--dir', dir], env);
    const wrong = cloudlab(['check', 'three-tier', join(dir, 'template.yaml')], env);
    expect(wrong.status).toBe(2);
    expect(wrong.stdout).toMatch(/made for the lab "public-web"/);
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(broken, 'Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/33}}\n');
    const b = cloudlab(['check', 'public-web', broken], env);
    expect(b.status).toBe(2);
    expect(b.stdout).toMatch(/Not graded: the template does not load/);
    expect(noStackTrace(b)).toBe(true);
    const u = cloudlab(['check', 'public-wbe', broken], env);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/did you mean public-web\?/);
    expect(existsSync(join(tmp, 'home', 'progress.json'))).toBe(true);
  });
});
