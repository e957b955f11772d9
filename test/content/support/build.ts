import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, and a build of the course code that is at least as new as its sources. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function sources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  return [
    ...walk(join(ROOT, 'src/content')),
    ...['main', 'output', 'exit-codes', 'commands/lesson', 'commands/lessons', 'commands/quiz', 'commands/progress'].map((f) =>
      join(ROOT, 'src/cli', `${f}.ts`),
    ),
  ];
}

/** `npm test` builds first; when run alone after an edit, a stale build is rebuilt. */
export function buildIfStale(): void {
  const built = (src: string): string => join(ROOT, 'dist', relative(ROOT, src).replace(/\.ts$/, '.js'));
  const stale = sources().filter((src) => !existsSync(built(src)) || statSync(built(src)).mtimeMs < statSync(src).mtimeMs);
  if (stale.length === 0) return;
  // Errors in files of other parts still leave ours emitted: check the output, not the status.
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
  const missing = stale.filter((src) => !existsSync(built(src)) || statSync(built(src)).mtimeMs < statSync(src).mtimeMs);
  if (missing.length > 0) {
    throw new Error(`the build did not refresh ${missing.map((m) => relative(ROOT, m)).join(', ')}:\n${r.stdout}${r.stderr}`);
  }
}
