import { Alias } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { MAX_ALIAS_VALUES } from '../../../src/formats/cfn/yaml-tree.js';
import { parseTemplate } from '../../../src/formats/cfn/parse.js';

const VPC = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';

/** The tree without positions, to compare an aliased template with the one written out. */
const shape = (text: string): unknown => JSON.parse(JSON.stringify(parseTemplate(text, 't.yaml').template, (k, v) => (k === 'loc' || k === 'keyLoc' || k === 'typeLoc' ? undefined : v)));

describe('aliases are expanded in linear time (issue 14 §4)', () => {
  it('loads a template with 20,000 aliases quickly, each one the anchored value', () => {
    const text = `${VPC}    Metadata:\n      tags: &t {Key: Team, Value: net}\n      list:\n${'        - *t\n'.repeat(20_000)}`;
    // yaml's Alias.resolve searches the whole document for each alias: quadratic.
    const resolve = vi.spyOn(Alias.prototype, 'resolve');
    const started = performance.now();
    const r = parseTemplate(text, 't.yaml');
    const ms = performance.now() - started;
    expect(resolve).not.toHaveBeenCalled();
    resolve.mockRestore();
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify(r.template!.resources[0].metadata).match(/"Team"/g)).toHaveLength(20_001);
    expect(ms).toBeLessThan(15_000);
  });

  it('gives the same tree as the values written out', () => {
    const aliased = `${VPC}    Metadata:\n      tags: &t {Key: Team, Value: !Ref AWS::Region}\n      list:\n${'        - *t\n'.repeat(50)}`;
    const written = `${VPC}    Metadata:\n      tags: {Key: Team, Value: !Ref AWS::Region}\n      list:\n${'        - {Key: Team, Value: !Ref AWS::Region}\n'.repeat(50)}`;
    expect(shape(aliased)).toEqual(shape(written));
  });

  it('refuses an alias bomb fast, at the alias that passes the budget, with its line and column', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 40; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const started = performance.now();
    const r = parseTemplate(`${bomb}${VPC}`, 't.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.template).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'AliasExpansion', line: 5, column: 45 });
    expect(r.diagnostics[0].message).toContain(MAX_ALIAS_VALUES.toLocaleString('en-US'));
  });

  it('follows the latest anchor of a name before the alias, as YAML does', () => {
    const t = parseTemplate(`${VPC}    Metadata:\n      a: &n one\n      b: *n\n      c: &n two\n      d: *n\n`, 't.yaml').template!;
    expect(JSON.stringify(t.resources[0].metadata)).toMatch(/"b".*"one".*"d".*"two"/);
  });

  it('refuses an alias before its anchor and one inside its own anchor', () => {
    expect(parseTemplate(`${VPC}    Metadata:\n      b: *n\n      a: &n one\n`, 't.yaml').diagnostics[0].message).toContain('no anchor &n before it');
    expect(parseTemplate(`${VPC}    Metadata:\n      a: &n [1, *n]\n`, 't.yaml').diagnostics[0]).toMatchObject({ code: 'AliasExpansion', line: 7, column: 17 });
  });

  it('refuses an alias that would nest the document past the limit where it is used', () => {
    const text = `${VPC}    Metadata:\n      k: &deep ${'['.repeat(60)}1${']'.repeat(60)}\n      a: ${'['.repeat(60)}*deep${']'.repeat(60)}\n`;
    const r = parseTemplate(text, 't.yaml');
    expect(r.template).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'TooDeep', line: 8, column: 70 });
  });
});
