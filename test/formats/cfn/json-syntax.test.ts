import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../src/formats/cfn/json-syntax.js';
import { parseTemplate } from '../../../src/formats/cfn/parse.js';

const errorOf = (text: string) => {
  const r = parseTemplate(text, 't.json');
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0].code).toBe('JsonSyntax');
  return errors[0];
};

describe('JSON syntax errors name the line and column, in words for a student (issue 14 §7)', () => {
  it.each([
    ['{"a": !x}', 1, 7, /expected a value but found "!".*\{"Ref": "…"\}/],
    ['{\n  "Resources": {\n    "A": {"Type": "AWS::EC2::VPC",}\n  }\n}', 3, 34, /a comma before \}/],
    ['{"a" 1}', 1, 6, /expected : after the property name/],
    ['{a: 1}', 1, 2, /property name in double quotes/],
    ["{\"a\": 'x'}", 1, 7, /double quotes .*not single quotes/],
    ['{"a": [1 2]}', 1, 10, /expected , or \] after an item .*comma missing/],
    ['{"a": "x\ny"}', 1, 7, /not closed with a " before the end of the line/],
    ['{"a": 01}', 1, 7, /not a JSON number/],
    ['{"a": "\\q"}', 1, 8, /the escape \\q is not JSON/],
    ['{"a": {"b": [1, 2]}\n', 2, 1, /the file ends before the \} that closes the \{ at line 1, column 1/],
    ['{"a": 1}\n{"b": 2}', 2, 1, /a template is a single/],
    ['{"a": "\u001b[2J"}', 1, 8, /control character U\+001B/],
  ])('%j', (text, line, column, reason) => {
    const e = errorOf(text);
    expect(e).toMatchObject({ line, column });
    expect(e.message).toMatch(reason);
  });

  it("never passes on V8's own message or quotes the file, however long", () => {
    const long = `{"Resources": {${Array.from({ length: 400 }, (_, i) => `"R${i}": {"Type": "AWS::EC2::VPC"}`).join(', ')}, "Bad": nope}}`;
    const e = errorOf(long);
    expect(e.line).toBe(1);
    expect(e.column).toBe(long.indexOf('nope') + 1);
    expect(e.message).not.toMatch(/is not valid JSON|Unexpected token|position \d+|R399/);
    expect(e.message.length).toBeLessThan(200);
  });

  it('agrees with JSON.parse on which texts are JSON, over thousands of mutated templates', () => {
    let seed = 3;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const base = JSON.stringify({ Resources: { A: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', L: [1, -2.5e3, true, null, 'a\\b\u00e9\n'] } } } }, null, 1);
    const alphabet = '{}[]",:\\ \n\t0123456789.-+eEtrufalsn\'x!u';
    for (let k = 0; k < 3000; k++) {
      const chars = base.split('');
      for (let j = 0; j < 1 + Math.floor(rand() * 3); j++) {
        const at = Math.floor(rand() * chars.length);
        const c = alphabet[Math.floor(rand() * alphabet.length)];
        const op = rand();
        if (op < 0.33) chars.splice(at, 1);
        else if (op < 0.66) chars.splice(at, 0, c);
        else chars[at] = c;
      }
      const text = chars.join('');
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(text) === undefined, text).toBe(valid);
    }
  });

  it('finds the error in a deeply nested JSON text without recursion', () => {
    const e = findJsonSyntaxError(`${'['.repeat(200_000)}x`);
    expect(e).toMatchObject({ offset: 200_000 });
  });
});
