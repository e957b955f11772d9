import { Text } from 'ink';
import type { RenderedLine } from '../../content/markdown/index.js';
import { fitLine } from '../text.js';
import { useLook } from './look-context.js';

/**
 * One rendered line, cut to `width`: each segment an ink <Text> with its style. Colour is
 * dropped when the look has none; bold, italics and underline stay, and so does the
 * reversed cursor row (it is not colour), except for screen readers.
 */
export function StyledLine({ line, width, inverse = false }: { line: RenderedLine; width: number; inverse?: boolean }) {
  const look = useLook();
  const fitted = fitLine(line, width);
  if (fitted.segments.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end" inverse={inverse && look.boxes}>
      {fitted.segments.map((s, i) => (
        <Text
          key={i}
          bold={s.style.bold}
          italic={s.style.italic}
          underline={s.style.underline}
          strikethrough={s.style.strikethrough}
          dimColor={s.style.dim && look.colour}
          color={look.colour ? s.style.color : undefined}
        >
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
