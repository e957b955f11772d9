/**
 * Builds dist/ only when it is out of date, so `npm start` opens the course in about a
 * second once built. dist/ is out of date when it has no build stamp (a fresh clone, or the
 * last build failed), when a source or the build configuration is newer than the stamp, or
 * when a source has no compiled file. tsc itself builds incrementally (tsconfig.json), so a
 * rebuild after one edit compiles little.
 *
 *   node scripts/build-if-stale.js          build if needed; exit status of tsc
 *   node scripts/build-if-stale.js --check  exit 1 when a build is needed, else 0
 *   node scripts/build-if-stale.js --always build in any case (npm run build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const BUILD_INFO = join(DIST, '.tsbuildinfo');
const CONFIG = ['tsconfig.json', 'package.json'].map((f) => join(ROOT, f));

function sources() {
  const walk = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
        )
      : [];
  return [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'graders'))];
}

const compiled = (src) => join(DIST, relative(ROOT, src).replace(/\.tsx?$/, '.js'));

/** Why dist/ needs a build, or undefined when it is up to date. */
export function staleReason() {
  if (!existsSync(STAMP)) return 'no finished build';
  const stamp = statSync(STAMP).mtimeMs;
  for (const f of CONFIG) if (existsSync(f) && statSync(f).mtimeMs > stamp) return `${relative(ROOT, f)} changed`;
  for (const src of sources()) {
    if (statSync(src).mtimeMs > stamp) return `${relative(ROOT, src)} changed`;
    if (!existsSync(compiled(src))) return `${relative(ROOT, compiled(src))} is missing`;
  }
  return undefined;
}

/** Runs tsc when dist/ is stale; returns tsc's exit status (0 when nothing was needed). */
export function buildIfStale({ quiet = false, always = false } = {}) {
  const why = always ? 'asked for' : staleReason();
  if (why === undefined) return 0;
  // A compiled file that went missing is not rewritten by an incremental build that sees no change.
  if (/missing$/.test(why)) rmSync(BUILD_INFO, { force: true });
  if (!quiet) process.stderr.write(`cloudlab: building (${why})…\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    rmSync(STAMP, { force: true });
    return r.status ?? 1;
  }
  // The stamp's time is the build's start: a source saved during the build is newer, so stale.
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, new Date(started), new Date(started));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = process.argv.includes('--check') ? (staleReason() === undefined ? 0 : 1) : buildIfStale({ quiet: true, always: process.argv.includes('--always') });
}
