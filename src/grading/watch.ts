import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Calls `onChange` after a submission (a template file, or a folder of templates) is saved.
 * It watches the folder rather than the file, because many editors save by writing a new
 * file and renaming it over the old one, which ends a watch on the file itself. Bursts of
 * events (write, rename, chmod) are debounced into one call, and a call is made only when
 * the file's size, time or inode really changed and the file is there to be read.
 */
export interface Watch {
  close(): void;
}

export function watchSubmission(path: string, onChange: () => void, debounceMs = 150): Watch {
  const abs = resolve(path);
  const folder = statSync(abs).isDirectory();
  const dir = folder ? abs : dirname(abs);
  const name = basename(abs);
  let last = signature(abs, folder);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = (): void => {
    timer = undefined;
    if (closed || !existsSync(abs)) return;
    const now = signature(abs, folder);
    if (now === last) return;
    last = now;
    onChange();
  };
  const watcher: FSWatcher = watch(dir, { persistent: true }, (_event, filename) => {
    if (!folder && filename && filename !== name) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  });
  watcher.on('error', () => {
    // The folder went away; there is nothing left to watch.
  });
  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}

function signature(abs: string, folder: boolean): string {
  const one = (p: string): string => {
    try {
      const s = statSync(p);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return 'missing';
    }
  };
  if (!folder) return one(abs);
  try {
    return readdirSync(abs)
      .filter((f) => /\.(ya?ml|json|template)$/i.test(f))
      .sort()
      .map((f) => `${f}=${one(join(abs, f))}`)
      .join(';');
  } catch {
    return 'missing';
  }
}
