import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * The terminal's columns and rows, updated when it is resized. One row is left free: ink
 * redraws a frame that fills the terminal by clearing the whole screen, which flickers.
 */
export function useTerminalSize(fixed?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ width: stdout.columns || 80, height: Math.max(1, (stdout.rows || 24) - 1) });
  const [size, setSize] = useState<Size>(fixed ?? read());
  useEffect(() => {
    if (fixed) return;
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? size;
}
