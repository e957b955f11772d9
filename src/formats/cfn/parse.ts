import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Loc, Template } from './model.js';
import { readSections } from './sections.js';
import { DiagnosticSink } from './sink.js';
import { describeNode } from './values.js';
import { toTree } from './yaml-tree.js';

export interface ParseResult {
  /** Present when the file could be read as a template; check the diagnostics for errors. */
  template?: Template;
  diagnostics: Diagnostic[];
}

/** yaml's reasons reworded where its own words assume the reader knows the YAML spec. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a second "---"); a template is a single document',
  MULTIPLE_TAGS:
    'a value can carry only one tag; write one of the two functions in its long form, e.g. !Base64 {"Fn::Sub": "…"}',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces only',
  RESOURCE_EXHAUSTION: 'the document nests too deeply to read',
  DUPLICATE_KEY: 'a key is repeated in the same mapping',
};

/**
 * Reads a CloudFormation template written in YAML (with the short-form tags) or JSON. Never
 * throws: every problem with the text is a diagnostic naming the line and column.
 */
export function parseTemplate(text: string, file: string): ParseResult {
  const sink = new DiagnosticSink(file);
  const template = parseInto(typeof text === 'string' ? text : '', file, sink);
  return { template, diagnostics: sink.list() };
}

function parseInto(raw: string, file: string, sink: DiagnosticSink): Template | undefined {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0) {
    sink.error({ code: 'EmptyTemplate', message: 'the file is empty; a template needs at least a Resources section' });
    return undefined;
  }
  const bad = firstBinary(text);
  if (bad >= 0) {
    sink.error({
      code: 'BinaryContent',
      message:
        text.charCodeAt(bad) === 0
          ? 'the file is not text: it holds NUL bytes (is it a binary file, or saved as UTF-16?)'
          : 'the file is not UTF-8 text: it holds bytes that do not decode as characters',
      loc: locAt(text, bad),
    });
    return undefined;
  }
  if (text.trim() === '') {
    sink.error({ code: 'EmptyTemplate', message: 'the file holds only whitespace; a template needs at least a Resources section' });
    return undefined;
  }

  const isJson = text.trimStart().startsWith('{');
  if (isJson && !checkJson(text, sink)) return undefined;

  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (e) {
    sink.error({ code: 'YamlSyntax', message: `the file could not be read as YAML: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 5)) {
      const p = lines.linePos(err.pos[0]);
      const reason =
        (err.code === 'MULTIPLE_TAGS' ? twoTags(text.split('\n')[p.line - 1] ?? '') : undefined) ??
        YAML_HINTS[err.code] ??
        lowerFirst(err.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, ''));
      sink.error({
        code: isJson ? 'JsonSyntax' : 'YamlSyntax',
        message: `${isJson ? 'invalid JSON' : 'invalid YAML'}: ${reason}`,
        loc: { line: p.line, column: p.col },
      });
    }
    return undefined;
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') continue; // short-form tags; unknown ones are reported by toTree
    const p = lines.linePos(w.pos[0]);
    sink.warning({ code: 'YamlWarning', message: lowerFirst(w.message), loc: { line: p.line, column: p.col } });
  }
  if (doc.contents === null) {
    sink.error({ code: 'EmptyTemplate', message: 'the file holds only comments; a template needs at least a Resources section' });
    return undefined;
  }

  const root = toTree(doc, lines, sink);
  if (!root) return undefined;
  if (root.kind !== 'map') {
    sink.error({
      code: 'NotAMapping',
      message: `a template is a mapping of sections (AWSTemplateFormatVersion, Resources, Outputs, …), but this file holds ${describeNode(root)}`,
      loc: root.loc,
    });
    return undefined;
  }
  return readSections(root, file, sink);
}

/** Index of the first NUL or undecodable character (U+FFFD), or -1. */
function firstBinary(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\ufffd');
  if (nul < 0) return bad;
  if (bad < 0) return nul;
  return Math.min(nul, bad);
}

function locAt(text: string, offset: number): Loc {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * JSON templates are held to JSON's rules (AWS refuses a trailing comma that YAML would
 * accept). JSON.parse only validates here; the values are read through yaml for positions.
 */
function checkJson(text: string, sink: DiagnosticSink): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const loc = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : m ? locAt(text, Number(m[1])) : undefined;
    const reason = message
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/^JSON\.parse: /, '');
    sink.error({ code: 'JsonSyntax', message: `invalid JSON: ${lowerFirst(reason)}`, loc });
    return false;
  }
}

/** "!GetAZs !Ref X": CloudFormation's documentation says short forms cannot be nested directly. */
function twoTags(line: string): string | undefined {
  const m = /!(\w+)\s+!(\w+)/.exec(line);
  if (!m) return undefined;
  const inner = m[2] === 'Ref' || m[2] === 'Condition' ? m[2] : `Fn::${m[2]}`;
  return `"!${m[1]} !${m[2]}" puts two short forms on one value, which CloudFormation cannot read; write the inner one in its long form, such as !${m[1]} {${inner}: …}`;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
