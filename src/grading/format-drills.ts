import { wrapText } from '../content/wrap-text.js';
import { formatSeconds, type SimResult } from '../engine/sim/index.js';
import { printable } from '../formats/safe-text.js';
import { buckets, requestChart, timeAxis } from '../formats/simulation/chart.js';
import type { PlayedDrill } from './drill-runner.js';
import type { CheckResult, GradeResult } from './result.js';

/**
 * The drills of a graded submission as text, beside its checks: for each scenario played (and,
 * for a zone-by-zone check, the zone whose loss dropped the most), which checks judged it, its
 * measures, the chart of offered and served requests with the failures marked, and the events.
 */

const n = (x: number): string => x.toLocaleString('en-US');
const usd = (x: number): string => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;
const pct = (part: number, whole: number): string => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1).replace(/\.0$/, '')}%`);

/** The runs worth drawing: each scenario as written, and the worst zone of each survives-any-zone check. */
export function drillsToShow(r: Pick<GradeResult, 'drills' | 'checks'>): { drill: PlayedDrill; checks: CheckResult[] }[] {
  const out: { drill: PlayedDrill; checks: CheckResult[] }[] = [];
  for (const d of r.drills ?? []) {
    const checks = r.checks.filter((c) => {
      const m = c.evidence?.drill;
      if (!m || m.scenario !== d.scenario) return false;
      return d.failZone ? m.worstZone === d.failZone.zone : m.worstZone === undefined;
    });
    if (checks.length) out.push({ drill: d, checks });
  }
  return out;
}

function recovery(result: SimResult): string {
  let worst: number | null | undefined;
  for (const e of result.ends) {
    if (e.recoveryTime === undefined) continue;
    if (e.recoveryTime === null) {
      worst = null;
      break;
    }
    worst = Math.max(worst ?? 0, e.recoveryTime);
  }
  return worst === undefined ? 'nothing failed' : worst === null ? 'never' : formatSeconds(worst);
}

export function drillLines(d: PlayedDrill, checks: readonly CheckResult[], width = 80): string[] {
  const res = d.result;
  const lines: string[] = [];
  const title = `Drill ${d.scenario}${d.failZone ? `, with ${d.failZone.zone} failed at ${formatSeconds(d.failZone.at)} (the worst zone)` : ''}: ${formatSeconds(res.duration)}, for ${checks.map((c) => c.title).join('; ')}`;
  lines.push(...wrapText(printable(title), width, 2));
  const r = res.requests;
  lines.push(`  ${n(r.sent)} requests sent, ${n(r.dropped)} dropped (${pct(r.dropped, r.sent)}); recovery ${recovery(res)}; cost ${usd(res.cost.total)}`);
  if (res.databases.length) lines.push(...wrapText(`Recovery point: ${res.databases.map((x) => `${x.id} ${x.recoveryPoint === null ? 'data gone' : formatSeconds(x.recoveryPoint)}`).join(', ')}`, width, 4, 2));
  const bs = buckets(res);
  const axis = timeAxis(bs, res);
  if (res.ends.length) {
    const per = bs.length ? bs[0].end - bs[0].start : res.interval;
    lines.push(`  Requests a second (every ${formatSeconds(per)}): ─ served, · offered beyond`);
    const chart = requestChart(bs);
    lines.push(...chart, ...(chart.length > 1 ? axis.lines : []));
  }
  for (const l of axis.legend) lines.push(...wrapText(printable(l), width, 4, 2));
  return lines;
}

/** Every drill worth drawing, separated by blank lines; nothing when the lab has no drills. */
export function formatDrills(r: Pick<GradeResult, 'drills' | 'checks'>, width = 80): string[] {
  const shown = drillsToShow(r);
  return shown.flatMap(({ drill, checks }) => ['', ...drillLines(drill, checks, width)]);
}
