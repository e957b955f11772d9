import { formatSeconds, type EndResult, type SimResult } from '../engine/sim/index.js';
import { buckets, instanceChart, requestChart, timeAxis } from '../formats/simulation/chart.js';
import { printable } from '../formats/safe-text.js';
import { csvLine } from '../grading/bulk/csv.js';
import { table, wrap } from './text.js';

/** `cloudlab simulate` in text (80 columns: measures, charts, timeline), CSV (one row per interval) and JSON. */

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (part: number, whole: number): string => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1).replace(/\.0$/, '')}%`);
const usd = (x: number): string => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;

export function endLabel(e: Pick<EndResult, 'from' | 'end' | 'protocol' | 'port'>): string {
  return `${e.from} → ${e.end} ${e.protocol} ${e.port}`;
}

function recovery(t: number | null | undefined): string {
  if (t === undefined) return '—';
  if (t === null) return 'never';
  return formatSeconds(t);
}

export function simulationText(result: SimResult, names: { submission: string; scenario: string }, width = 80): string[] {
  const lines: string[] = [];
  const r = result.requests;
  lines.push(...wrap(printable(`Simulated ${formatSeconds(result.duration)} of ${names.scenario} on ${names.submission}, reported every ${formatSeconds(result.interval)}.`), width));
  lines.push('');
  lines.push(`Requests  ${n(r.sent)} sent, ${n(r.served)} served, ${n(r.dropped)} dropped (${pct(r.dropped, r.sent)})`);
  lines.push(`Cost      ${usd(result.cost.total)} for the scenario (${usd(result.cost.hourlyAtStart)} an hour with everything up)`);
  lines.push('');
  if (result.ends.length) {
    const rows = result.ends.map((e) => [printable(endLabel(e)), n(e.sent), n(e.served), n(e.dropped), recovery(e.recoveryTime), recovery(e.fullRecoveryTime)]);
    lines.push(...table(['END', 'SENT', 'SERVED', 'DROPPED', 'RECOVERY', 'FULL'], rows, width).map((l) => `  ${l}`));
    lines.push(
      ...wrap(
        'Recovery: from a failure until requests are served again; full: until the end serves as much as before. never: not within the scenario; —: nothing it depends on failed.',
        width,
        2,
        2,
      ),
    );
  } else lines.push('  No traffic in this scenario.');
  if (result.databases.length === 0) lines.push(...wrap('Databases: none in the submission, so no recovery point.', width, 2, 2));
  else {
    lines.push('  Databases (recovery point: the writes lost):');
    for (const d of result.databases) {
      const point = d.recoveryPoint === null ? 'data lost' : formatSeconds(d.recoveryPoint);
      const back = d.recoveryTime === undefined ? '' : `, writes back ${d.recoveryTime === null ? 'never' : `after ${formatSeconds(d.recoveryTime)}`}`;
      lines.push(...wrap(`${d.id} (${d.role}, ${d.region}): recovery point ${point}${back}. ${d.outcome[0].toUpperCase()}${d.outcome.slice(1)}.`, width, 6, 4));
    }
  }

  const bs = buckets(result);
  const axis = timeAxis(bs, result);
  if (result.ends.length) {
    lines.push('');
    const per = bs.length ? bs[0].end - bs[0].start : result.interval;
    lines.push(`Requests a second (every ${formatSeconds(per)}): ─ served, · offered beyond what was served`);
    const chart = requestChart(bs);
    lines.push(...chart, ...(chart.length > 1 ? axis.lines : []));
  }
  lines.push('');
  lines.push('Instances in service');
  lines.push(...instanceChart(bs), ...axis.lines);
  if (axis.legend.length) {
    lines.push('');
    for (const l of axis.legend) lines.push(...wrap(printable(l), width, 4));
  }
  lines.push('');
  lines.push('Timeline');
  if (result.events.length === 0) lines.push('  Nothing happened: no failures, and every request was served.');
  for (const e of result.events) {
    const body = wrap(printable(e.detail), width, 11, 11);
    body[0] = `  ${formatSeconds(e.at).padStart(7)}  ${body[0].trimStart()}`;
    lines.push(...body);
  }
  lines.push('');
  for (const note of result.notes) lines.push(...wrap(note, width));
  return lines;
}

/** One row per interval: its start and end in seconds, sent/served/dropped per end, instances per zone, what other services report (databases, DNS answers, …), cost so far. */
export function simulationCsv(result: SimResult): string {
  const zones = [...new Set(result.intervals.flatMap((r) => Object.keys(r.instances)))].sort();
  const header = ['start', 'end'];
  for (const e of result.ends) for (const k of ['sent', 'served', 'dropped']) header.push(`${endLabel(e)} ${k}`);
  for (const z of zones) header.push(`instances ${z}`);
  const groups = reportedGroups(result);
  for (const [group, names] of groups) for (const n of names) header.push(`${group} ${n}`);
  header.push('cost so far (USD)');
  let out = csvLine(header);
  for (const row of result.intervals) {
    const cells: (string | number)[] = [row.start, row.end];
    for (const e of row.ends) cells.push(e.sent, e.served, e.dropped);
    for (const z of zones) cells.push(row.instances[z] ?? 0);
    for (const [group, names] of groups) for (const n of names) cells.push(((row[group] ?? {}) as Record<string, string | number>)[n] ?? '');
    cells.push(row.cost);
    out += csvLine(cells);
  }
  return out;
}

const ROW_FIELDS = new Set(['start', 'end', 'ends', 'instances', 'cost']);

/** The other groups the intervals report, with their names, in a stable order. */
function reportedGroups(result: SimResult): [string, string[]][] {
  const groups = new Map<string, Set<string>>();
  for (const row of result.intervals) {
    for (const [group, values] of Object.entries(row)) {
      if (ROW_FIELDS.has(group) || values === null || typeof values !== 'object') continue;
      const names = groups.get(group) ?? new Set<string>();
      for (const n of Object.keys(values as object)) names.add(n);
      groups.set(group, names);
    }
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([g, names]) => [g, [...names].sort()]);
}
