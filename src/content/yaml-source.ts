import { isMap, isNode, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * A YAML text parsed for content checks: its plain value and a way back from any part of
 * it to a line number, so a problem can say where it is.
 */
export interface YamlSource {
  readonly value: unknown;
  /** Parse errors, each already "line N: message". Empty when the text parsed. */
  readonly errors: string[];
  readonly doc: Document;
  /** The line (1-based, in the whole file) where a node starts; `fallback` when unknown. */
  lineOf(node: unknown, fallback?: number): number;
}

/**
 * Parses YAML that starts at line `firstLine` of its file (front matter starts at line 2).
 * Never throws: a text that does not parse gives `value: undefined` and its errors.
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const shift = firstLine - 1;
  const lineAt = (offset: number): number => counter.linePos(offset).line + shift;
  const errors = doc.errors.map((e) => `line ${lineAt(e.pos[0])}: ${firstLineOf(e.message)}`);
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      errors.push(`line ${firstLine}: ${firstLineOf(e instanceof Error ? e.message : String(e))}`);
    }
  }
  return {
    value,
    errors,
    doc,
    lineOf: (node, fallback = firstLine) => {
      if (isNode(node) && node.range) return lineAt(node.range[0]);
      return fallback;
    },
  };
}

/** The node of `key` inside a mapping node, for its line number. */
export function childNode(parent: unknown, key: string | number): Node | undefined {
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === key);
    if (pair) return (isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : undefined) as Node | undefined;
    return undefined;
  }
  if (parent && typeof parent === 'object' && 'items' in parent && typeof key === 'number') {
    const item = (parent as { items: unknown[] }).items[key];
    return isNode(item) ? item : undefined;
  }
  return undefined;
}

function firstLineOf(message: string): string {
  return message.split('\n')[0].trim();
}
