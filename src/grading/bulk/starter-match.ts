import type { Lab } from '../../content/labs.js';

/**
 * Recognises a lab's starter as handed out to any student, not only to the one whose row it
 * is: the starter with every student value (`{{student}}`, `{{vpcCidr}}`, …) left free, so a
 * student who hands in a classmate's untouched starter is flagged all the same. Line endings,
 * trailing spaces and a byte-order mark are ignored, as editors and uploads change them.
 */
export interface StarterMatcher {
  matches(text: string): boolean;
  /** The submission's templates are the starter's, each region's untouched (a lab across regions too). */
  matchesAll(templates: readonly { region?: string; text: string }[]): boolean;
}

export function starterMatcher(lab: Pick<Lab, 'starter' | 'parameters'> & Partial<Pick<Lab, 'starters'>>): StarterMatcher {
  const starters = lab.starters?.length ? lab.starters : [{ name: 'template.yaml', region: '', text: lab.starter }];
  const byFile = starters.map((f) => ({ region: f.region, name: f.name, pattern: textMatcher(lab, f.text) }));
  const single = byFile.length === 1 && byFile[0].name === 'template.yaml';
  return {
    matches: (text) => byFile[0].pattern(text),
    matchesAll(templates) {
      if (templates.length !== byFile.length) return false;
      if (single) return byFile[0].pattern(templates[0].text);
      return byFile.every((f) => templates.some((t) => t.region === f.region && f.pattern(t.text)));
    },
  };
}

function textMatcher(lab: Pick<Lab, 'parameters'>, text: string): (submitted: string) => boolean {
  const names = new Set(['student', 'lab', ...lab.parameters.map((p) => p.name)]);
  const template = normalise(text);
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (!names.has(m[1])) continue;
    source += escape(template.slice(last, m.index)) + '[^\\n]*?';
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  const pattern = new RegExp(`^${source}$`);
  return (submitted) => {
    const t = normalise(submitted);
    return t.length > 0 && pattern.test(t);
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
