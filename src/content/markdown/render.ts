import MarkdownIt from 'markdown-it';
import { renderInline } from './inline.js';
import { BLANK, line, lineWidth, prefixed, seg, toAnsi, toPlain, type RenderedLine, type Segment } from './segments.js';
import { renderTable, type Align } from './table.js';
import { bullets, THEME, type RenderMode } from './theme.js';
import { buildTree, type BlockNode } from './tree.js';
import { displayWidth } from './width.js';
import { wrapSegments } from './wrap.js';

export interface RenderOptions {
  /** Columns to wrap to (default: the terminal's width, else 80). */
  readonly width?: number;
  /** "ansi" for colour on a terminal, "plain" for pipes, NO_COLOR and screen readers. */
  readonly mode?: RenderMode;
}

/** Narrower than this, nothing useful fits; wrapping stops shrinking there. */
export const MIN_WIDTH = 20;

const parser = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * Renders Markdown for a terminal as styled lines: every line but code fits in `width`
 * columns. Use `renderMarkdownLines` for strings ready to print.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedLine[] {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? defaultWidth()));
  const ctx: Context = { mode: options.mode ?? 'plain', listDepth: 0 };
  return renderBlocks(buildTree(parser.parse(markdown, {})), ctx, width, false);
}

/** The rendered lines as text: with ANSI codes in "ansi" mode, without in "plain". */
export function renderMarkdownLines(markdown: string, options: RenderOptions = {}): string[] {
  const mode = options.mode ?? 'plain';
  return renderMarkdown(markdown, { ...options, mode }).map(mode === 'ansi' ? toAnsi : toPlain);
}

export function defaultWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : 80;
}

interface Context {
  readonly mode: RenderMode;
  readonly listDepth: number;
}

function renderBlocks(nodes: readonly BlockNode[], ctx: Context, width: number, tight: boolean): RenderedLine[] {
  const out: RenderedLine[] = [];
  for (const node of nodes) {
    const lines = renderBlock(node, ctx, width);
    if (lines.length === 0) continue;
    if (out.length > 0 && !tight) out.push(BLANK);
    out.push(...lines);
  }
  return out;
}

function renderBlock(node: BlockNode, ctx: Context, width: number): RenderedLine[] {
  switch (node.type) {
    case 'paragraph':
      return paragraph(node, ctx, width);
    case 'inline':
      return wrapSegments(renderInline(node.token.children, ctx.mode), width);
    case 'heading':
      return heading(node, ctx, width);
    case 'bullet_list':
    case 'ordered_list':
      return list(node, ctx, width);
    case 'blockquote': {
      const bar = [seg('│ ', THEME.quoteBar)];
      return renderBlocks(node.children, ctx, width - 2, false).map((l) => prefixed(bar, l));
    }
    case 'fence':
    case 'code_block':
      return codeBlock(node.token.content);
    case 'hr':
      return [line([seg('─'.repeat(width), THEME.rule)])];
    case 'html_block':
      return htmlBlock(node.token.content, width);
    case 'table':
      return table(node, ctx, width);
    default:
      return renderBlocks(node.children, ctx, width, false);
  }
}

function paragraph(node: BlockNode, ctx: Context, width: number): RenderedLine[] {
  const inline = node.children.find((c) => c.type === 'inline');
  const segments = renderInline(inline?.token.children ?? null, ctx.mode);
  if (segments.every((s) => s.text.trim() === '')) return [];
  return wrapSegments(segments, width);
}

function heading(node: BlockNode, ctx: Context, width: number): RenderedLine[] {
  const level = Number(node.token.tag.slice(1)) || 1;
  const style = level === 1 ? THEME.heading1 : level === 2 ? THEME.heading2 : THEME.heading;
  const inline = node.children.find((c) => c.type === 'inline');
  const text = renderInline(inline?.token.children ?? null, ctx.mode, style);
  const lines = wrapSegments(text, width);
  if (level > 2) return lines;
  const underline = Math.min(width, Math.max(1, ...lines.map(lineWidth)));
  return [...lines, line([seg((level === 1 ? '═' : '─').repeat(underline), THEME.rule)])];
}

function list(node: BlockNode, ctx: Context, width: number): RenderedLine[] {
  const ordered = node.type === 'ordered_list';
  const start = Number(node.token.attrGet('start') ?? 1);
  const items = node.children.filter((c) => c.type === 'list_item');
  const bullet = bullets(ctx.mode)[ctx.listDepth % 3];
  const markers = items.map((_, i) => (ordered ? `${start + i}.` : bullet));
  const markerWidth = Math.max(...markers.map(displayWidth));
  const indent = markerWidth + 1;
  const loose = items.some((item) => item.children.some((c) => c.type === 'paragraph' && !c.token.hidden));
  const inner: Context = { ...ctx, listDepth: ctx.listDepth + 1 };

  const out: RenderedLine[] = [];
  items.forEach((item, i) => {
    if (i > 0 && loose) out.push(BLANK);
    const marker = markers[i].padStart(ordered ? markerWidth : 0).padEnd(indent);
    const body = renderBlocks(item.children, inner, Math.max(1, width - indent), !loose);
    if (body.length === 0) {
      out.push(line([seg(marker.trimEnd(), THEME.marker)]));
      return;
    }
    body.forEach((l, k) => {
      const lead = k === 0 ? [seg(marker, THEME.marker)] : [seg(' '.repeat(indent))];
      out.push(l.segments.length === 0 ? l : prefixed(lead, l));
    });
  });
  return out;
}

const CODE_INDENT = '    ';

function codeBlock(content: string): RenderedLine[] {
  return content
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => line([seg(CODE_INDENT + expandTabs(l), THEME.codeBlock)], true));
}

function expandTabs(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

function htmlBlock(content: string, width: number): RenderedLine[] {
  // Comments carry notes for authors and tests (<!-- check: … -->): never shown.
  const text = content
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  return text ? wrapSegments([seg(text.replace(/\s+/g, ' '))], width) : [];
}

function table(node: BlockNode, ctx: Context, width: number): RenderedLine[] {
  const rows: Segment[][][] = [];
  const align: Align[] = [];
  let headerRows = 0;
  for (const section of node.children) {
    for (const tr of section.children.filter((c) => c.type === 'tr')) {
      const cells = tr.children.filter((c) => c.type === 'th' || c.type === 'td');
      cells.forEach((cell, i) => {
        const m = /text-align:\s*(left|right|center)/.exec(String(cell.token.attrGet('style') ?? ''));
        if (m && align[i] === undefined) align[i] = m[1] as Align;
      });
      rows.push(
        cells.map((cell) => renderInline(cell.children.find((c) => c.type === 'inline')?.token.children ?? null, ctx.mode)),
      );
      if (section.type === 'thead') headerRows++;
    }
  }
  return renderTable({ rows, headerRows, align: Array.from({ length: align.length }, (_, i) => align[i] ?? 'left'), width, mode: ctx.mode });
}
