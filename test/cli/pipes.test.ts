import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, cloudlabClosedPipe, ROOT } from '../support/cli.js';

/** A reader that goes away (`| head`, `| head -0`) ends a command quietly: no EPIPE stack trace. */
let home: string;
beforeAll(() => {
  buildIfStale();
  home = mkdtempSync(join(tmpdir(), 'cloudlab-pipes-'));
}, 180_000);

const SOLUTION = 'test/fixtures/labs/public-web/solution.yaml';

describe('a closed standard output', () => {
  const cases: [string, string[]][] = [
    ['lesson 5', ['lesson', '5']],
    ['check … | head -0', ['check', 'public-web', SOLUTION]],
    ['quiz … | head', ['quiz', 'security-groups', '--count', '3', '--seed', 's']],
    ['cidr --split … | head -1', ['cidr', '10.0.0.0/8', '--split', '20']],
    ['grade … | head -1', ['grade', 'public-web', 'test/fixtures/labs/public-web', '--jobs', '1']],
    ['reach … | head -1', ['reach', 'test/fixtures/networks/three-tier.yaml']],
    ['quiz --json | head -1', ['quiz', '--json']],
    ['lessons', ['lessons']],
    ['--help', ['--help']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: exit 0, nothing on standard error`, async () => {
      const r = await cloudlabClosedPipe(args, { CLOUDLAB_HOME: home });
      expect(r.stderr).not.toMatch(/EPIPE|node:events|\n\s+at /);
      // grade's summary goes to standard error by design; nothing else may.
      if (args[0] !== 'grade') expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }, 60_000);
  }

  it('through a real shell pipe into head: the first line, then a quiet end', () => {
    const r = spawnSync('bash', ['-c', `node bin/cloudlab.js cidr 10.0.0.0/8 --split 20 | head -1; echo "status \${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CLOUDLAB_HOME: home },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^.+\nstatus 0\n$/);
  });
});

describe('cloudlab lesson and what counts as read', () => {
  it('a lesson whose reader went away before the end is not marked read', async () => {
    const h = mkdtempSync(join(tmpdir(), 'cloudlab-pipes-'));
    await cloudlabClosedPipe(['lesson', '5'], { CLOUDLAB_HOME: h });
    const file = join(h, 'progress.json');
    const lessons = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { lessons: Record<string, unknown> }).lessons : {};
    expect(Object.keys(lessons)).toEqual([]);
  });

  it('a lesson printed to its end is marked read', () => {
    const h = mkdtempSync(join(tmpdir(), 'cloudlab-pipes-'));
    const r = cloudlab(['lesson', '5'], { CLOUDLAB_HOME: h });
    expect(r.status).toBe(0);
    const lessons = (JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as { lessons: Record<string, unknown> }).lessons;
    expect(Object.keys(lessons)).toEqual(['route-tables-and-internet-gateways']);
  });
});
