import { createHash } from 'node:crypto';
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';

/**
 * A fingerprint of a submission for spotting copies: the templates are parsed (YAML or JSON)
 * into a canonical form — keys sorted, comments and layout gone, short tags written as their
 * long form (`!Ref X` as `{Ref: X}`), scalars compared as text — with what differs between
 * honest copies of one template removed: the student field of the cloudlab Metadata, and the
 * values of `Name` tags. Two submissions with the same fingerprint are identical after that
 * normalisation. A template that does not parse has no fingerprint.
 */
export function fingerprint(templates: readonly { file: string; region?: string; text: string }[]): string | undefined {
  const parts: string[] = [];
  for (const t of templates) {
    const canon = canonicalTemplate(t.text);
    if (canon === undefined) return undefined;
    // A single template's file name is the student's choice; a region file's name is content.
    parts.push(templates.length === 1 ? canon : `${JSON.stringify(t.region ?? '')}:${canon}`);
  }
  if (parts.length === 0) return undefined;
  return createHash('sha256').update(parts.sort().join('\n')).digest('hex').slice(0, 32);
}

/** The canonical text of one template, or undefined when it does not parse as one mapping. */
export function canonicalTemplate(text: string): string | undefined {
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  try {
    return new Canonicaliser(doc).node(doc.contents, []);
  } catch {
    // A document nested too deeply to walk is not a template anyone wrote by hand.
    return undefined;
  }
}

type Path = readonly string[];

class Canonicaliser {
  private readonly anchors = new Map<Node, string>();

  constructor(private readonly doc: Document) {}

  node(n: unknown, at: Path): string {
    if (isAlias(n)) {
      // An alias stands for its anchored node; hashing it keeps an alias bomb linear.
      const target = n.resolve(this.doc);
      if (!target) return 'null';
      let h = this.anchors.get(target);
      if (h === undefined) {
        h = createHash('sha256').update(this.node(target, at)).digest('hex');
        this.anchors.set(target, h);
      }
      return JSON.stringify({ '*': h });
    }
    const tag = shortTag(n);
    const body = this.untagged(n, at);
    if (tag === undefined) return body;
    return `{${JSON.stringify(longForm(tag))}:${tag === 'GetAtt' && isScalar(n) ? JSON.stringify(splitGetAtt(String(n.value))) : body}}`;
  }

  private untagged(n: unknown, at: Path): string {
    if (isMap(n)) {
      const inTags = at[at.length - 1] === 'Tags';
      const keyOf = (k: unknown): string => (isScalar(k) ? String(k.value) : this.node(k, at));
      // A tag is {Key: Name, Value: …} in a Tags list, or Name: … in a Tags mapping.
      const nameTag = inTags && n.items.some((p) => keyOf(p.key) === 'Key' && isScalar(p.value) && String(p.value.value) === 'Name');
      const entries: [string, string][] = [];
      for (const pair of n.items) {
        const key = keyOf(pair.key);
        const here = [...at, key];
        if (dropped(here)) continue;
        if (inTags && (nameTag ? key === 'Value' : key === 'Name')) {
          entries.push([key, '"(ignored)"']);
          continue;
        }
        entries.push([key, this.node(pair.value, here)]);
      }
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    }
    if (isSeq(n)) return `[${n.items.map((item) => this.node(item, at)).join(',')}]`;
    if (isScalar(n)) return n.value === null || n.value === undefined ? 'null' : JSON.stringify(String(n.value));
    return 'null';
  }
}

function shortTag(n: unknown): string | undefined {
  const tag = (n as { tag?: string } | null)?.tag;
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  return tag.slice(1);
}

/** `!GetAtt Db.Endpoint.Address` is `[Db, Endpoint.Address]`: the first dot ends the logical id. */
function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function longForm(tag: string): string {
  return tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`;
}

/** Metadata → cloudlab → student names the author, not the design. */
function dropped(at: Path): boolean {
  return at.length === 3 && at[0] === 'Metadata' && at[1] === 'cloudlab' && at[2] === 'student';
}
