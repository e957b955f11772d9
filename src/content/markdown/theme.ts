import type { TextStyle } from './segments.js';

/**
 * How each element looks. In plain mode every style is dropped when printed, so the
 * renderer also changes a few characters there (ASCII table borders, list bullets,
 * backticks around code) to keep the structure visible without colour.
 */
export type RenderMode = 'ansi' | 'plain';

export const THEME = {
  heading1: { bold: true, color: 'cyan' },
  heading2: { bold: true, color: 'cyan' },
  heading: { bold: true },
  rule: { color: 'cyan' },
  code: { color: 'yellow' },
  codeBlock: { color: 'yellow' },
  linkText: { underline: true, color: 'blue' },
  url: { dim: true },
  marker: { color: 'cyan' },
  quoteBar: { color: 'gray' },
  border: { color: 'gray' },
  tableHeader: { bold: true },
  strong: { bold: true },
  em: { italic: true },
  strike: { strikethrough: true },
} as const satisfies Record<string, TextStyle>;

export function bullets(mode: RenderMode): readonly string[] {
  return mode === 'ansi' ? ['•', '◦', '▪'] : ['-', '*', '+'];
}
