import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, ROOT } from '../support/cli.js';
import { staleReason } from '../../scripts/build-if-stale.js';

beforeAll(() => buildIfStale(), 180_000);

describe('npm start', () => {
  it('does not build again when nothing changed', () => {
    expect(staleReason()).toBeUndefined();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.js'), '--check'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  });

  it('writes lab folders where it was typed (INIT_CWD), not into the course checkout', () => {
    const here = mkdtempSync(join(tmpdir(), 'cloudlab-start-'));
    const home = mkdtempSync(join(tmpdir(), 'cloudlab-start-home-'));
    const r = spawnSync('npm', ['--prefix', ROOT, 'start', '--silent', '--', 'lab', 'start', 'public-web', '--student', 's1', '--dir', 'mine'], {
      cwd: here,
      encoding: 'utf8',
      env: { ...process.env, CLOUDLAB_HOME: home, NO_COLOR: '1' },
    });
    // The only line on stderr is the note that the student id given is remembered; npm adds nothing.
    expect(r.stderr).toBe('cloudlab: remembered your student id s1 (cloudlab config get shows it; --student overrides it).\n');
    expect(r.status).toBe(0);
    expect(existsSync(join(here, 'mine', 'template.yaml'))).toBe(true);
    expect(existsSync(join(ROOT, 'mine'))).toBe(false);
  }, 60_000);
});
