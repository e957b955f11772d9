import { Box, Text } from 'ink';
import { isBack, type Keys } from '../input.js';
import { MIN_SIZE } from '../layout.js';
import { useKeys } from './key-router.js';

/** Shown instead of a screen when the terminal is too small to draw one. */
export function TooSmall({ width, onQuit }: { width: number; onQuit: () => void }) {
  useKeys((input: string, key: Keys) => {
    if (isBack(input, key)) onQuit();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="wrap">
        The terminal is too small for cloudlab: it needs {MIN_SIZE.width} columns and {MIN_SIZE.height} rows. Make it
        bigger, or press q to quit.
      </Text>
    </Box>
  );
}
