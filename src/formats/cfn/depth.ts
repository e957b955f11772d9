import { CST, Lexer } from 'yaml';

/**
 * How deeply a template may nest mappings and lists. Real templates stay under 20 levels
 * (Resources › X › Properties › Tags › [0] › Value › Fn::Join › [1] › …); yaml's own parser
 * runs out of stack at about 1,700 levels on the main thread and at a different depth in a
 * worker thread, so the bound is checked before yaml parses, the same way on every thread.
 */
export const MAX_NESTING = 100;

export interface NestingExcess {
  /** Offset in the text of the token that opens the level beyond the limit. */
  readonly offset: number;
  readonly limit: number;
}

interface FlowLevel {
  /** Opened by `[`: a `:` in it makes an implicit one-pair mapping. */
  readonly seq: boolean;
  /** An implicit one-pair mapping inside a flow list (`[a: b]`) adds a level until the next `,`. */
  pair: boolean;
}

/**
 * Finds where the text first nests deeper than `limit`, in one linear pass over yaml's
 * lexer tokens (which already know quotes, comments and block scalars). Block structure is
 * measured by indentation — each line's content column and each `- ` on it opens a level
 * while it is more indented than what is open — and flow structure by its brackets. JSON is
 * YAML's flow form, so the same pass bounds both.
 */
export function findExcessNesting(text: string, limit = MAX_NESTING): NestingExcess | undefined {
  /** Columns of the block collections open at this point; `seq` marks a `- ` list. */
  const block: { col: number; seq: boolean }[] = [];
  const flow: FlowLevel[] = [];
  let flowDepth = 0;
  let offset = 0;
  let lineStart = 0;
  let scalarNext = false;
  /** The next scalar is the text of a block scalar (`|`, `>`), not a node of its own. */
  let blockText = false;
  /** The first node of the line (or after `- `), which opens a mapping if a `:` follows. */
  let keyAt = -1;
  let keyCol = 0;

  const closeBlocks = (col: number, seq: boolean): void => {
    // A `- ` list may sit at the column of the mapping key it belongs to (`a:\n- x`).
    while (block.length > 0) {
      const top = block[block.length - 1];
      if (top.col > col || (top.col === col && (!seq || top.seq))) block.pop();
      else break;
    }
  };
  const openBlock = (col: number, seq: boolean): boolean => {
    closeBlocks(col, seq);
    block.push({ col, seq });
    return block.length + flowDepth > limit;
  };
  /** A node starts at `start`: in block context it may be the key of a mapping. */
  const nodeAt = (start: number): void => {
    if (flow.length > 0 || keyAt === -2) return;
    if (keyAt === -1) {
      keyAt = start;
      keyCol = start - lineStart;
      closeBlocks(keyCol, false);
    }
  };

  for (const token of new Lexer().lex(text)) {
    const start = offset;
    if (scalarNext) {
      scalarNext = false;
      offset += token.length;
      if (!blockText) nodeAt(start);
      blockText = false;
      const nl = token.lastIndexOf('\n');
      if (nl >= 0) lineStart = start + nl + 1;
      continue;
    }
    if (token === '\x02' || token === '\x18' || token === '\x1f') {
      // yaml's zero-width markers: document start, an abandoned flow collection, a scalar next.
      if (token === '\x1f') scalarNext = true;
      if (token === '\x18') {
        flow.length = 0;
        flowDepth = 0;
      }
      continue;
    }
    offset += token.length;
    const type = CST.tokenType(token);
    switch (type) {
      case 'newline':
        lineStart = offset;
        if (flow.length === 0) keyAt = -1;
        break;
      case 'doc-start':
        block.length = 0;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        nodeAt(start);
        flow.push({ seq: type === 'flow-seq-start', pair: false });
        flowDepth++;
        if (block.length + flowDepth > limit) return { offset: start, limit };
        break;
      case 'flow-seq-end':
      case 'flow-map-end': {
        const top = flow.pop();
        if (top) flowDepth -= top.pair ? 2 : 1;
        break;
      }
      case 'comma': {
        const top = flow[flow.length - 1];
        if (top?.pair) {
          top.pair = false;
          flowDepth--;
        }
        break;
      }
      case 'map-value-ind':
      case 'explicit-key-ind': {
        const top = flow[flow.length - 1];
        if (top) {
          if (top.seq && !top.pair) {
            top.pair = true;
            flowDepth++;
            if (block.length + flowDepth > limit) return { offset: start, limit };
          }
        } else if (type === 'explicit-key-ind') {
          if (openBlock(start - lineStart, false)) return { offset: start, limit };
          keyAt = -1;
        } else if (keyAt >= 0) {
          // `key:` opens (or continues) the mapping at the key's column; what follows on the
          // line is the value.
          if (openBlock(keyCol, false)) return { offset: keyAt, limit };
          keyAt = -2;
        }
        break;
      }
      case 'seq-item-ind':
        if (flow.length === 0) {
          if (openBlock(start - lineStart, true)) return { offset: start, limit };
          keyAt = -1;
        }
        break;
      case 'alias':
      case 'anchor':
      case 'tag':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar-header': {
        nodeAt(start);
        if (type === 'block-scalar-header') blockText = true;
        const nl = type.endsWith('quoted-scalar') ? token.lastIndexOf('\n') : -1;
        if (nl >= 0) lineStart = start + nl + 1;
        break;
      }
      default:
        // spaces, comments, directives
        break;
    }
  }
  return undefined;
}
