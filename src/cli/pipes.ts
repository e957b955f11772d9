/**
 * `cloudlab lesson 5 | head`: when the reader of standard output goes away, the next write
 * fails with EPIPE. Without a handler Node prints a stack trace and exits 1. One handler for
 * every command: a closed standard output ends the command quietly with exit 0 (the reader
 * has all it asked for); a closed standard error is ignored so the command still finishes.
 */
let installed = false;

export function quietOnClosedPipes(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (!isClosedPipe(e)) throw e;
    process.exit(0);
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (!isClosedPipe(e)) throw e;
  });
}

function isClosedPipe(e: NodeJS.ErrnoException): boolean {
  return e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED';
}

/**
 * Resolves once everything written to `stream` so far has been handed to the reader; when
 * the reader has gone, the handler above ends the process first. Lets a command act only
 * on output that was really delivered (a lesson counts as read when all of it was).
 */
export function flushed(stream: NodeJS.WriteStream = process.stdout): Promise<boolean> {
  return new Promise((resolve) => {
    stream.write('', (e) => resolve(!e));
  });
}
