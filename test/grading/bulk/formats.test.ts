import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/grading/bulk/csv.js';
import { formatCsv } from '../../../src/grading/bulk/formats/csv.js';
import { exercismFiles } from '../../../src/grading/bulk/formats/exercism.js';
import { feedbackFiles } from '../../../src/grading/bulk/formats/feedback.js';
import { gradescopeFiles } from '../../../src/grading/bulk/formats/gradescope.js';
import { formatJson } from '../../../src/grading/bulk/formats/json.js';
import { formatJunit } from '../../../src/grading/bulk/formats/junit.js';
import { formatLmsCsv } from '../../../src/grading/bulk/formats/lms.js';
import { outputNames, safeName } from '../../../src/grading/bulk/formats/names.js';
import { assembleReport } from '../../../src/grading/bulk/run.js';
import { fixtureLab } from './support/fixture.js';
import { row } from './support/results.js';

const lab = fixtureLab();
const report = assembleReport(
  lab,
  [
    row(lab, 'alice.yaml'),
    row(lab, 'bob.yaml', { failed: ['ssh-only-admin', 'least-privilege'] }),
    row(lab, 'bob2.yaml', { student: 'bob', failed: ['public-route'] }),
    row(lab, 'carol.yaml', { status: 'invalid', reason: 'the template does not load: carol.yaml:2:9: error YamlSyntax: invalid YAML', code: 'YamlSyntax' }),
    row(lab, 'dan.yaml', { status: 'error', reason: 'grading took longer than 30 s, so it was stopped', code: 'GraderError' }),
    row(lab, '=cmd.yaml', { student: '=cmd', status: 'empty', reason: 'the file is empty', code: 'EmptyFile' }),
  ],
  [],
);
const byStudent = (files: { path: string; text: string }[], name: string) => JSON.parse(files.find((f) => f.path === `${name}/results.json`)!.text);

describe('csv', () => {
  const rows = parseCsv(formatCsv(report)).map((r) => r.fields);

  it('has the fixed columns, then one per check', () => {
    expect(rows[0]).toEqual(['student', 'submission', 'score', 'max', 'percent', 'status', 'reason', 'public-route', 'http-from-anywhere', 'https-from-anywhere', 'ssh-only-admin', 'least-privilege']);
  });

  it('has one row per submission with the points of each check and the reason of a zero', () => {
    expect(rows).toHaveLength(7);
    expect(rows[1]).toEqual(['alice', 'alice.yaml', '10', '10', '100', 'graded', '', '1', '2', '2', '3', '2']);
    expect(rows[2]).toEqual(['bob', 'bob.yaml', '5', '10', '50', 'graded', '', '1', '2', '2', '0', '0']);
    expect(rows[4].slice(0, 7)).toEqual(['carol', 'carol.yaml', '0', '10', '0', 'invalid', 'the template does not load: carol.yaml:2:9: error YamlSyntax: invalid YAML']);
    expect(rows[6].slice(0, 2)).toEqual(["'=cmd", "'=cmd.yaml"]);
  });
});

describe('LMS gradebooks', () => {
  it("Canvas: the export's columns, a Points Possible row, the id as SIS User ID, the best submission per student", () => {
    const rows = parseCsv(formatLmsCsv(report, 'canvas')).map((r) => r.fields);
    expect(rows[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'A public web server (grading fixture) (web-tier)']);
    expect(rows[1]).toEqual(['    Points Possible', '', '', '', '', '10']);
    expect(rows.slice(2)).toEqual([
      ['', '', 'alice', '', '', '10'],
      ['', '', 'bob', '', '', '9'],
      ['', '', 'carol', '', '', '0'],
      ['', '', 'dan', '', '', ''],
      ['', '', "'=cmd", '', '', '0'],
    ]);
  });

  it('Moodle: ID number, Email address, the grade and a feedback line', () => {
    const rows = parseCsv(formatLmsCsv(report, 'moodle')).map((r) => r.fields);
    expect(rows[0]).toEqual(['ID number', 'Email address', 'A public web server (grading fixture) (web-tier)', 'Feedback: A public web server (grading fixture) (web-tier)']);
    expect(rows[1]).toEqual(['alice', '', '10', '10/10. Every check passes.']);
    expect(rows[2]).toEqual(['bob', '', '9', '9/10. To fix: Public subnet routes to the internet.']);
    expect(rows[3]).toEqual(['carol', '', '0', 'Not graded: the template does not load: carol.yaml:2:9: error YamlSyntax: invalid YAML']);
    expect(rows[4]).toEqual(['dan', '', '', 'Not graded: grading took longer than 30 s, so it was stopped']);
  });
});

describe('json', () => {
  const data = JSON.parse(formatJson(report));

  it('carries the lab, its checks, the summary and every result, and no clock', () => {
    expect(Object.keys(data)).toEqual(['lab', 'title', 'max', 'checks', 'summary', 'results']);
    expect(data.lab).toBe('web-tier');
    expect(data.results).toHaveLength(6);
    expect(data.summary.count).toBe(6);
    expect(formatJson(report)).not.toMatch(/generated|\d{4}-\d\d-\d\dT/);
  });

  it("gives a check's arguments unless the lab hides them", () => {
    expect(data.checks[1]).toEqual({ id: 'http-from-anywhere', title: 'HTTP from anywhere', kind: 'reachable', points: 2, args: { from: 'internet', to: 'role:web', port: 80 } });
    expect(data.checks[4]).toEqual({ id: 'least-privilege', title: 'Nothing else open to the world', kind: 'least-privilege', points: 2 });
  });
});

