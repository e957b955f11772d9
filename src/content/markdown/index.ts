export { renderMarkdown, renderMarkdownLines, defaultWidth, MIN_WIDTH, type RenderOptions } from './render.js';
export { renderTable, columnWidths, type Align, type TableInput } from './table.js';
export { wrapSegments } from './wrap.js';
export { displayWidth, graphemes, padTo } from './width.js';
export { detectMode } from './mode.js';
export { THEME, type RenderMode } from './theme.js';
export {
  line,
  seg,
  lineText,
  lineWidth,
  toAnsi,
  toPlain,
  BLANK,
  type Colour,
  type RenderedLine,
  type Segment,
  type TextStyle,
} from './segments.js';
