/**
 * The clock runs in whole seconds. Results are reported per interval: a round length chosen
 * so that a scenario has at most 60 of them, which keeps a chart of one column per interval
 * within 80 columns (a 2-hour scenario reports every 2 minutes, a day every 30 minutes). A
 * scenario may ask for its own `interval` (down to 1 s, for a spreadsheet).
 */
const ROUND = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

export const MAX_AUTO_INTERVALS = 60;

export function chooseInterval(duration: number): number {
  for (const r of ROUND) if (duration / r <= MAX_AUTO_INTERVALS) return r;
  return 86400;
}

/** "2m", "30s", "1h", "1h30m" for a number of seconds. */
export function formatSeconds(s: number): string {
  if (s === 0) return '0s';
  const parts: string[] = [];
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}m`);
  if (sec) parts.push(`${sec}s`);
  return parts.join('');
}
