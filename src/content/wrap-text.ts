/**
 * Plain text wrapped to a width by words, with a hanging indent: the first line starts with
 * `firstIndent` spaces, the others with `indent`. A word longer than the width stays whole.
 */
export function wrapText(text: string, width = 80, indent = 0, firstIndent = 0): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = ' '.repeat(firstIndent);
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + w;
    } else {
      line += (empty ? '' : ' ') + w;
    }
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
