import { plot } from 'asciichart';
import type { SimResult } from '../../engine/sim/index.js';
import { formatSeconds } from '../../engine/sim/index.js';

/**
 * Pictures of a simulation for the terminal, drawn with asciichart and readable without colour:
 * requests a second over time, served as a line and offered as dots where more was offered
 * than served; the instances in service; the scenario's failures and recoveries marked by
 * letter under the time axis. At most 60 columns of data, so a chart fits 80 columns.
 */
export const MAX_COLUMNS = 60;
const LABEL = 8;

export interface Bucket {
  start: number;
  end: number;
  offered: number;
  served: number;
  instances: number;
}

/** The intervals grouped into at most MAX_COLUMNS buckets: rates in requests a second, instances at each bucket's end. */
export function buckets(result: SimResult, columns = MAX_COLUMNS): Bucket[] {
  const rows = result.intervals;
  const per = Math.max(1, Math.ceil(rows.length / columns));
  const out: Bucket[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const group = rows.slice(i, i + per);
    const start = group[0].start;
    const end = group[group.length - 1].end;
    let sent = 0;
    let served = 0;
    for (const r of group) for (const e of r.ends) {
      sent += e.sent;
      served += e.served;
    }
    const secs = Math.max(1, end - start);
    const last = group[group.length - 1].instances;
    out.push({ start, end, offered: sent / secs, served: served / secs, instances: Object.values(last).reduce((a, b) => a + b, 0) });
  }
  return out;
}

const label = (x: number): string => (x >= 1000 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)).padStart(LABEL);

/** Offered (·) and served (line) requests a second, on one scale. */
export function requestChart(bs: readonly Bucket[], height = 8): string[] {
  if (bs.length === 0) return [];
  const max = Math.max(...bs.map((b) => b.offered), 0);
  if (max === 0) return ['(no requests offered)'];
  const cfg = { height, min: 0, max, format: label };
  const served = plot(bs.map((b) => b.served), cfg).split('\n');
  const offered = plot(bs.map((b) => b.offered), cfg).split('\n');
  const start = LABEL + 2;
  return served.map((line, r) => {
    const o = offered[r] ?? '';
    let out = line.slice(0, start);
    for (let c = start; c < Math.max(line.length, o.length); c++) {
      const s = line[c] ?? ' ';
      out += s !== ' ' ? s : (o[c] ?? ' ') !== ' ' ? '·' : ' ';
    }
    return out.trimEnd();
  });
}

export function instanceChart(bs: readonly Bucket[]): string[] {
  if (bs.length === 0) return [];
  const max = Math.max(...bs.map((b) => b.instances));
  const height = Math.max(1, Math.min(5, max));
  return plot(bs.map((b) => b.instances), { height, min: 0, max: Math.max(1, max), format: (x) => x.toFixed(0).padStart(LABEL) })
    .split('\n')
    .map((l) => l.trimEnd());
}

/** The time axis: the start, the middle and the end under the data columns, then the events by letter. */
export function timeAxis(bs: readonly Bucket[], result: SimResult): { lines: string[]; legend: string[] } {
  const start = LABEL + 2;
  const n = bs.length;
  const axis = [...' '.repeat(start + n + 8)];
  const put = (col: number, text: string): void => {
    for (let i = 0; i < text.length && col + i < axis.length; i++) axis[col + i] = text[i];
  };
  put(start, '0');
  const endText = formatSeconds(result.duration);
  put(Math.max(start + 2, start + n - endText.length), endText);
  const marks = [...' '.repeat(start + n + 1)];
  const legend: string[] = [];
  const shown = result.events.filter((e) => e.what === 'failed' || e.what === 'recovered' || e.what === 'promoted' || e.what === 'scaled');
  shown.forEach((e, i) => {
    const letter = i < 26 ? String.fromCharCode(65 + i) : '*';
    // asciichart draws the step into column k at column k - 1.
    let col = start + Math.max(0, bs.findIndex((b) => e.at < b.end || b === bs[bs.length - 1]) - 1);
    while (marks[col] !== ' ' && col < marks.length - 1) col++;
    marks[col] = letter;
    legend.push(`${letter} ${formatSeconds(e.at)} ${e.detail}`);
  });
  const lines = [`${' '.repeat(LABEL)} └${'─'.repeat(n)}`, axis.join('').trimEnd()];
  if (legend.length) lines.push(`${'events'.padStart(LABEL)}  ${marks.join('').slice(start).trimEnd()}`);
  return { lines, legend };
}