describe('junit', () => {
  const xml = formatJunit(report);

  it('has a testsuite per submission and a testcase per check, with totals', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cloudlab grade web-tier" tests="30" failures="3" errors="15">')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(6);
    expect(xml.match(/<testcase /g)).toHaveLength(30);
    expect(xml.match(/<\/testsuite>/g)).toHaveLength(6);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  it('writes a failure with the message, what was found and the hint', () => {
    expect(xml).toContain(
      '<failure type="check-failed" message="SSH to the web server is not limited to the administrator&apos;s address.">'.replace('&apos;', "'"),
    );
    expect(xml).toContain('Found: found for ssh-only-admin\nHint: Allow tcp 22 from your adminIp/32 only.</failure>');
    expect(xml).toContain('<error type="invalid" message="the template does not load: carol.yaml:2:9: error YamlSyntax: invalid YAML">');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const nasty = assembleReport(lab, [row(lab, 'x.yaml', { student: 'a<b>&"c"\u0001\uFFFE', status: 'invalid', reason: 'bad ]]> <tag> & "quote"' })], []);
    const out = formatJunit(nasty);
    expect(out).toContain('name="a&lt;b&gt;&amp;&quot;c&quot;\uFFFD\uFFFD (x.yaml)"');
    expect(out).toContain('message="bad ]]&gt; &lt;tag&gt; &amp; &quot;quote&quot;"');
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });
});

describe('gradescope', () => {
  const files = gradescopeFiles(report);

  it('writes one results.json per student folder, a second submission of one student in its own folder', () => {
    expect(files.map((f) => f.path)).toEqual(['alice/results.json', 'bob/results.json', 'bob-2/results.json', 'carol/results.json', 'dan/results.json', '_cmd/results.json']);
  });

  it("follows the autograder's results format", () => {
    const bob = byStudent(files, 'bob');
    expect(Object.keys(bob)).toEqual(['score', 'output', 'tests']);
    expect(bob.score).toBe(5);
    expect(bob.output).toBe('Score: 5/10 (2 checks to fix)');
    expect(bob.tests[3]).toEqual({
      name: 'SSH only from the administrator (ssh-only-admin)',
      score: 0,
      max_score: 3,
      status: 'failed',
      output: "SSH to the web server is not limited to the administrator's address.\nFound: found for ssh-only-admin\nHint: Allow tcp 22 from your adminIp/32 only.",
      visibility: 'visible',
    });
    expect(bob.tests.reduce((n: number, t: { score: number }) => n + t.score, 0)).toBe(bob.score);
    const carol = byStudent(files, 'carol');
    expect(carol.score).toBe(0);
    expect(carol.tests.every((t: { status: string }) => t.status === 'failed')).toBe(true);
  });
});

describe('exercism', () => {
  const files = exercismFiles(report);

  it('reports pass, fail, and error for what could not be graded', () => {
    expect(byStudent(files, 'alice')).toMatchObject({ version: 2, status: 'pass' });
    expect(byStudent(files, 'carol')).toEqual({ version: 2, status: 'error', message: 'Not graded: the template does not load: carol.yaml:2:9: error YamlSyntax: invalid YAML' });
    const bob = byStudent(files, 'bob');
    expect(bob.status).toBe('fail');
    expect(bob.tests[1]).toEqual({ name: 'HTTP from anywhere', status: 'pass', test_code: 'reachable from=internet to=role:web port=80' });
    expect(bob.tests[3].status).toBe('fail');
    expect(bob.tests[3].message).toContain('Hint: Allow tcp 22');
    expect(bob.tests[4].test_code).toBe('least-privilege');
  });
});

describe('feedback notes', () => {
  const files = feedbackFiles(report);

  it('writes a note per student with the score, each check marked, and for a failure what was found and the hint', () => {
    const bob = files.find((f) => f.path === 'bob.md')!.text;
    expect(bob).toContain('# A public web server (grading fixture): feedback for bob');
    expect(bob).toContain('**Score: 5 / 10** (50%): 3 of 5 checks pass.');
    expect(bob).toContain('## ✓ HTTP from anywhere (2/2)');
    expect(bob).toContain("## ✗ SSH only from the administrator (0/3)\n\nSSH to the web server is not limited to the administrator's address.\n\n- **What was found:** found for ssh-only-admin\n- **Hint:** Allow tcp 22 from your adminIp/32 only.");
  });

  it('tells a student whose work was not graded why, and how to check it', () => {
    const carol = files.find((f) => f.path === 'carol.md')!.text;
    expect(carol).toContain('**Score: 0 / 10.** Your submission was not graded: the template does not load: carol.yaml:2:9: error YamlSyntax: invalid YAML.');
    expect(carol).toContain('`cloudlab check web-tier <your file> --student carol`');
  });
});

describe('output names', () => {
  it('turns any id into one safe, unique name, whatever the case', () => {
    expect(safeName('../../etc/passwd')).toBe('___.._etc_passwd');
    expect(safeName('.hidden')).toBe('_hidden');
    expect(safeName('')).toBe('_');
    expect(safeName('José Núñez')).toBe('José_Núñez');
    expect(outputNames([{ student: 'Alice' }, { student: 'alice' }, { student: 'alice-2' }, { student: 'a/b' }])).toEqual(['Alice', 'alice-2', 'alice-2-2', 'a_b']);
  });
});
