import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceExcerpt } from '../../src/cli/source-excerpt.js';
import { buildIfStale, cloudlab } from '../support/cli.js';

let tmp: string;
beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-excerpt-'));
}, 180_000);

const BAD = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n     Properties:\n      CidrBlock: 10.0.0.0/16\n';

describe('the source line under an error, with a caret', () => {
  it('puts the caret under the column', () => {
    const file = join(tmp, 'a.yaml');
    writeFileSync(file, BAD);
    expect(sourceExcerpt({ severity: 'error', code: 'YamlSyntax', message: 'x', file, line: 4, column: 6 })).toEqual([
      '    4 |      Properties:',
      '      |      ^',
    ]);
  });

  it('shows a window of a long line, control characters as "?", nothing for warnings or a missing file', () => {
    const file = join(tmp, 'long.yaml');
    writeFileSync(file, `A: ${'x'.repeat(200)}\u001b[31mHERE\n`);
    const [src, caret] = sourceExcerpt({ severity: 'error', code: 'E', message: 'x', file, line: 1, column: 204 });
    expect([...src].length).toBeLessThanOrEqual(80);
    expect(src).toContain('?[31mHERE');
    expect(src[caret.indexOf('^')]).toBe('?');
    expect(sourceExcerpt({ severity: 'warning', code: 'W', message: 'x', file, line: 1, column: 1 })).toEqual([]);
    expect(sourceExcerpt({ severity: 'error', code: 'E', message: 'x', file: join(tmp, 'gone.yaml'), line: 1, column: 1 })).toEqual([]);
  });

  it('in the text of validate, check and trace', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, BAD);
    const expected = /bad\.yaml:4:6: error YamlSyntax: invalid YAML: bad\s+indentation: this line is indented by 5 spaces; the other keys of this\s+mapping by 4 \(line 3\)[\s\S]*\n {4}4 \| {6}Properties:\n {6}\| {6}\^/;
    expect(cloudlab(['validate', file]).stdout).toMatch(expected);
    expect(cloudlab(['trace', file, '--from', 'a', '--to', 'b']).stderr).toMatch(expected);
    const check = cloudlab(['check', 'public-web', file]);
    expect(check.status).toBe(2);
    expect(check.stdout).toMatch(/\n {4}4 \| {6}Properties:\n {6}\| {6}\^\n\nScore: 0\/4|\n {4}4 \| {6}Properties:\n {6}\| {6}\^\n\nScore: 0\/\d+/);
  });
});
