/**
 * Splits a Markdown file into its YAML front matter and its body. The front matter is the
 * block between a first line `---` and the next line `---` (or `...`).
 */
export interface FrontMatterSplit {
  /** The YAML text, or undefined when the file does not start with `---`. */
  readonly yaml: string | undefined;
  /** Line of the file where the YAML starts (2 when present). */
  readonly yamlLine: number;
  readonly body: string;
  /** Line of the file where the body starts. */
  readonly bodyLine: number;
  /** Set when the front matter opens but never closes. */
  readonly unclosed?: boolean;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') return { yaml: undefined, yamlLine: 1, body: lines.join('\n'), bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0) return { yaml: lines.slice(1).join('\n'), yamlLine: 2, body: '', bodyLine: lines.length + 1, unclosed: true };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}
