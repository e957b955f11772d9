import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GradeResult } from '../../src/grading/result.js';
import { LabScreen } from '../../src/tui/screens/lab-screen.js';
import { fixtureLabs, HEIGHT, tempDir, WIDTH } from './support/fixtures.js';
import { eventually, frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith, SCREEN_READER } from './support/render.js';

const lab = fixtureLabs()[0];

interface Spies {
  onGraded: (r: GradeResult) => void;
  onBack: () => void;
  onHelp: () => void;
}

/** The lab screen with the state the app keeps for it: the student id and the status line. */
function Harness({ cwd, spies, student: initial = null }: { cwd: string; spies: Spies; student?: string | null }) {
  const [student, setStudent] = useState<string | null>(initial);
  const [status, setStatus] = useState('');
  return (
    <LabScreen
      lab={lab}
      student={student}
      cwd={cwd}
      width={WIDTH}
      height={HEIGHT}
      status={status}
      say={setStatus}
      onStudent={setStudent}
      onGraded={spies.onGraded}
      onBack={spies.onBack}
      onHelp={spies.onHelp}
    />
  );
}

const spies = (): Spies => ({ onGraded: vi.fn(), onBack: vi.fn(), onHelp: vi.fn() });

afterEach(cleanup);

describe('the lab screen', () => {
  it('asks for a student id first, then shows the brief with that student’s values', async () => {
    const { stdin, lastFrame } = renderWith(<Harness cwd={tempDir()} spies={spies()} />);
    let text = textOf(lastFrame());
    expect(linesOf(lastFrame())[0]).toMatch(/^Lab 1 · A public web server +student id$/);
    expect(text).toContain('Your student id picks your own values for this lab');
    expect(text).toContain('Student id › █');
    expect(linesOf(lastFrame()).pop()).toBe('Enter confirm  Ctrl-U clear  Esc cancel');
    await press(stdin, 's42', KEY.enter);
    text = textOf(lastFrame());
    expect(text).toContain('Student: s42 · Template: ./public-web/template.yaml');
    expect(text).toMatch(/Student\s+│\s+s42/);
    expect(text).toContain('Student id s42: the brief shows your own values.');
    expect(text).toMatch(/VPC range\s+│\s+10\.\d\.0\.0\/16/);
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
  });

  it('uses the default values when the id is left empty, and goes back on Esc', async () => {
    const { stdin, lastFrame } = renderWith(<Harness cwd={tempDir()} spies={spies()} />);
    await press(stdin, KEY.enter);
    expect(textOf(lastFrame())).toContain('Student: none (default values)');
    expect(textOf(lastFrame())).toMatch(/VPC range\s+│\s+10\.0\.0\.0\/16/);
    const s = spies();
    await press(renderWith(<Harness cwd={tempDir()} spies={s} />).stdin, KEY.escape);
    expect(s.onBack).toHaveBeenCalledTimes(1);
  });

  it('writes the starter into ./<lab-id>, and never over an existing file', async () => {
    const cwd = tempDir();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={spies()} student="s1" />);
    await press(stdin, 'w');
    expect(textOf(lastFrame())).toContain('Write the starter into › ./public-web█');
    await press(stdin, KEY.enter);
    expect(textOf(lastFrame())).toContain('Wrote public-web/template.yaml and public-web/BRIEF.md.');
    expect(readFileSync(join(cwd, 'public-web/template.yaml'), 'utf8')).toContain('public-web lab (s1)');
    await press(stdin, 'w', KEY.enter);
    expect(textOf(lastFrame())).toContain('public-web/template.yaml exists; your work is not overwritten.');
    await press(stdin, 'w', KEY.ctrlU, 'other', KEY.enter);
    expect(existsSync(join(cwd, 'other/template.yaml'))).toBe(true);
    expect(textOf(lastFrame())).toContain('Template: other/template.yaml');
  });

  it('checks the template: each check ✓ or ✗ with message, hint and the failing hop; the result is reported', async () => {
    const cwd = tempDir();
    const s = spies();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={s} student="s1" />);
    await press(stdin, 'w', KEY.enter, 'c');
    await eventually(() => expect(textOf(lastFrame())).toContain('Score 1/4: 1 check to fix.'));
    const text = textOf(lastFrame());
    expect(linesOf(lastFrame())[0]).toMatch(/check · 1\/4$/);
    expect(text).toContain('✓ 1/1  Exactly one VPC');
    expect(text).toContain('✗ 0/3  The internet reaches the web server on port 80');
    expect(text).toContain('Visitors cannot reach the web server on port 80.');
    expect(text).toMatch(/Stops at: route table Vpc\.MainRouteTable/);
    expect(text).toContain("Hint: A public subnet's route table sends 0.0.0.0/0 to the internet");
    expect(s.onGraded).toHaveBeenCalledWith(expect.objectContaining({ status: 'graded', score: 1, max: 4, student: 's1' }));
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
    await press(stdin, 'q');
    expect(linesOf(lastFrame())[0]).toMatch(/brief · \d+%$/);
    await press(stdin, 'q');
    expect(s.onBack).toHaveBeenCalledTimes(1);
  });

  it('checks the template it wrote again each time it is saved, also when the editor saves by rename', async () => {
    const cwd = tempDir();
    const s = spies();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={s} student="s1" />);
    await press(stdin, 'w', KEY.enter);
    expect(textOf(lastFrame())).toContain('Wrote public-web/template.yaml');
    const file = join(cwd, 'public-web/template.yaml');
    const starter = readFileSync(file, 'utf8');
    writeFileSync(file, 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n     Properties: {}\n');
    await eventually(() => expect(textOf(lastFrame())).toContain('Saved, checked again. Not graded'), 10_000);
    expect(s.onGraded).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'invalid' }));
    // As vim and many editors save: write a new file, then rename it over the old one.
    writeFileSync(`${file}.tmp`, starter);
    renameSync(`${file}.tmp`, file);
    await eventually(() => expect(textOf(lastFrame())).toMatch(/Saved, checked again\. Score \d+\/4/), 10_000);
    expect(s.onGraded).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'graded', max: 4 }));
  });

  it('says so when the template is missing, and the path can be changed with e', async () => {
    const cwd = tempDir();
    const s = spies();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={s} student="" />);
    await press(stdin, 'c');
    await eventually(() => expect(textOf(lastFrame())).toContain('public-web/template.yaml: no such file. Press w to write the starter'));
    expect(s.onGraded).not.toHaveBeenCalled();
    await press(stdin, 'e');
    expect(textOf(lastFrame())).toContain('Template to check › ./public-web/template.yaml█');
    await press(stdin, KEY.ctrlU, 'mine.yaml', KEY.enter);
    expect(textOf(lastFrame())).toContain('Template: mine.yaml');
    expect(textOf(lastFrame())).toContain('Checks and the diagram now use mine.yaml.');
  });

  it('draws the diagram of the template with d; q returns to the brief', async () => {
    const cwd = tempDir();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={spies()} student="" />);
    await press(stdin, 'w', KEY.enter, 'd');
    const text = textOf(lastFrame());
    expect(linesOf(lastFrame())[0]).toMatch(/diagram · all$/);
    expect(text).toContain('Region us-east-1');
    expect(text).toContain('└─ VPC Vpc  10.0.0.0/16');
    expect(text).toContain('Diagram of public-web/template.yaml.');
    await press(stdin, KEY.escape);
    expect(linesOf(lastFrame())[0]).toMatch(/brief · /);
  });

  it('changes the student id with i, and opens help with ?', async () => {
    const s = spies();
    const { stdin, lastFrame } = renderWith(<Harness cwd={tempDir()} spies={s} student="s1" />);
    await press(stdin, 'i');
    expect(textOf(lastFrame())).toContain('Student id › s1█');
    await press(stdin, KEY.backspace, '2', KEY.enter, '?');
    expect(textOf(lastFrame())).toContain('Student: s2');
    expect(s.onHelp).toHaveBeenCalledTimes(1);
  });

  it('for screen readers: a long template path and wide brief lines are wrapped, never cut with "…"', async () => {
    const cwd = tempDir();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={spies()} student="s1" />, SCREEN_READER);
    await press(stdin, 'e', KEY.ctrlU, 'a/very/long/folder/name/that/goes/on/and/on/for/ever/template.yaml', KEY.enter);
    const text = textOf(lastFrame());
    expect(text).not.toContain('…');
    expect(text.replace(/\n/g, '')).toMatch(/Template: ?a\/very\/long\/folder\/name\/that\/goes\/on\/and\/on\/for\/ever\/template\.yaml/);
  });

  it('for screen readers: no tree lines in the diagram, no rules', async () => {
    const cwd = tempDir();
    const { stdin, lastFrame } = renderWith(<Harness cwd={cwd} spies={spies()} student="" />, SCREEN_READER);
    await press(stdin, 'w', KEY.enter, 'd');
    const text = textOf(lastFrame());
    expect(text).toContain(' - VPC Vpc  10.0.0.0/16');
    expect(text).not.toMatch(/[─│├└]/);
  });
});
