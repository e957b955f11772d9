import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiate, loadLab } from '../../src/content/labs.js';
import { buildIfStale, cloudlab, ROOT } from '../support/cli.js';

/**
 * The rough edges of daily use, run as a student would: colour on a terminal only, check
 * --watch in a real terminal (a pty made by script(1)), the next lab after full marks, and
 * output that reads well at 80 columns.
 */
let tmp: string;
let home: string;
beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-daily-'));
  home = mkdtempSync(join(tmpdir(), 'cloudlab-daily-home-'));
}, 180_000);

const hasScript = spawnSync('script', ['-qec', 'true', '/dev/null']).status === 0;
const BIN = join(ROOT, 'bin/cloudlab.js');
const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/** Runs the command on a terminal (a pty) and returns what the terminal showed. */
function onTerminal(args: string[], env: Record<string, string | undefined> = {}): { status: number | null; out: string } {
  const e: NodeJS.ProcessEnv = { ...process.env, CLOUDLAB_HOME: home, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete e[k];
  const r = spawnSync('script', ['-qec', `node ${quote(BIN)} ${args.map(quote).join(' ')}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: e, input: '', timeout: 30_000 });
  return { status: r.status, out: r.stdout };
}

function solution(labId: string, student: string, file: string): string {
  const text = readFileSync(join(ROOT, 'test/fixtures/labs', labId, 'solution.yaml'), 'utf8');
  const path = join(tmp, file);
  writeFileSync(path, instantiate(text, loadLab(labId), student));
  return path;
}

const GREEN_TICK = '\u001b[32m✓\u001b[39m';
const RED_CROSS = '\u001b[31m✗\u001b[39m';

describe('colour', () => {
  it.skipIf(!hasScript)('✓ green and ✗ red on a terminal for validate, trace and check; none with NO_COLOR', () => {
    const env = { NO_COLOR: undefined, CI: undefined };
    const valid = onTerminal(['validate', 'test/fixtures/networks/three-tier.yaml'], env);
    expect(valid.out).toContain(GREEN_TICK);
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n     Properties: {}\n');
    expect(onTerminal(['validate', bad], env).out).toContain(RED_CROSS);
    const path = solution('public-web', 's1', 'pw-colour.yaml');
    const checked = onTerminal(['check', 'public-web', path, '--student', 's1'], env);
    expect(checked.out).toContain(GREEN_TICK);
    const traced = onTerminal(['trace', path, '--from', 'internet', '--to', 'Web', '--port', '443'], env);
    expect(traced.out).toContain(GREEN_TICK);
    expect(onTerminal(['validate', 'test/fixtures/networks/three-tier.yaml'], { NO_COLOR: '1' }).out).not.toContain('\u001b[');
  });

  it('no colour when piped', () => {
    const r = cloudlab(['validate', 'test/fixtures/networks/three-tier.yaml'], { NO_COLOR: '' });
    expect(r.stdout).toContain('✓');
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('cloudlab check --watch', () => {
  it('without a terminal it says watch needs one, exit 2', () => {
    const r = cloudlab(['check', 'public-web', 'test/fixtures/labs/public-web/solution.yaml', '--watch']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cloudlab: --watch needs a terminal: it checks again each time you save; without one, run check without --watch.\n');
  });

  it.skipIf(!hasScript)('checks again on each save (also a save by rename), and Ctrl-C ends it with 130', async () => {
    const path = solution('address-plan', 's1', 'watched.yaml');
    const good = readFileSync(path, 'utf8');
    const child = spawn('script', ['-qfec', `node ${quote(BIN)} check address-plan ${quote(path)} --student s1 --watch`, '/dev/null'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CLOUDLAB_HOME: home, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    const count = (re: RegExp): number => (out.match(re) ?? []).length;
    const until = async (test: () => boolean, what: string): Promise<void> => {
      const end = Date.now() + 20_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`never saw ${what}; the terminal shows:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await until(() => count(/Watching /g) === 1, 'the first check');
      expect(out).toContain('Score: 15/15');
      expect(out).toContain('Next: lab 2, A public web server. Start it with:');
      expect(out).toContain('cloudlab lab start public-web --student s1');
      writeFileSync(path, 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n     Properties: {}\n');
      await until(() => count(/Watching /g) === 2, 'a check after the save');
      expect(out).toContain('Not graded');
      expect(out).toContain('this line is indented by 5 spaces');
      writeFileSync(`${path}.tmp`, good);
      renameSync(`${path}.tmp`, path);
      await until(() => count(/Watching /g) === 3, 'a check after a save by rename');
      expect(count(/Score: 15\/15/g)).toBe(2);
      child.stdin.write('\u0003');
      const status = await new Promise<number | null>((r) => child.on('close', r));
      expect(status).toBe(130);
      expect(out).toContain('Stopped watching.');
    } finally {
      child.kill();
    }
  }, 60_000);
});

