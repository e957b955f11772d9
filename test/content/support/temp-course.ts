import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A lessons folder in a fresh temp dir, made of the given files. */
export function tempCourse(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cloudlab-course-')), 'lessons');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function lessonFile(fields: string, body = '# Title\n\n## Common mistakes\n\n## Summary\n'): string {
  return `---\n${fields}\n---\n\n${body}`;
}

export const GOOD_LESSON = lessonFile('id: one\ntitle: One\norder: 1\nobjectives: [Do one thing]');

/** A bank for lesson "one" with the given questions (YAML list items, already indented). */
export function bank(questions: string, lesson = 'one'): string {
  return `lesson: ${lesson}\nquestions:\n${questions}`;
}

export const GOOD_QUESTION = `  - id: q1
    type: numeric
    prompt: How many?
    answer: 4
    explanation: Because.
`;
