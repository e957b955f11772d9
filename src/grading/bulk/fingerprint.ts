import { createHash } from 'node:crypto';
import { CST, Parser } from 'yaml';

/**
 * A fingerprint of a submission for spotting copies: the templates are parsed (YAML or JSON)
 * into a canonical form — keys sorted, comments and layout gone, short tags written as their
 * long form (`!Ref X` as `{Ref: X}`), scalars compared as text — with what differs between
 * honest copies of one template removed: the student field of the cloudlab Metadata, and the
 * values of `Name` tags. Two submissions with the same fingerprint are identical after that
 * normalisation. A template that does not parse has no fingerprint.
 *
 * The canonical form is built from the YAML library's concrete syntax tree rather than its
 * documents: copy detection runs on every graded submission, and the tree costs about half
 * as much to build. Only templates that the grader has already parsed get a fingerprint.
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

/** The canonical text of one template, or undefined when it is not one YAML mapping. */
export function canonicalTemplate(text: string): string | undefined {
  const docs: CST.Document[] = [];
  try {
    for (const token of new Parser().parse(text)) {
      if (token.type === 'document') docs.push(token);
      else if (token.type === 'error') return undefined;
    }
    if (docs.length !== 1 || docs[0].value?.type !== 'block-map' && !(docs[0].value?.type === 'flow-collection' && docs[0].value.start.source === '{')) return undefined;
    return new Canonicaliser().node(docs[0].value, {}, []);
  } catch {
    // A syntax error inside the tree, or a document nested too deeply to walk.
    return undefined;
  }
}

type Path = readonly string[];

interface Props {
  tag?: string;
  anchor?: string;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

class Canonicaliser {
  private readonly anchors = new Map<string, string>();

  node(token: CST.Token | null | undefined, props: Props, at: Path): string {
    if (!token) return 'null';
    if (token.type === 'alias') {
      // An alias stands for its anchored node; its hash keeps an alias bomb linear.
      const h = this.anchors.get(token.source.slice(1));
      return h === undefined ? 'null' : JSON.stringify({ '*': h });
    }
    const tag = shortTag(props.tag);
    const body = tag === 'GetAtt' && CST.isScalar(token) ? JSON.stringify(splitGetAtt(scalarText(token))) : this.untagged(token, at);
    const out = tag === undefined ? body : `{${JSON.stringify(longForm(tag))}:${body}}`;
    if (props.anchor) this.anchors.set(props.anchor, createHash('sha256').update(out).digest('hex'));
    return out;
  }

  private untagged(token: CST.Token, at: Path): string {
    if (CST.isScalar(token)) {
      const plain = token.type === 'scalar';
      const value = scalarText(token);
      return plain && NULLS.has(value) ? 'null' : JSON.stringify(value);
    }
    if (token.type === 'flow-collection' && !token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) {
      throw new Error('a flow collection is never closed');
    }
    if (token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{')) return this.map(token.items, at);
    if (token.type === 'block-seq' || token.type === 'flow-collection') {
      return `[${token.items
        .map((item) => (item.key !== undefined || item.sep ? this.map([item], at) : this.node(item.value, propsOf(item.start), at)))
        .join(',')}]`;
    }
    if (token.type === 'error') throw new Error(token.message);
    return 'null';
  }

  private map(items: readonly CST.CollectionItem[], at: Path): string {
    const pairs = items.map((item) => ({ key: this.key(item), item }));
    const inTags = at[at.length - 1] === 'Tags';
    // A tag is {Key: Name, Value: …} in a Tags list, or Name: … in a Tags mapping.
    const nameTag = inTags && pairs.some((p) => p.key === 'Key' && CST.isScalar(p.item.value) && scalarText(p.item.value) === 'Name');
    if (new Set(pairs.map((p) => p.key)).size < pairs.length) throw new Error('a key appears twice');
    const entries: [string, string][] = [];
    for (const { key, item } of pairs) {
      const here = [...at, key];
      if (dropped(here)) continue;
      if (inTags && (nameTag ? key === 'Value' : key === 'Name')) {
        entries.push([key, '"(ignored)"']);
        continue;
      }
      entries.push([key, this.node(item.value, propsOf(item.sep), here)]);
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  }

  private key(item: CST.CollectionItem): string {
    const k = item.key;
    if (k && CST.isScalar(k)) return scalarText(k);
    return this.node(k, propsOf(item.start), []);
  }
}

function scalarText(token: CST.Token): string {
  const r = CST.resolveAsScalar(token, true, (_offset, _code, message) => {
    throw new Error(message);
  });
  return r ? r.value : '';
}

/** The tag and anchor among the tokens before a node (after the `:` of a mapping). */
function propsOf(tokens: readonly CST.SourceToken[] | undefined): Props {
  const props: Props = {};
  if (!tokens) return props;
  const from = tokens.findIndex((t) => t.type === 'map-value-ind');
  for (const t of tokens.slice(from + 1)) {
    if (t.type === 'tag') props.tag = t.source;
    else if (t.type === 'anchor') props.anchor = t.source.slice(1);
  }
  return props;
}

function shortTag(tag: string | undefined): string | undefined {
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!') || tag.startsWith('!<')) return undefined;
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
