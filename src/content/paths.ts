import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the course's own files live. The package root is found by walking up from this
 * module to the package.json named "cloudlab", so the same code works from src/ (tests)
 * and from dist/src/ (the built command).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'cloudlab') return dir;
      } catch {
        // an unreadable package.json further down is not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the cloudlab package root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/**
 * The lessons folder: $CLOUDLAB_LESSONS when set (an author previewing a course of their
 * own), else lessons/ in the package.
 */
export function lessonsDir(): string {
  const fromEnv = process.env.CLOUDLAB_LESSONS;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : join(packageRoot(), 'lessons');
}
