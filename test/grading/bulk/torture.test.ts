import fs from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Lab } from '../../../src/content/labs.js';
import { formatCsv } from '../../../src/grading/bulk/formats/csv.js';
import { feedbackFiles } from '../../../src/grading/bulk/formats/feedback.js';
import { formatJson } from '../../../src/grading/bulk/formats/json.js';
import { formatJunit } from '../../../src/grading/bulk/formats/junit.js';
import { SYMLINK_REASON } from '../../../src/grading/bulk/grade-entry.js';
import { gradeFolder } from '../../../src/grading/bulk/run.js';
import type { BulkReport } from '../../../src/grading/bulk/types.js';
import { fixtureLab, removeDir, solution, starter, tempDir, writeFiles } from './support/fixture.js';

/**
 * A folder of everything a class can hand in: good work, the untouched starter, and every
 * kind of broken file. Exactly one row per entry, each zero with its reason, and nothing
 * outside the folder is ever opened.
 */
const SENTINEL = 'SECRET-SENTINEL-7f3a';
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'Resources: *i',
].join('\n');

let root: string;
let folder: string;
let lab: Lab;
let report: BulkReport;
const opened: string[] = [];
let bytesRead = 0;

beforeAll(async () => {
  lab = fixtureLab();
  root = tempDir();
  folder = join(root, 'submissions');
  const outside = join(root, 'outside');
  writeFiles(outside, { 'secret.yaml': `# ${SENTINEL}\n${solution(lab, 'link')}` });
  writeFiles(folder, {
    'alice.yaml': solution(lab, 'alice'),
    'alice-copy.yaml': solution(lab, 'alice'),
    'bob.yaml': starter(lab, 'bob'),
    // SSH open to the administrator's whole /24, not the /32: someone else gets through.
    'carol.yaml': solution(lab, 'carol').replace(/(FromPort: 22, ToPort: 22, CidrIp: )'[^']+'/, "$1'198.51.100.0/24'"),
    'dave/us-east-1.yaml': solution(lab, 'dave'),
    'empty.yaml': '',
    'junk.yaml': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    'badyaml.yaml': 'Resources:\n  Vpc: [unclosed\n    Type: AWS::EC2::VPC\n',
    'bomb.yaml': ALIAS_BOMB,
    'proto.yaml': '__proto__:\n  polluted: true\nResources:\n  __proto__:\n    Type: AWS::EC2::VPC\n',
    'other-lab.yaml': starter(lab, 'erin').replace('lab: web-tier', 'lab: three-tier'),
    '.DS_Store': 'Bud1',
    '.git/HEAD': 'ref: refs/heads/main\n',
  });
  // 50 MB of real text: refused by its size, never read.
  fs.writeFileSync(join(folder, 'huge.yaml'), Buffer.alloc(50 * 1024 * 1024, '# padding\n'));
  fs.symlinkSync(join(outside, 'secret.yaml'), join(folder, 'link.yaml'));
  fs.mkdirSync(join(folder, 'sneaky'));
  fs.symlinkSync(join(outside, 'secret.yaml'), join(folder, 'sneaky', 'us-east-1.yaml'));

  const record = (p: unknown) => {
    if (typeof p === 'string') opened.push(resolve(p));
  };
  const real = { openSync: fs.openSync, readFileSync: fs.readFileSync, readdirSync: fs.readdirSync, readSync: fs.readSync };
  const spies = [
    vi.spyOn(fs, 'openSync').mockImplementation(recording(real.openSync, record)),
    vi.spyOn(fs, 'readFileSync').mockImplementation(recording(real.readFileSync, record)),
    vi.spyOn(fs, 'readdirSync').mockImplementation(recording(real.readdirSync, record)),
    vi.spyOn(fs, 'readSync').mockImplementation(((...args: Parameters<typeof fs.readSync>) => {
      const n = real.readSync(...args);
      bytesRead += n;
      return n;
    }) as typeof fs.readSync),
  ];
  try {
    report = await gradeFolder(lab, folder, { jobs: 1 });
  } finally {
    for (const s of spies) s.mockRestore();
  }
});

/** The real function, noting the path it is given. */
function recording<F extends (...args: never[]) => unknown>(real: F, record: (p: unknown) => void): F {
  return ((...args: Parameters<F>) => {
    record(args[0]);
    return real(...args);
  }) as F;
}

afterAll(() => removeDir(root));

