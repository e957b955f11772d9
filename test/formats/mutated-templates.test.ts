/**
 * Bad input is normal input: real templates with values swapped for wrong ones (nulls, lists,
 * maps, out-of-range numbers, broken blocks, references to nothing) and keys deleted must
 * load into diagnostics or a cloud, never into an exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, type Pair, parseDocument, type Scalar, visit } from 'yaml';
import { createRng } from '../../src/engine/random.js';
import { reachSummary } from '../../src/engine/reach/summary.js';
import { loadSubmissionFromTemplates } from '../../src/formats/load-submission.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const files = [
  ...readdirSync(join(FIXTURES, 'networks')).map((f) => join(FIXTURES, 'networks', f)),
  ...readdirSync(join(FIXTURES, 'labs')).flatMap((d) =>
    readdirSync(join(FIXTURES, 'labs', d))
      .filter((f) => f.endsWith('.yaml') && f !== 'expect.yaml')
      .map((f) => join(FIXTURES, 'labs', d, f)),
  ),
];
const texts = files.map((f) => readFileSync(f, 'utf8').replace(/\{\{\s*\w+\s*\}\}/g, '10.0.0.0/16'));
const WRONG: unknown[] = [null, 0, -1, 70000, '', 'abc', '10.0.0.0/33', '999.1.1.1', true, [], {}, ['x'], { Ref: 'Nope' }, { 'Fn::GetAtt': ['Vpc', 'Nope'] }, '0.0.0.0/0', '-1', 65535, 1.5, '__proto__'];

describe('mutated real templates', () => {
  it('never throw: every one loads into diagnostics or a cloud that can be analysed', () => {
    let invalid = 0;
    for (let i = 0; i < 600; i++) {
      const rng = createRng(`mutate-${i}`);
      const doc = parseDocument(rng.pick(texts));
      const scalars: Scalar[] = [];
      const pairs: { pair: Pair; parent: unknown }[] = [];
      visit(doc, {
        Scalar(_, node) {
          scalars.push(node);
        },
        Pair(_, pair, path) {
          pairs.push({ pair, parent: path[path.length - 1] });
        },
      });
      for (let k = rng.int(1, 4); k > 0; k--) {
        if (rng.next() < 0.6) rng.pick(scalars).value = rng.pick(WRONG);
        else {
          const { pair, parent } = rng.pick(pairs);
          if (isMap(parent)) parent.items = parent.items.filter((p) => p !== pair);
        }
      }
      let text: string;
      try {
        text = doc.toString();
      } catch {
        continue; // a tagged scalar given a map: not writable as YAML, so not a template anyone could submit
      }
      const loaded = loadSubmissionFromTemplates([{ file: 'mutated.yaml', text }]);
      if (loaded.ok) expect(reachSummary(loaded.cloud).classes.length).toBeGreaterThanOrEqual(0);
      else {
        invalid++;
        for (const d of loaded.diagnostics.filter((x) => x.severity === 'error')) expect(d.message.length).toBeGreaterThan(10);
      }
    }
    // The mutations must actually break most templates for this to test anything.
    expect(invalid).toBeGreaterThan(300);
  });
});
