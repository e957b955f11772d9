import { Box, Text } from 'ink';
import type { RenderedLine } from '../../content/markdown/index.js';
import type { FrameLayout } from '../layout.js';
import { spread } from '../text.js';
import { useLook } from './look-context.js';
import { StyledLine } from './styled-line.js';

export interface FrameProps {
  readonly layout: FrameLayout;
  readonly title: string;
  /** Shown at the right of the title line: position, score, student. */
  readonly info?: string;
  /** At most `layout.bodyHeight` lines; the rest is padded. */
  readonly body: readonly RenderedLine[];
  /** The index of a body line drawn highlighted (the cursor row). */
  readonly highlight?: number;
}

/** The frame of every screen, exactly `layout.height` lines tall (see layout.ts). */
export function Frame({ layout, title, info = '', body, highlight }: FrameProps) {
  const look = useLook();
  const { width } = layout;
  const rule = look.boxes ? <Text color={look.colour ? 'gray' : undefined}>{'─'.repeat(width)}</Text> : null;
  const rows = body.slice(0, layout.bodyHeight);
  const padding = layout.bodyHeight - rows.length;
  const heading = look.boxes ? spread(title, info, width) : spread(info ? `${title}. ${info}` : title, '', width);
  return (
    <Box flexDirection="column" width={width} height={layout.height}>
      <Text bold wrap="truncate-end">
        {heading}
      </Text>
      {rule}
      {rows.map((l, i) => (
        <StyledLine key={i} line={l} width={width} inverse={i === highlight} />
      ))}
      {Array.from({ length: padding }, (_, i) => (
        <Text key={`pad-${i}`}> </Text>
      ))}
      {layout.status.map((l, i) => (
        <StyledLine key={`status-${i}`} line={l} width={width} />
      ))}
      {rule}
      {layout.footer.map((l, i) => (
        <StyledLine key={`keys-${i}`} line={l} width={width} />
      ))}
    </Box>
  );
}
