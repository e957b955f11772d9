/** The pieces of an Fn::Sub string: literal text and ${Name} / ${Resource.Attribute} references. */
export type SubPart = { readonly literal: string } | { readonly name: string };

/**
 * Splits an Fn::Sub string. `${!Literal}` stands for the text `${Literal}`; a `${` with no
 * closing brace is kept as text, as CloudFormation does.
 */
export function parseSub(text: string): SubPart[] {
  const parts: SubPart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    literal += text.slice(i, open);
    const inner = text.slice(open + 2, close);
    if (inner.startsWith('!')) {
      literal += `\${${inner.slice(1)}}`;
    } else if (inner.trim() === '') {
      literal += text.slice(open, close + 1);
    } else {
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ name: inner.trim() });
    }
    i = close + 1;
  }
  literal += text.slice(i);
  if (literal) parts.push({ literal });
  return parts;
}