describe('after full marks', () => {
  it('check names the next lab and how to start it, in text and JSON', () => {
    const path = solution('address-plan', 's7', 'full.yaml');
    const r = cloudlab(['check', 'address-plan', path, '--student', 's7'], { CLOUDLAB_HOME: home });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Next: lab 2, A public web server\. Start it with:\n {2}cloudlab lab start public-web --student s7\n$/);
    const j = JSON.parse(cloudlab(['check', 'address-plan', path, '--student', 's7', '--json'], { CLOUDLAB_HOME: home }).stdout);
    expect(j.next).toMatchObject({ id: 'public-web', command: 'cloudlab lab start public-web --student s7' });
  });

  it('not before', () => {
    const r = cloudlab(['check', 'public-web', 'test/fixtures/labs/public-web/broken-no-https.yaml', '--student', 's7'], { CLOUDLAB_HOME: home });
    expect(r.stdout).not.toContain('Next: lab');
  });
});

describe('at 80 columns', () => {
  it('lessons never breaks an id', () => {
    const r = cloudlab(['lessons'], { CLOUDLAB_HOME: home });
    const ids = (JSON.parse(cloudlab(['lessons', '--json'], { CLOUDLAB_HOME: home }).stdout) as { id: string }[]).map((l) => l.id);
    for (const id of ids) expect(r.stdout, id).toMatch(new RegExp(`(^|\\s)${id}(\\s|$)`, 'm'));
    for (const l of r.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(80);
  });

  it('lab brief prints the student’s own id and no line passes 80 columns', () => {
    for (const lab of ['public-web', 'peering', 'prod-staging']) {
      const r = cloudlab(['lab', 'brief', lab, '--student', 's1234567']);
      expect(r.stdout).not.toContain('<your id>');
      expect(r.stdout).toContain(`--student s1234567`);
      const plain = cloudlab(['lab', 'brief', lab]);
      for (const out of [r.stdout, plain.stdout]) for (const l of out.split('\n')) expect([...l].length, l).toBeLessThanOrEqual(80);
    }
  });

  it.skipIf(!hasScript)('the quiz intro wraps between words, never leaving a lone "."', async () => {
    const child = spawn('script', ['-qfec', `node ${quote(BIN)} quiz regions-and-availability-zones --count 1 --seed x`, '/dev/null'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CLOUDLAB_HOME: home, COLUMNS: '80', NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    try {
      const end = Date.now() + 20_000;
      while (!out.includes('Question 1 of 1') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    } finally {
      child.kill();
    }
    const lines = out.split(/\r?\n/);
    expect(lines.some((l) => l.trim() === '.')).toBe(false);
    const intro = lines.findIndex((l) => l.startsWith('Type your answer'));
    expect(intro, out).toBeGreaterThanOrEqual(0);
    for (const l of lines.slice(0, intro + 2)) expect([...l].length, l).toBeLessThanOrEqual(80);
  }, 30_000);
});
