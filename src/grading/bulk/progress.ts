/**
 * A progress bar on standard error, redrawn in place with a carriage return and cleared at
 * the end. Only on a terminal and outside CI, so logs and pipes never see it.
 */
export interface Progress {
  tick(): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!stream.isTTY || env.CI !== undefined || total === 0) return SILENT;
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
  let count = 0;
  let last = 0;
  let drawn = 0;
  const draw = () => {
    const filled = Math.round((count / total) * width);
    const text = `Grading [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total}`;
    stream.write(`\r${text}`);
    drawn = text.length;
  };
  draw();
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - last >= 50 || count === total) {
        last = now;
        draw();
      }
    },
    done() {
      stream.write(`\r${' '.repeat(drawn)}\r`);
    },
  };
}
