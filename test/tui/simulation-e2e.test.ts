import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from './support/build.js';
import { LESSONS_DIR, ROOT, tempDir } from './support/fixtures.js';

/** The drills of a lab, played in the app in a tmux pane of 80×24, as a person would. */
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SOCKET = `cloudlab-sim-e2e-${process.pid}`;
const SESSION = 'sim';
const LABS = join(ROOT, 'test/fixtures/drills/labs');

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('CLOUDLAB_') || k === 'NO_COLOR' || k === 'TMUX' || k === 'CI' || k === 'CONTINUOUS_INTEGRATION') delete env[k];
  return env;
}

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', env: cleanEnv() });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

async function waitFor(...expected: (string | RegExp)[]): Promise<string[]> {
  const end = Date.now() + 15_000;
  for (;;) {
    const lines = tmux('capture-pane', '-p', '-t', SESSION).split('\n');
    const text = lines.join('\n');
    if (expected.every((e) => (typeof e === 'string' ? text.includes(e) : e.test(text)))) return lines;
    if (Date.now() > end) throw new Error(`the screen never showed ${expected.map(String).join(' and ')}; it shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const keys = (...k: string[]): void => void tmux('send-keys', '-t', SESSION, ...k);
const type = (text: string): void => void tmux('send-keys', '-t', SESSION, '-l', text);

describe('the simulation screen, end to end', () => {
  beforeAll(() => {
    if (!hasTmux) return;
    buildIfStale();
    const env = ['-e', `CLOUDLAB_HOME=${tempDir('cloudlab-sim-home-')}`, '-e', `CLOUDLAB_LESSONS=${LESSONS_DIR}`, '-e', `CLOUDLAB_LABS=${LABS}`];
    tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', ROOT, ...env, `node ${JSON.stringify(join(ROOT, 'bin/cloudlab.js'))}; sleep 600`);
  }, 180_000);

  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { env: cleanEnv() });
  });

  it.skipIf(!hasTmux)(`lab → s plays its drills, n the next, scrolling shows the chart; home → m plays any file${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, async () => {
    await waitFor('cloudlab · Cloud networking course');
    keys('l');
    await waitFor('Two zones under a drill');
    keys('Enter');
    await waitFor('Student id › ');
    type('alice');
    await waitFor('Student id › alice');
    keys('Enter');
    await waitFor('Student: alice');
    keys('e');
    await waitFor('Template to check › ');
    keys('C-u');
    type('test/fixtures/drills/submissions/one-nat.yaml');
    await waitFor('one-nat.yaml█');
    keys('Enter');
    let lines = await waitFor('Checks and the diagram now use', /s drills/);
    keys('s');
    lines = await waitFor('Played drills/app-calls-out.yaml', 'Scenario: drills/app-calls-out.yaml (1 of 2)');
    expect(lines[0]).toMatch(/^Drills · Lab 1 · Two zones under a drill \(grading fixture\) +0%$/);
    expect(lines.slice(0, 24).every((l) => l.length <= 80)).toBe(true);
    keys('n');
    await waitFor('Played drills/zone-failure.yaml', '(2 of 2)');
    keys('Space');
    lines = await waitFor('Requests a second (every 1m)');
    expect(lines.join('\n')).toMatch(/4\.00 ┼─+╮·+╭─+/);
    keys('q');
    await waitFor(/brief · all$/m);
    keys('q');
    keys('q');
    await waitFor('cloudlab · Cloud networking course');
    keys('m');
    await waitFor('Scenario file › ');
    type('test/fixtures/sim/zone-failure.yaml');
    await waitFor('zone-failure.yaml█');
    keys('Enter');
    // The home screen's template is ./template.yaml, which the course folder does not have.
    await waitFor(/^template\.yaml: no such file\. Press e to give the path of your template\.$/m);
    keys('e');
    await waitFor('Template to play on › ./template.yaml');
    keys('C-u');
    type('test/fixtures/sim/two-zones.yaml');
    await waitFor('two-zones.yaml█');
    keys('Enter');
    await waitFor('Requests  30,300 sent, 14,400 served, 15,900 dropped (52.5%)');
  }, 60_000);
});
