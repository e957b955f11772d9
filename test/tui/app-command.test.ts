import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canDrawApp } from '../../src/cli/commands/app.js';
import { buildIfStale } from './support/build.js';
import { LABS_DIR, LESSONS_DIR, ROOT, tempDir } from './support/fixtures.js';

describe('cloudlab with no command', () => {
  it('draws the app only with a terminal to type into and draw on', () => {
    const tty = { isTTY: true, setRawMode: () => undefined };
    expect(canDrawApp(tty, { isTTY: true })).toBe(true);
    expect(canDrawApp({ isTTY: false, setRawMode: () => undefined }, { isTTY: true })).toBe(false);
    expect(canDrawApp({ isTTY: undefined }, { isTTY: true })).toBe(false);
    expect(canDrawApp({ isTTY: true }, { isTTY: true })).toBe(false);
    expect(canDrawApp(tty, { isTTY: false })).toBe(false);
  });

  describe('piped (no terminal)', () => {
    beforeAll(buildIfStale, 180_000);

    it('prints the course overview and the commands, and exits 0', () => {
      const home = tempDir();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js')], {
        cwd: ROOT,
        encoding: 'utf8',
        input: '',
        env: { ...process.env, CLOUDLAB_HOME: home, CLOUDLAB_LESSONS: LESSONS_DIR, CLOUDLAB_LABS: LABS_DIR },
      });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('cloudlab: a cloud networking course in the terminal');
      expect(r.stdout).toContain('    1  Addresses and blocks');
      expect(r.stdout).toContain('0 of 3 lessons read.');
      expect(r.stdout).toContain('Next: cloudlab lesson addresses');
      expect(r.stdout).toContain('cloudlab --help');
      expect(r.stdout).not.toMatch(/\u001b\[/);
    });
  });
});

describe('ink and react', () => {
  it('are imported only by the terminal app, which the app command loads when it opens', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const importsInk = /from ['"](ink|react)(\/[^'"]*)?['"]/;
    const outside = walk(join(ROOT, 'src'))
      .filter((f) => !f.includes(`${join('src', 'tui')}/`))
      .filter((f) => importsInk.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(outside).toEqual([]);
    const app = readFileSync(join(ROOT, 'src/cli/commands/app.ts'), 'utf8');
    expect(app).toContain("await import('../../tui/app.js')");
    expect(app).not.toMatch(/from ['"]\.\.\/\.\.\/tui\/app\.js['"]/);
    // nothing the command imports statically, however deep, imports ink or react
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, relative(ROOT, file)).not.toMatch(importsInk);
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from '(\.{1,2}\/[^']+)\.js'/gm)) {
        const base = join(dirname(file), m[1]);
        visit(existsSync(`${base}.ts`) ? `${base}.ts` : `${base}.tsx`);
      }
    };
    visit(join(ROOT, 'src/cli/commands/app.ts'));
    expect(seen.size).toBeGreaterThan(10);
  });
});
