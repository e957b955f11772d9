import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSubmissions } from '../../../src/grading/bulk/entries.js';
import { parseRoster, readRoster, RosterError } from '../../../src/grading/bulk/roster.js';
import { removeDir, tempDir } from './support/fixture.js';

describe('parseRoster', () => {
  it('reads the two columns in any order, ignoring others and surrounding spaces', () => {
    const r = parseRoster('Email,Student,Submission\nx@example.edu, s1 ,alice.yaml\n,"s,2",bob\n', 'roster.csv');
    expect(r.entries).toEqual([
      { submission: 'alice.yaml', student: 's1', line: 2 },
      { submission: 'bob', student: 's,2', line: 3 },
    ]);
  });

  it('names the file, the line and what is wrong', () => {
    expect(() => parseRoster('', 'r.csv')).toThrow('r.csv: the roster is empty');
    expect(() => parseRoster('name,id\na,b\n', 'r.csv')).toThrow('r.csv:1: the header row has no "submission" column');
    expect(() => parseRoster('submission,student\na.yaml,\n', 'r.csv')).toThrow('r.csv:2: the student column is empty for a.yaml');
    expect(() => parseRoster('submission,student\n,s1\n', 'r.csv')).toThrow('r.csv:2: the submission column is empty');
    expect(() => parseRoster('submission,student\na,s1\nb,s2\na,s3\n', 'r.csv')).toThrow('r.csv:4: a is already listed on line 2');
    expect(() => parseRoster('submission,student\n"a,s1\n', 'r.csv')).toThrow(/^r\.csv:2: a quoted field is never closed/);
  });

  it('refuses a missing file, a folder and binary junk with a RosterError', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'junk.csv'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
      expect(() => readRoster(join(dir, 'none.csv'))).toThrow(RosterError);
      expect(() => readRoster(dir)).toThrow(/must be a CSV file, not a folder/);
      expect(() => readRoster(join(dir, 'junk.csv'))).toThrow(/not UTF-8 text/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('listSubmissions', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  it('lists every entry sorted by name, ignoring hidden ones, ids from the names', () => {
    writeFileSync(join(dir, 'zoe.yaml'), 'x');
    writeFileSync(join(dir, 'Bob.json'), 'x');
    writeFileSync(join(dir, ' alice .yaml'), 'x');
    writeFileSync(join(dir, 'alice_12345_attempt2.yaml'), 'x');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'carol.v2'));
    symlinkSync('/etc/hostname', join(dir, 'dan.yaml'));
    const { entries } = listSubmissions(dir);
    expect(entries.map((e) => [e.name, e.kind, e.student])).toEqual([
      [' alice .yaml', 'file', 'alice'],
      ['Bob.json', 'file', 'Bob'],
      ['alice_12345_attempt2.yaml', 'file', 'alice_12345_attempt2'],
      ['carol.v2', 'folder', 'carol.v2'],
      ['dan.yaml', 'symlink', 'dan'],
      ['zoe.yaml', 'file', 'zoe'],
    ]);
  });

  it('maps names through a roster, flags the unlisted and reports the missing', () => {
    writeFileSync(join(dir, 'alice_12345_attempt2.yaml'), 'x');
    writeFileSync(join(dir, 'bob.yaml'), 'x');
    writeFileSync(join(dir, 'stranger.yaml'), 'x');
    const roster = parseRoster('submission,student\nalice_12345_attempt2.yaml,s12345\nbob,s2\ncarol.yaml,s3\n', 'roster.csv');
    const listing = listSubmissions(dir, { roster });
    expect(listing.entries.map((e) => [e.name, e.student, e.flags])).toEqual([
      ['alice_12345_attempt2.yaml', 's12345', []],
      ['bob.yaml', 's2', []],
      ['stranger.yaml', 'stranger', ['not-in-roster']],
    ]);
    expect(listing.missingFromFolder).toEqual(['carol.yaml']);
  });

  it('leaves out the paths it is told are not submissions', () => {
    writeFileSync(join(dir, 'alice.yaml'), 'x');
    writeFileSync(join(dir, 'roster.csv'), 'submission,student\n');
    expect(listSubmissions(dir, { exclude: [join(dir, 'roster.csv')] }).entries.map((e) => e.name)).toEqual(['alice.yaml']);
  });
});
