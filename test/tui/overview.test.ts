import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/content/markdown/width.js';
import { markLessonRead, recordQuizAnswer } from '../../src/content/progress.js';
import { courseOverview } from '../../src/tui/overview.js';
import { fixtureCourse, fixtureLabs, freshProgress } from './support/fixtures.js';

const NOW = new Date('2030-01-10T12:00:00Z');

describe('the plain-text overview (no terminal to draw on)', () => {
  it('lists the lessons with progress, the next step and the commands, within 80 columns', () => {
    const p = freshProgress();
    markLessonRead(p, 'addresses', NOW);
    recordQuizAnswer(p, 'tui-size-16', { correct: true, answer: '65536' }, NOW);
    const lines = courseOverview({ course: fixtureCourse(), progress: p, labs: fixtureLabs(), now: NOW, width: 80 });
    const text = lines.join('\n');
    expect(lines[0]).toBe('cloudlab: a cloud networking course in the terminal');
    expect(lines).toContain(`✓   1  ${'Addresses and blocks'.padEnd(51)} ${'1/1 (100%)'.padEnd(13)} n/a`);
    expect(text).toContain('    2  Route tables');
    expect(text).toContain('1 of 3 lessons read.');
    expect(text).toContain('Next: cloudlab lesson route-tables');
    expect(text).toContain('Labs: 1 (public-web)');
    for (const cmd of ['cloudlab lessons', 'cloudlab lesson <id>', 'cloudlab quiz', 'cloudlab labs', 'cloudlab --help']) expect(text).toContain(cmd);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });

  it('says so when there are no lessons and no labs', () => {
    const text = courseOverview({ course: { lessons: [], banks: new Map(), problems: [] }, progress: freshProgress(), labs: [], now: NOW }).join('\n');
    expect(text).toContain('There are no lessons yet.');
    expect(text).toContain('Labs: none installed yet.');
  });
});
