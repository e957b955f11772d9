import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/cli/commands/trace.js';
import { toAnsi } from '../../src/content/markdown/segments.js';
import { topologyDot, topologyMermaid } from '../../src/formats/describe/graph.js';
import { topologyText } from '../../src/formats/describe/text.js';
import type { TopologyView } from '../../src/formats/describe/topology.js';
import { formatDiagnostic } from '../../src/formats/diagnostics.js';
import { jsonText, printable, terminalSafe } from '../../src/formats/safe-text.js';
import { csvField } from '../../src/grading/bulk/csv.js';
import { feedbackNote } from '../../src/grading/bulk/formats/feedback.js';
import type { BulkResult } from '../../src/grading/bulk/types.js';
import { formatGrade } from '../../src/grading/format-check.js';
import type { GradeResult } from '../../src/grading/result.js';
import type { TraceReport } from '../../src/engine/reach/question.js';

/** Clear the screen, retitle the window, write the clipboard (OSC 52), 8-bit CSI, bell, right-to-left override. */
const PAYLOAD = '\u001b[2J\u001b]0;owned\u0007\u001b]52;c;SGVsbG8=\u001b\\\u009b31m\u0007\u202eevil\u007f';
/** Anything a terminal would act on, beyond line breaks. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const expectSafe = (text: string | string[]): void => {
  const all = Array.isArray(text) ? text.join('\n') : text;
  expect(all).not.toMatch(RAW);
  expect(all).toContain('\\x1b]0;owned\\x07');
};

describe('printable (issue 14 §8)', () => {
  it('shows every control, bidi override and separator as a visible escape', () => {
    expect(printable('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(printable('\u0007\u007f\u009b\u202e\u2066\u2028\r\t\n')).toBe('\\x07\\x7f\\x9b\\u202e\\u2066\\u2028\\r\\t\\n');
    expect(printable('two\nlines\tand tab', { lines: true })).toBe('two\nlines\tand tab');
    expect(printable('café → ✓ 10.0.0.0/16')).toBe('café → ✓ 10.0.0.0/16');
  });

  it('lets only cloudlab\'s own colour sequences through at the terminal', () => {
    expect(terminalSafe('\u001b[1;31mred\u001b[0m\r\n')).toBe('\u001b[1;31mred\u001b[0m\r\n');
    expect(terminalSafe(`\u001b[32mok\u001b[0m ${PAYLOAD}`)).not.toMatch(/\u001b\]|\u001b\[2J|\u0007|\u009b|\u202e/);
  });

  it('writes the controls JSON.stringify leaves raw as \\u escapes, the same data', () => {
    const text = jsonText({ name: PAYLOAD });
    expect(text).not.toMatch(RAW);
    expect(JSON.parse(text)).toEqual({ name: PAYLOAD });
  });
});

describe('every printer of submission text goes through printable', () => {
  it('diagnostics: file name, logical id, path and message', () => {
    expectSafe(formatDiagnostic({ severity: 'error', code: 'X', file: `sub${PAYLOAD}.yaml`, line: 1, column: 2, logicalId: `Id${PAYLOAD}`, path: `Properties.${PAYLOAD}`, message: `value "${PAYLOAD}"` }));
  });

  it('trace text: hop names and details', () => {
    const hop = { direction: 'request' as const, component: 'security-group' as const, id: 'sg-1', logicalId: `Sg${PAYLOAD}`, action: 'drop' as const, detail: `rule ${PAYLOAD}` };
    const report = { from: `internet${PAYLOAD}`, to: 'Web', protocol: 'tcp', port: 22, reachable: false, path: [hop], explanation: `because ${PAYLOAD}`, drop: { hop, reason: 'x', fix: `add ${PAYLOAD}` } } as unknown as TraceReport;
    expectSafe(formatTrace(report));
  });

  it('describe: text, mermaid and dot', () => {
    const view = {
      regions: [
        {
          region: 'us-east-1',
          vpcs: [
            {
              id: 'vpc-1',
              name: `Vpc${PAYLOAD}`,
              cidrs: ['10.0.0.0/16'],
              natGateways: [],
              subnets: [],
              routeTables: [],
              securityGroups: [{ id: 'sg-1', name: `Sg${PAYLOAD}`, inbound: [`tcp 22 ${PAYLOAD}`], outbound: [] }],
              networkAcls: [],
            },
          ],
        },
      ],
      peerings: [],
    } as unknown as TopologyView;
    expectSafe(topologyText(view));
    expect(topologyMermaid(view).join('\n')).not.toMatch(RAW);
    expect(topologyDot(view).join('\n')).not.toMatch(RAW);
  });

  const result: GradeResult = {
    lab: 'public-web',
    student: `s1${PAYLOAD}`,
    submission: `s1${PAYLOAD}.yaml`,
    status: 'graded',
    score: 0,
    max: 2,
    checks: [{ id: 'c', title: 'T', kind: 'reachable', passed: false, points: 2, earned: 0, message: `m ${PAYLOAD}`, detail: `found ${PAYLOAD}`, hint: 'h', evidence: { resources: [`Res${PAYLOAD}`] } }],
    diagnostics: [],
  };

  it('check results', () => {
    expectSafe(formatGrade(result, 'Lab'));
    expectSafe(formatGrade({ ...result, status: 'invalid', reason: `does not load: ${PAYLOAD}` } as GradeResult, 'Lab'));
  });

  it('feedback notes, keeping their line breaks', () => {
    const note = feedbackNote({ title: 'Lab', lab: 'public-web' }, { ...result, student: `s1${PAYLOAD}` } as BulkResult);
    expectSafe(note);
    expect(note.split('\n').length).toBeGreaterThan(5);
  });

  it('CSV cells carry no raw control, and still defuse formulas', () => {
    expect(csvField(`x${PAYLOAD}`)).not.toMatch(RAW);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('rendered Markdown segments', () => {
    const line = toAnsi({ segments: [{ text: `x${PAYLOAD}`, style: { bold: true } }] } as never);
    expect(line.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
  });
});