describe('grading a folder of everything', () => {
  it('gives exactly one row per entry, hidden files left out, in name order', () => {
    expect(report.results.map((r) => r.submission)).toEqual([
      'alice-copy.yaml',
      'alice.yaml',
      'badyaml.yaml',
      'bob.yaml',
      'bomb.yaml',
      'carol.yaml',
      'dave',
      'empty.yaml',
      'huge.yaml',
      'junk.yaml',
      'link.yaml',
      'other-lab.yaml',
      'proto.yaml',
      'sneaky',
    ]);
    for (const r of report.results) {
      expect(r.max).toBe(10);
      expect(r.checks.map((c) => c.id)).toEqual(lab.checks.map((c) => c.id));
    }
  });

  it('grades the good work', () => {
    const row = (name: string) => report.results.find((r) => r.submission === name)!;
    expect([row('alice.yaml').status, row('alice.yaml').score]).toEqual(['graded', 10]);
    expect([row('dave').status, row('dave').score, row('dave').student]).toEqual(['graded', 10, 'dave']);
    expect([row('carol.yaml').score, row('carol.yaml').checks.filter((c) => !c.passed).map((c) => c.id)]).toEqual([7, ['ssh-only-admin']]);
    expect([row('bob.yaml').status, row('bob.yaml').flags]).toEqual(['graded', ['unchanged-starter']]);
  });

  it('gives every broken submission a 0 with a clear reason', () => {
    const zero = Object.fromEntries(report.results.filter((r) => r.status !== 'graded').map((r) => [r.submission, [r.status, r.score, r.reason]]));
    expect(zero).toEqual({
      'badyaml.yaml': ['invalid', 0, expect.stringMatching(/^the template does not load: badyaml\.yaml:2:\d+: error YamlSyntax: invalid YAML/)],
      'bomb.yaml': ['invalid', 0, expect.stringMatching(/AliasExpansion: the aliases \(\*name\) in this document expand to more than/)],
      'empty.yaml': ['empty', 0, 'the file is empty'],
      'huge.yaml': ['invalid', 0, expect.stringMatching(/^the file is 50 MB; a template may be at most 1 MB/)],
      'junk.yaml': ['invalid', 0, expect.stringMatching(/^the file is not text: it holds NUL bytes/)],
      'link.yaml': ['invalid', 0, SYMLINK_REASON],
      'other-lab.yaml': ['wrong-lab', 0, 'this submission was made for the lab "three-tier" (its Metadata says so), not "web-tier"'],
      'proto.yaml': ['invalid', 0, expect.stringMatching(/ReservedKey: the key "__proto__" is not allowed/)],
      sneaky: ['invalid', 0, expect.stringMatching(/symbolic link to a file outside the submission folder; it was not read/)],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names files relative to the folder, never by their absolute path', () => {
    expect(formatJson(report)).not.toContain(folder);
  });

  it('never opens or lists anything outside the folder, and never reads the 50 MB file', () => {
    expect(opened.length).toBeGreaterThan(10);
    const outside = opened.filter((p) => p !== resolve(folder) && !p.startsWith(resolve(folder) + sep));
    expect(outside).toEqual([]);
    expect(bytesRead).toBeLessThan(1024 * 1024);
    const everything = [formatJson(report), formatCsv(report), formatJunit(report), ...feedbackFiles(report).map((f) => f.text)].join('\n');
    expect(everything).not.toContain(SENTINEL);
  });

  it('sums the run up: zeros by cause, identical copies, the untouched starter', () => {
    const s = report.summary;
    expect([s.count, s.graded]).toEqual([14, 5]);
    expect(s.identical).toEqual([['alice-copy.yaml', 'alice.yaml']]);
    expect(s.unchangedStarter).toEqual(['bob.yaml']);
    const causes = Object.fromEntries(s.zeros.map((z) => [`${z.status}/${z.code ?? ''}`, z.submissions]));
    expect(causes).toEqual({
      'invalid/SymbolicLink': ['link.yaml', 'sneaky'],
      'invalid/YamlSyntax': ['badyaml.yaml'],
      'invalid/AliasExpansion': ['bomb.yaml'],
      'empty/EmptyFile': ['empty.yaml'],
      'invalid/FileTooLarge': ['huge.yaml'],
      'invalid/BinaryFile': ['junk.yaml'],
      'wrong-lab/': ['other-lab.yaml'],
      'invalid/ReservedKey': ['proto.yaml'],
    });
  });
});
