import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { MAX_NESTING } from './depth.js';
import type { Loc, TEntry, TNode } from './model.js';
import type { DiagnosticSink } from './sink.js';
import { didYouMean } from './suggest.js';

/**
 * Every function of CloudFormation by its long name. Any short-form tag `!X` stands for
 * `Fn::X` (`!Ref` and `!Condition` for `Ref` and `Condition`), as CloudFormation reads them.
 */
export const TEMPLATE_FUNCTIONS: readonly string[] = Object.freeze([
  'Ref',
  'Condition',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Select',
  'Fn::GetAZs',
  'Fn::Join',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::If',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::ImportValue',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::Transform',
  // The functions of the Rules section.
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
  'Fn::RefAll',
  'Fn::ValueOf',
  'Fn::ValueOfAll',
]);

/** Directives of AWS's rain tool, which `rain pkg` replaces before CloudFormation sees the template. */
export const RAIN_DIRECTIVE = (what: string): string =>
  `${what} is a directive of the rain tool, not CloudFormation: \`rain pkg\` replaces it with what it stands for; submit the packaged template`;

/** The short-form tags of CloudFormation YAML and the function each one stands for. */
export const SHORT_TAGS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(TEMPLATE_FUNCTIONS.map((fn) => [`!${fn.replace(/^Fn::/, '')}`, fn])),
);

/**
 * Keys that could reach Object.prototype through code that merges objects naively. No
 * template needs them, so they are refused wherever they appear.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Values that aliases (*name) may add to the document, counted as if written out: an anchor's
 * value is converted once and shared, so a legitimate alias-heavy template loads in linear
 * time, while an alias bomb (aliases of aliases, doubling at each level) is refused as soon as
 * its expansion passes this count, about the values of a 1 MB template written out.
 */
export const MAX_ALIAS_VALUES = 100_000;
export const MAX_DEPTH = MAX_NESTING;

class Abort extends Error {}

interface Size {
  /** Values in the subtree, aliases counted as expanded. */
  readonly values: number;
  /** Levels of mappings and lists below the subtree's root. */
  readonly height: number;
}

const SCALAR_SIZE: Size = { values: 1, height: 0 };

/**
 * Converts a parsed YAML (or JSON) document into the template tree, expanding short-form
 * tags and aliases and reporting duplicate keys, reserved keys and unknown tags. Returns
 * undefined when the document cannot be converted safely (alias bomb, absurd nesting).
 *
 * Aliases are resolved here, in document order (an alias names the latest anchor before it),
 * rather than with yaml's Alias.resolve, which searches the whole document for each alias.
 */
