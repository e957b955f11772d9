import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
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

/** Values produced by expanding aliases (*name) beyond this count abort the conversion. */
export const MAX_ALIAS_VALUES = 10_000;
export const MAX_DEPTH = 100;

class Abort extends Error {}

/**
 * Converts a parsed YAML (or JSON) document into the template tree, expanding short-form
 * tags and aliases and reporting duplicate keys, reserved keys and unknown tags. Returns
 * undefined when the document cannot be converted safely (alias bomb, absurd nesting).
 */
export function toTree(doc: Document, lines: LineCounter, sink: DiagnosticSink): TNode | undefined {
  let aliasValues = 0;
  const expanding = new Set<unknown>();

  const locOf = (offset: number | undefined): Loc => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };

  const convert = (node: unknown, depth: number, underAlias: boolean, fallback: Loc): TNode => {
    if (depth > MAX_DEPTH) {
      sink.error({
        code: 'TooDeep',
        message: `the document nests more than ${MAX_DEPTH} levels deep; a template never needs that`,
        loc: fallback,
      });
      throw new Abort();
    }
    if (underAlias && ++aliasValues > MAX_ALIAS_VALUES) {
      sink.error({
        code: 'AliasExpansion',
        message: `the aliases (*name) in this document expand to more than ${MAX_ALIAS_VALUES} values; write the values out instead`,
        loc: fallback,
      });
      throw new Abort();
    }
    if (node === null || node === undefined) return { kind: 'scalar', value: null, loc: fallback };
    if (isAlias(node)) {
      const loc = locOf(node.range?.[0]);
      const target = node.resolve(doc);
      if (!target) {
        sink.error({ code: 'YamlSyntax', message: `invalid YAML: alias *${node.source} refers to no anchor &${node.source}`, loc });
        throw new Abort();
      }
      if (expanding.has(target)) {
        sink.error({ code: 'AliasExpansion', message: `alias *${node.source} refers to a value that contains itself`, loc });
        throw new Abort();
      }
      expanding.add(target);
      try {
        return convert(target, depth + 1, true, loc);
      } finally {
        expanding.delete(target);
      }
    }
    const yn = node as YamlNode;
    const loc = locOf(yn.range?.[0] ?? undefined);
    let tree: TNode;
    if (isScalar(node)) {
      tree = { kind: 'scalar', value: scalarValue(node.value, node.source), loc };
    } else if (isSeq(node)) {
      tree = { kind: 'seq', items: node.items.map((i) => convert(i, depth + 1, underAlias, loc)), loc };
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
        entries.push({ key, keyLoc, value: convert(pair.value, depth + 1, underAlias, keyLoc) });
      }
      tree = { kind: 'map', entries, loc };
    } else {
      tree = { kind: 'scalar', value: null, loc };
    }
    return applyTag(yn.tag, tree);
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
    return convert(doc.contents, 0, false, { line: 1, column: 1 });
  } catch (e) {
    if (e instanceof Abort) return undefined;
    throw e;
  }
}

/** JSON-safe scalar values: non-finite numbers and other odd values keep their text. */
function scalarValue(value: unknown, source: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(source ?? value);
  if (typeof value === 'bigint') return String(value);
  return String(source ?? value);
}
