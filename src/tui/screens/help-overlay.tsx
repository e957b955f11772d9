import { useMemo, useState } from 'react';
import { BLANK, line, seg, type RenderedLine } from '../../content/markdown/index.js';
import { Frame } from '../components/frame.js';
import { useLook } from '../components/look-context.js';
import { useKeys } from '../components/key-router.js';
import { isBack, type Keys } from '../input.js';
import { bindingsOf, HELP_SECTIONS, KEYS } from '../keys.js';
import { frameLayout } from '../layout.js';
import { applyScroll, clampOffset, positionLabel, scrollMove } from '../scroll.js';
import { hangingWrap, padTo } from '../text.js';

export interface HelpOverlayProps {
  readonly width: number;
  readonly height: number;
  readonly onClose: () => void;
}

const KEY_COLUMN = 22;

/** Every key of every screen, from the same table the footers use. */
export function HelpOverlay({ width, height, onClose }: HelpOverlayProps) {
  const look = useLook();
  const [offset, setOffset] = useState(0);
  const lines = useMemo(() => helpLines(width), [width]);
  const layout = frameLayout(width, height, [KEYS.help.scroll, KEYS.help.close], 'q leaves every screen; on the course screen it quits.', look);
  const top = clampOffset(offset, lines.length, layout.bodyHeight);
  useKeys((input: string, key: Keys) => {
    if (input === '?' || isBack(input, key)) return onClose();
    const move = scrollMove(input, key);
    if (move) setOffset(applyScroll(top, move, lines.length, layout.bodyHeight));
  });
  return <Frame layout={layout} title="Keys" info={positionLabel(top, lines.length, layout.bodyHeight)} body={lines.slice(top, top + layout.bodyHeight)} />;
}

export function helpLines(width: number): RenderedLine[] {
  const out: RenderedLine[] = [];
  for (const section of HELP_SECTIONS) {
    if (out.length > 0) out.push(BLANK);
    out.push(line([seg(section.title, { bold: true })]));
    for (const k of bindingsOf(section.screen)) {
      out.push(...hangingWrap([seg(`  ${padTo(k.keys, KEY_COLUMN)}`, { color: 'cyan' })], k.help, width));
    }
  }
  return out;
}
