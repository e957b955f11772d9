import { Box, Text } from 'ink';
import type { RenderedLine } from '../../content/markdown/index.js';
import type { FrameLayout } from '../layout.js';
import { splitWide, spread, wrapText } from '../text.js';
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
  // A screen reader gets every line whole: a heading or line wider than the screen wraps
  // onto the next line instead of ending in "…".
  const headings = look.boxes ? [spread(title, info, width)] : wrapText(info ? `${title}. ${info}` : title, width).map((l) => l.segments.map((s) => s.text).join(''));
  const room = Math.max(1, layout.bodyHeight - (headings.length - 1));
  const rows = (look.boxes ? body : splitWide(body, width)).slice(0, room);
  const padding = room - rows.length;
  return (
    <Box flexDirection="column" width={width} height={layout.height}>
      {headings.map((h, i) => (
        <Text key={`title-${i}`} bold wrap="truncate-end">
          {h}
        </Text>
      ))}
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
