/**
 * Durations and times in a scenario: a number with a unit, s, m, h or d, or several of them
 * (1h30m); 0 alone needs no unit. Whole seconds only: the clock ticks in seconds.
 */
const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export const DURATION_FORMS = 'a number with s, m, h or d, such as 90s, 30m, 2h or 1h30m';

/** Seconds, or the reason the text is not a duration. */
export function parseDuration(value: unknown): { seconds: number } | { error: string } {
  if (value === 0 || value === '0') return { seconds: 0 };
  if (typeof value === 'number') {
    return { error: `${value} has no unit; write ${value}s, ${value}m or ${value}h` };
  }
  if (typeof value !== 'string' || value.trim() === '') return { error: `a duration is ${DURATION_FORMS}` };
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return { error: `"${value}" has no unit; write ${text}s, ${text}m or ${text}h` };
  const re = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;
  let seconds = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text)) !== null) {
    const unit = UNIT[m[2]];
    if (unit === undefined) return { error: `"${value}" is not a duration: "${m[2]}" is not a unit; write ${DURATION_FORMS}` };
    seconds += Number(m[1]) * unit;
    consumed = re.lastIndex;
    while (text[re.lastIndex] === ' ') re.lastIndex++;
  }
  if (consumed === 0 || text.slice(consumed).trim() !== '') {
    return { error: `"${value}" is not a duration; write ${DURATION_FORMS}` };
  }
  if (!Number.isInteger(Math.round(seconds * 1e6) / 1e6)) return { error: `"${value}" is not a whole number of seconds; the clock ticks in seconds` };
  return { seconds: Math.round(seconds) };
}
