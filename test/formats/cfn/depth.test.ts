import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, stringify, type Node as YamlNode } from 'yaml';
import { findExcessNesting, MAX_NESTING } from '../../../src/formats/cfn/depth.js';
import { parseTemplate } from '../../../src/formats/cfn/parse.js';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';
import { buildIfStale, ROOT } from '../../support/build.js';

/** The nesting yaml itself sees: mappings and lists around the deepest value. */
function yamlDepth(node: unknown): number {
  if (isMap(node)) return 1 + Math.max(0, ...node.items.map((p) => Math.max(yamlDepth(p.key), yamlDepth(p.value))));
  if (isSeq(node)) return 1 + Math.max(0, ...node.items.map((i) => yamlDepth(i as YamlNode)));
  return 0;
}

/** The pre-scan accepts the text at its real depth and refuses it one level below. */
function expectDepth(text: string, depth: number): void {
  expect(findExcessNesting(text, depth), text).toBeUndefined();
  if (depth > 0) expect(findExcessNesting(text, depth - 1), text).toBeDefined();
}

const VPC = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';

/** Deep documents of every shape: flow lists, flow maps, `[a: …]` pairs, block maps, `- - -` lists. */
const DEEP: Record<string, string> = {
  flow: `Resources: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  unclosed: `Resources: ${'['.repeat(200_000)}`,
  'flow-map': `{"Resources": ${'{"a": '.repeat(3000)}1${'}'.repeat(3000)}}`,
  pairs: `Resources: ${'[a: '.repeat(2000)}1${']'.repeat(2000)}\n`,
  block: `Resources:\n${Array.from({ length: 2500 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`,
  dashes: `Resources:\n  - ${'- '.repeat(3000)}x\n`,
  mixed: `Resources:\n${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(2 * i + 2)}- k${i}:`).join('\n')} 1\n`,
};

describe('the nesting limit (issue 14 §2)', () => {
  it('measures nesting exactly as yaml builds it, on generated documents of every style', () => {
    let seed = 11;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const words = ['a', 'b c', 'x: y', '- z', '[q]', '|', '"q"', "it's", '#c', '', 'two\nlines', '  lead', '{k}'];
    const gen = (d: number): unknown => {
      const k = rand();
      if (d > 10 || k < 0.3) return rand() < 0.5 ? words[Math.floor(rand() * words.length)] : Math.floor(rand() * 100);
      if (k < 0.65) return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => gen(d + 1));
      return Object.fromEntries(Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => [`k${i}${rand() < 0.2 ? ' x' : ''}`, gen(d + 1)]));
    };
    const styles = [{}, { collectionStyle: 'flow' as const }, { indentSeq: false }, { indent: 4 }];
    for (let i = 0; i < 200; i++) {
      const text = stringify(gen(0), styles[i % styles.length]);
      const doc = parseDocument(text);
      expect(doc.errors).toEqual([]);
      expectDepth(text, yamlDepth(doc.contents));
      const json = JSON.stringify(gen(0), null, i % 3);
      expectDepth(json, yamlDepth(parseDocument(json).contents));
    }
  });

  it('is not fooled by brackets and indentation inside quotes, comments and block scalars', () => {
    const hidden = `${VPC}  Meta:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata:\n      a: "${'['.repeat(500)}"\n      b: '${'{'.repeat(500)}'\n      # ${'['.repeat(500)}\n      c: |\n${Array.from({ length: 300 }, (_, i) => `        ${' '.repeat(i)}- x:`).join('\n')}\n      d: ok\n`;
    const r = parseTemplate(hidden, 't.yaml');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('accepts a template nested exactly to the limit and refuses one level more, naming line, column and limit', () => {
    const at = (levels: number): string =>
      `${VPC}  Meta:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata:\n      a: ${'['.repeat(levels - 4)}1${']'.repeat(levels - 4)}\n`;
    expect(parseTemplate(at(MAX_NESTING), 't.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = parseTemplate(at(MAX_NESTING + 1), 't.yaml');
    expect(r.template).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'TooDeep', file: 't.yaml', line: 9, column: MAX_NESTING + 6 });
    expect(r.diagnostics[0].message).toContain(`more than ${MAX_NESTING} levels`);
  });

  it('refuses each deep shape with one error at a place that does not depend on the stack', () => {
    for (const [name, text] of Object.entries(DEEP)) {
      const r = parseTemplate(text, `${name}.yaml`);
      expect(r.template, name).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code), name).toEqual(['TooDeep']);
      expect(r.diagnostics[0].line, name).toBeGreaterThan(0);
    }
    expect(parseTemplate(DEEP.flow, 't.yaml').diagnostics[0]).toMatchObject({ line: 1, column: 12 + MAX_NESTING - 1 });
    expect(parseTemplate(DEEP.block, 't.yaml').diagnostics[0]).toMatchObject({ line: MAX_NESTING + 1, column: MAX_NESTING + 2 });
  });

  it('refuses a megabyte of [ quickly, without building it', () => {
    const started = performance.now();
    const r = parseTemplate(`Resources: ${'['.repeat(1_000_000)}`, 't.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TooDeep']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** Templates at the nesting limit that the resolver, intrinsics and conditions walk all the way down. */
function deepButValid(): Record<string, string> {
  const join = (n: number): string => (n === 0 ? "'x'" : `!Join ['', [${join(n - 1)}]]`);
  const and = (n: number): string => (n === 0 ? '!Equals [a, a]' : `!And [${and(n - 1)}, !Equals [b, b]]`);
  const select = (n: number): string => (n === 0 ? '[10.0.0.0/16]' : `[!Select [0, ${select(n - 1)}]]`);
  return {
    join: `${VPC}      Tags:\n        - Key: Name\n          Value: ${join(45)}\n`,
    conditions: `Conditions:\n  Deep: ${and(48)}\n${VPC}    Condition: Deep\n`,
    select: `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Select [0, ${select(45)}]\n`,
    metadata: `${VPC}    Metadata:\n      deep: ${'{a: '.repeat(94)}1${'}'.repeat(94)}\n`,
    aliases: `${VPC}    Metadata:\n      k: &deep ${'['.repeat(40)}1${']'.repeat(40)}\n      a: ${'['.repeat(50)}*deep${']'.repeat(50)}\n`,
  };
}

describe('the same result on the main thread and in worker threads', () => {
  beforeAll(() => buildIfStale());

  it('loads deep but valid templates, and refuses deep ones, identically in a worker', async () => {
    const inputs = { ...DEEP, ...deepButValid() };
    const run = (texts: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(texts).map(([name, text]) => {
          const loaded = loadSubmissionFromTemplates([{ file: `${name}.yaml`, text }]);
          return [name, { ok: loaded.ok, resources: loaded.resourceCount, diagnostics: loaded.diagnostics }];
        }),
      );
    const main = run(inputs);
    for (const name of Object.keys(deepButValid())) {
      expect(main[name].diagnostics.filter((d: { severity: string }) => d.severity === 'error'), name).toEqual([]);
      expect(main[name].ok, name).toBe(true);
    }
    // The deep alias expands past the limit where it is used: refused, not overflowed.
    const lib = pathToFileURL(join(ROOT, 'dist/src/formats/load-submission.js')).href;
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(lib)}).then(({ loadSubmissionFromTemplates }) => {
        const out = {};
        for (const [name, text] of Object.entries(workerData)) {
          const loaded = loadSubmissionFromTemplates([{ file: name + '.yaml', text }]);
          out[name] = { ok: loaded.ok, resources: loaded.resourceCount, diagnostics: loaded.diagnostics };
        }
        parentPort.postMessage(out);
      });`;
    for (const stackSizeMb of [1, 4]) {
      const worker = new Worker(code, { eval: true, workerData: inputs, resourceLimits: { stackSizeMb } });
      const fromWorker = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      expect(fromWorker).toEqual(main);
    }
  }, 30_000);
});
