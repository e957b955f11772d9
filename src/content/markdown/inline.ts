import type { Token } from 'markdown-it';
import type { Segment, TextStyle } from './segments.js';
import { THEME, type RenderMode } from './theme.js';

/**
 * Turns the children of a markdown-it `inline` token into styled segments. Soft breaks
 * become spaces, hard breaks "\n" (the wrapper honours them), links "text (url)", and HTML
 * comments vanish.
 */
export function renderInline(children: readonly Token[] | null, mode: RenderMode, base: TextStyle = {}): Segment[] {
  const out: Segment[] = [];
  const stack: TextStyle[] = [base];
  const style = (): TextStyle => stack[stack.length - 1];
  const push = (extra: TextStyle): void => {
    stack.push({ ...style(), ...extra });
  };
  const pop = (): void => {
    if (stack.length > 1) stack.pop();
  };
  const links: { href: string; start: number }[] = [];

  for (const t of children ?? []) {
    switch (t.type) {
      case 'text':
        out.push({ text: t.content, style: style() });
        break;
      case 'softbreak':
        out.push({ text: ' ', style: style() });
        break;
      case 'hardbreak':
        out.push({ text: '\n', style: style() });
        break;
      case 'code_inline':
        out.push({ text: mode === 'plain' ? `\`${t.content}\`` : t.content, style: { ...style(), ...THEME.code } });
        break;
      case 'strong_open':
        push(THEME.strong);
        break;
      case 'em_open':
        push(THEME.em);
        break;
      case 's_open':
        push(THEME.strike);
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
        pop();
        break;
      case 'link_open':
        links.push({ href: String(t.attrGet('href') ?? ''), start: out.length });
        push(THEME.linkText);
        break;
      case 'link_close': {
        pop();
        const link = links.pop();
        if (!link) break;
        const text = out
          .slice(link.start)
          .map((s) => s.text)
          .join('');
        const shownHref = link.href.replace(/^mailto:/, '');
        if (link.href && text !== link.href && text !== shownHref) {
          out.push({ text: ' ', style: style() }, { text: `(${link.href})`, style: { ...style(), ...THEME.url } });
        }
        break;
      }
      case 'image': {
        const alt = t.content || 'image';
        const src = t.attrGet('src');
        out.push({ text: `[image: ${alt}]`, style: style() });
        if (src) out.push({ text: ' ', style: style() }, { text: `(${src})`, style: { ...style(), ...THEME.url } });
        break;
      }
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(t.content.trim())) out.push({ text: '\n', style: style() });
        // Comments (<!-- check: … -->) and other tags are dropped; text between tags stays.
        break;
      default:
        if (t.content) out.push({ text: t.content, style: style() });
    }
  }
  return out;
}
