import type { Lab } from '../../content/labs.js';

/**
 * Recognises a lab's starter as handed out to any student, not only to the one whose row it
 * is: the starter with every student value (`{{student}}`, `{{vpcCidr}}`, …) left free, so a
 * student who hands in a classmate's untouched starter is flagged all the same. Line endings,
 * trailing spaces and a byte-order mark are ignored, as editors and uploads change them.
 */
export interface StarterMatcher {
  matches(text: string): boolean;
}

export function starterMatcher(lab: Pick<Lab, 'starter' | 'parameters'>): StarterMatcher {
  const names = new Set(['student', 'lab', ...lab.parameters.map((p) => p.name)]);
  const template = normalise(lab.starter);
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (!names.has(m[1])) continue;
    source += escape(template.slice(last, m.index)) + '[^\\n]*?';
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  const pattern = new RegExp(`^${source}$`);
  return {
    matches(text: string): boolean {
      const t = normalise(text);
      return t.length > 0 && pattern.test(t);
    },
  };
}

export function normalise(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n?|\n/)
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