export function toTree(doc: Document, lines: LineCounter, sink: DiagnosticSink): TNode | undefined {
  let aliasValues = 0;
  const anchors = new Map<string, YamlNode>();
  const converted = new Map<YamlNode, TNode>();
  const sizes = new WeakMap<TNode, Size>();
  const sizeOf = (t: TNode): Size => sizes.get(t) ?? SCALAR_SIZE;

  const locOf = (offset: number | undefined): Loc => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };

  const tooDeep = (loc: Loc): never => {
    sink.error({
      code: 'TooDeep',
      message: `the document nests more than ${MAX_DEPTH} levels deep; a template never needs that`,
      loc,
    });
    throw new Abort();
  };

  const expandAlias = (node: Alias, depth: number): TNode => {
    const loc = locOf(node.range?.[0]);
    const target = anchors.get(node.source);
    if (!target) {
      sink.error({ code: 'YamlSyntax', message: `invalid YAML: alias *${node.source} refers to no anchor &${node.source} before it`, loc });
      throw new Abort();
    }
    const tree = converted.get(target);
    if (!tree) {
      sink.error({ code: 'AliasExpansion', message: `alias *${node.source} refers to a value that contains itself`, loc });
      throw new Abort();
    }
    const size = sizeOf(tree);
    if (depth + size.height > MAX_DEPTH) tooDeep(loc);
    aliasValues += size.values;
    if (aliasValues > MAX_ALIAS_VALUES) {
      sink.error({
        code: 'AliasExpansion',
        message: `the aliases (*name) in this document expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values; write the values out instead`,
        loc,
      });
      throw new Abort();
    }
    return tree;
  };

  const convert = (node: unknown, depth: number, fallback: Loc): TNode => {
    if (depth > MAX_DEPTH) tooDeep(fallback);
    if (node === null || node === undefined) return { kind: 'scalar', value: null, loc: fallback };
    if (isAlias(node)) return expandAlias(node, depth);
    const yn = node as YamlNode;
    if (yn.anchor) anchors.set(yn.anchor, yn);
    const loc = locOf(yn.range?.[0] ?? undefined);
    let tree: TNode;
    let size = SCALAR_SIZE;
    if (isScalar(node)) {
      tree = { kind: 'scalar', value: scalarValue(node.value, node.source), loc };
    } else if (isSeq(node)) {
      const items = node.items.map((i) => convert(i, depth + 1, loc));
      tree = { kind: 'seq', items, loc };
      size = sizeOfChildren(items.map(sizeOf));
    } else if (isMap(node)) {
      const entries: TEntry[] = [];
      const seen = new Map<string, Loc>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key;
        const keyLoc = isAlias(k) || isScalar(k) || isMap(k) || isSeq(k) ? locOf(k.range?.[0]) : loc;
        if (!isScalar(k) || k.value === null || typeof k.value === 'object') {
          sink.error({ code: 'InvalidKey', message: 'a key must be a plain name, not a list, map or empty value', loc: keyLoc });
          continue;
        }
        const key = String(typeof k.source === 'string' ? k.source : k.value);
        if (k.anchor) {
          anchors.set(k.anchor, k);
          converted.set(k, { kind: 'scalar', value: scalarValue(k.value, k.source), loc: keyLoc });
        }
        if (RESERVED_KEYS.has(key)) {
          sink.error({
            code: 'ReservedKey',
            message: `the key "${key}" is not allowed: it is reserved in JavaScript and no template needs it`,
            loc: keyLoc,
          });
          continue;
        }
        const first = seen.get(key);
        if (first) {
          // CloudFormation accepts a repeated key and keeps the last value (aws-semantics 29).
          sink.warning({
            code: 'DuplicateKey',
            message: `the key "${key}" is given twice in one mapping (lines ${first.line} and ${keyLoc.line}); CloudFormation keeps the last one, line ${keyLoc.line}, and ignores line ${first.line}`,
            loc: keyLoc,
          });
          entries.splice(
            entries.findIndex((e) => e.key === key),
            1,
          );
        }
        seen.set(key, keyLoc);
        entries.push({ key, keyLoc, value: convert(pair.value, depth + 1, keyLoc) });
      }
      tree = { kind: 'map', entries, loc };
      size = sizeOfChildren(entries.map((e) => sizeOf(e.value)));
    } else {
      tree = { kind: 'scalar', value: null, loc };
    }
    const tagged = applyTag(yn.tag, tree);
    if (tagged !== tree) size = sizeOfChildren([size]);
    if (size !== SCALAR_SIZE) sizes.set(tagged, size);
    if (yn.anchor) converted.set(yn, tagged);
    return tagged;
  };
  const applyTag = (tag: string | undefined, tree: TNode): TNode => {
    if (!tag || tag.startsWith('tag:yaml.org,2002:')) return tree;
    const fn = SHORT_TAGS[tag];
    if (fn === undefined && tag.startsWith('!Rain::')) {
      sink.error({ code: 'UnknownTag', message: RAIN_DIRECTIVE(tag), loc: tree.loc });
      return tree;
    }
    if (fn === undefined) {
      sink.error({
        code: 'UnknownTag',
        message: `unknown tag ${tag}${didYouMean(tag, Object.keys(SHORT_TAGS))}: CloudFormation has no function ${tag.startsWith('!') ? `Fn::${tag.slice(1)}` : tag} (a short form !X stands for the function Fn::X, such as !Sub or !GetAtt; !Ref and !Condition stand for Ref and Condition)`,
        loc: tree.loc,
      });
      return tree;
    }
    return { kind: 'map', entries: [{ key: fn, keyLoc: tree.loc, value: tree }], loc: tree.loc };
  };

  try {
    return convert(doc.contents, 0, { line: 1, column: 1 });
  } catch (e) {
    if (e instanceof Abort) return undefined;
    throw e;
  }
}

function sizeOfChildren(children: readonly Size[]): Size {
  let values = 1;
  let height = 0;
  for (const c of children) {
    values += c.values;
    if (c.height > height) height = c.height;
  }
  return { values, height: height + 1 };
}

/** JSON-safe scalar values: non-finite numbers and other odd values keep their text. */
function scalarValue(value: unknown, source: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(source ?? value);
  if (typeof value === 'bigint') return String(value);
  return String(source ?? value);
}
