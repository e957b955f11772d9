import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace, type Run } from '../support/cli.js';

/** A file name and template values that would clear, retitle and write the clipboard of a terminal. */
const NAME = 's1\u001b]0;owned\u0007\u001b[2J';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const TEMPLATE = `Description: "\\e]0;pwned\\a"
Resources:
  "Bad\\e]52;c;SGVsbG8=\\a":
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: "10.0.0.0/16\\e[2J"
      Tags: [{Key: Name, Value: "vpc\\e]0;t\\a\\u202e"}]
  Vpc2:
    Type: "AWS::EC2::VPC\\x9b2J"
`;

const expectClean = (r: Run): void => {
  expect(noStackTrace(r)).toBe(true);
  expect(r.stdout).not.toMatch(RAW);
  expect(r.stderr).not.toMatch(RAW);
};

describe('no escape sequence from a submission reaches the terminal (issue 14 §8)', () => {
  let dir: string;
  beforeAll(() => {
    buildIfStale();
    dir = mkdtempSync(join(tmpdir(), 'cloudlab-escape-'));
    mkdirSync(join(dir, 'subs'));
    writeFileSync(join(dir, 'subs', `${NAME}.yaml`), TEMPLATE);
    writeFileSync(join(dir, 'subs', 'plain.yaml'), TEMPLATE);
    writeFileSync(join(dir, `${NAME}.yaml`), TEMPLATE);
  });

  it('validate: logical id, values, type and file name, as visible escapes', () => {
    const r = cloudlab(['validate', join(dir, `${NAME}.yaml`)]);
    expect(r.status).toBe(2);
    expectClean(r);
    expect(r.stdout).toContain('Bad\\x1b]52;c;SGVsbG8=\\x07');
    expect(r.stdout).toContain('s1\\x1b]0;owned\\x07\\x1b[2J');
    const json = cloudlab(['validate', join(dir, `${NAME}.yaml`), '--json']);
    expectClean(json);
    // JSON is data: the raw value, escaped by JSON itself.
    expect(JSON.parse(json.stdout).diagnostics.some((d: { message: string }) => d.message.includes('Bad\u001b]52;c;SGVsbG8=\u0007'))).toBe(true);
  });

  it('check, describe and trace on such a file', () => {
    for (const args of [
      ['check', 'public-web', join(dir, `${NAME}.yaml`), '--student', 's1'],
      ['describe', join(dir, `${NAME}.yaml`)],
      ['trace', join(dir, `${NAME}.yaml`), '--from', 'internet', '--to', 'Vpc2'],
      ['reach', join(dir, `${NAME}.yaml`)],
    ]) {
      const r = cloudlab(args, { CLOUDLAB_HOME: dir });
      expectClean(r);
      expect(r.stdout + r.stderr).toContain('\\x1b');
    }
  });

  it('grade: the summary, the CSV and the feedback notes', () => {
    const r = cloudlab(['grade', 'public-web', join(dir, 'subs'), '--feedback', join(dir, 'feedback')]);
    expect(r.status).toBe(0);
    expectClean(r);
    expect(r.stdout).toContain('s1\\x1b]0;owned\\x07');
    for (const f of readdirSync(join(dir, 'feedback'))) expect(readFileSync(join(dir, 'feedback', f), 'utf8')).not.toMatch(RAW);
  });
});
