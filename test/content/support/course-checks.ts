import { LAB_IDS } from '../../../src/content/lab-ids.js';
import { loadCourse } from '../../../src/content/lessons.js';
import { checkAnswer } from '../../../src/content/quiz/check.js';
import { choiceLetter, type Question } from '../../../src/content/quiz/types.js';

/**
 * What a course folder must satisfy before it ships; returns every failure as a sentence,
 * so a test can compare with [] and show all of them at once.
 */
export function courseFailures(dir: string): string[] {
  const course = loadCourse(dir);
  const failures = [...course.problems];
  if (course.lessons.length === 0) failures.push(`${dir}: no lessons`);
  for (const lesson of course.lessons) {
    const bank = course.banks.get(lesson.id) ?? [];
    if (bank.length < 10) failures.push(`${lesson.id}: quiz bank has ${bank.length} questions, at least 10 needed`);
    for (const q of bank) {
      if (q.answer === undefined || q.answer === null) failures.push(`${q.id}: no answer`);
      if (!q.explanation) failures.push(`${q.id}: no explanation`);
      if (!checkAnswer(q, typedAnswer(q)).correct) failures.push(`${q.id}: its own answer "${typedAnswer(q)}" is not accepted`);
    }
    for (const lab of lesson.labs) {
      if (!(LAB_IDS as readonly string[]).includes(lab)) failures.push(`${lesson.id}: lab ${lab} is not one of ${LAB_IDS.join(', ')}`);
    }
    for (const heading of ['Common mistakes', 'Summary']) {
      if (!new RegExp(`^## ${heading}\\s*$`, 'm').test(lesson.markdown)) failures.push(`${lesson.id}: no "## ${heading}" section`);
    }
  }
  return failures;
}

/** The right answer as a learner would type it. */
function typedAnswer(q: Question): string {
  if (q.type === 'single') return choiceLetter(q.answer);
  if (q.type === 'multiple') return q.answer.map(choiceLetter).join(', ');
  return String(q.answer);
}
