import { useMemo, useState } from 'react';
import type { Lab } from '../../content/labs.js';
import { BLANK, line, seg, THEME, type RenderedLine } from '../../content/markdown/index.js';
import type { Progress } from '../../content/progress.js';
import { Frame } from '../components/frame.js';
import { useLook } from '../components/look-context.js';
import { useKeys } from '../components/key-router.js';
import { isBack, type Keys } from '../input.js';
import { KEYS } from '../keys.js';
import { bestText, labRows, type LabRow } from '../lab-rows.js';
import { frameLayout } from '../layout.js';
import { revealOffset } from '../scroll.js';
import { hangingWrap, padTo, truncate, wrapText } from '../text.js';

export interface LabListProps {
  readonly labs: readonly Lab[];
  readonly progress: Progress;
  /** Labs that did not load, "lab x: why". */
  readonly problems: readonly string[];
  /** Where labs are looked for, for the empty state. */
  readonly labsDir: string;
  readonly width: number;
  readonly height: number;
  readonly active?: boolean;
  readonly status?: string;
  readonly onOpen: (labId: string) => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
}

const HINTS = [KEYS.labs.move, KEYS.labs.open, KEYS.labs.help, KEYS.labs.back];

/** Every lab with its points and the best score so far; Enter opens one. */
export function LabList(props: LabListProps) {
  const { width, height, active = true } = props;
  const look = useLook();
  const rows = useMemo(() => labRows(props.labs, props.progress), [props.labs, props.progress]);
  const [cursor, setCursor] = useState(0);
  const [offset, setOffset] = useState(0);
  const layout = frameLayout(width, height, rows.length > 0 ? HINTS : [KEYS.labs.help, KEYS.labs.back], props.status, look);

  // For a screen reader a row is a sentence, wrapped (never cut); the cursor is its last line.
  const body: RenderedLine[] = [];
  let cursorLine = 0;
  const bestWidth = Math.max(0, ...rows.map((r) => bestText(r).length));
  rows.forEach((r, i) => {
    const style = { bold: i === cursor };
    if (look.boxes) body.push(line([seg(rowText(r, i === cursor, width, true, bestWidth), style)]));
    else body.push(...hangingWrap([seg(i === cursor ? '› ' : '  ', style)], rowText(r, i === cursor, width, false, bestWidth), width, style));
    if (i === cursor) cursorLine = body.length - 1;
  });
  if (rows.length === 0) body.push(...emptyState(props.labsDir, width));
  if (props.problems.length > 0) {
    body.push(BLANK, line([seg('Some labs could not be loaded:', { bold: true })]));
    for (const p of props.problems) body.push(...wrapText(`✗ ${p}`, width));
  }
  const top = revealOffset(offset, cursorLine, body.length, layout.bodyHeight);

  useKeys((input: string, key: Keys) => {
    const move = (to: number): void => {
      if (rows.length === 0) return;
      const c = Math.min(Math.max(0, to), rows.length - 1);
      setCursor(c);
      setOffset(revealOffset(top, c, body.length, layout.bodyHeight));
    };
    if (key.upArrow || input === 'k') move(cursor - 1);
    else if (key.downArrow || input === 'j') move(cursor + 1);
    else if (key.home || input === 'g') move(0);
    else if (key.end || input === 'G') move(rows.length - 1);
    else if (key.return && rows[cursor]) props.onOpen(rows[cursor].lab.id);
    else if (input === '?') props.onHelp();
    else if (isBack(input, key)) props.onBack();
  }, { active });

  return (
    <Frame
      layout={layout}
      title="Labs"
      info={`${rows.length} lab${rows.length === 1 ? '' : 's'}`}
      body={body.slice(top, top + layout.bodyHeight)}
      highlight={rows.length > 0 ? cursorLine - top : undefined}
    />
  );
}

/** "› ✓  1  A public web server      4 points  best 4/4 ✓ (2 tries)"; every row's title gets the same room, so the columns line up. */
function rowText(r: LabRow, at: boolean, width: number, boxes: boolean, bestWidth: number): string {
  const best = bestText(r);
  const points = `${r.lab.maxScore} point${r.lab.maxScore === 1 ? '' : 's'}`;
  if (!boxes) return `Lab ${r.lab.order}: ${r.lab.title}, ${points}, ${best}`;
  const head = `${at ? '›' : ' '} ${r.complete ? '✓' : ' '} ${String(r.lab.order).padStart(2)}  `;
  const tail = `  ${padTo(points, 10)} ${padTo(best, bestWidth)}`;
  const room = Math.max(10, width - head.length - tail.length);
  return truncate(`${head}${padTo(truncate(r.lab.title, room), room)}${tail}`, width);
}

function emptyState(dir: string, width: number): RenderedLine[] {
  return [
    line([seg('No labs are installed yet.', { bold: true })]),
    BLANK,
    ...wrapText(`cloudlab looks for labs in ${dir}. Each lab is a folder with lab.yaml, brief.md and starter.yaml.`, width),
    BLANK,
    ...wrapText('To use labs from another folder, start cloudlab with CLOUDLAB_LABS set to it.', width, THEME.url),
  ];
}
