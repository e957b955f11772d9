import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLesson, loadCourse } from '../../src/content/lessons.js';
import { courseFailures } from './support/course-checks.js';
import { bank, GOOD_LESSON, GOOD_QUESTION, lessonFile, tempCourse } from './support/temp-course.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'content', 'course');

describe('loadCourse on a complete course', () => {
  const course = loadCourse(FIXTURE);

  it('loads every lesson, sorted by order, with its front matter and body', () => {
    expect(course.problems).toEqual([]);
    expect(course.lessons.map((l) => [l.order, l.id, l.title])).toEqual([
      [1, 'addresses', 'Addresses'],
      [2, 'routes', 'Routes'],
    ]);
    const first = course.lessons[0];
    expect(first.objectives).toEqual(['Count the addresses in a block', 'Name the network a block with host bits set names']);
    expect(first.labs).toEqual(['address-plan']);
    expect(course.lessons[1].labs).toEqual([]);
    expect(first.markdown.startsWith('# Addresses')).toBe(true);
    expect(first.markdown).not.toContain('order: 1');
  });

  it('loads every quiz bank, keyed by lesson, with typed answers', () => {
    const questions = course.banks.get('addresses') ?? [];
    expect(questions).toHaveLength(10);
    expect(course.banks.get('routes')).toHaveLength(10);
    const byId = new Map(questions.map((q) => [q.id, q]));
    expect(byId.get('addr-usable-24')).toMatchObject({ type: 'single', answer: 2, topic: 'addresses' });
    expect(byId.get('addr-private')).toMatchObject({ type: 'multiple', answer: [0, 1, 3] });
    expect(byId.get('addr-size-20')).toMatchObject({ type: 'numeric', answer: 4096, tolerance: 0 });
    expect(byId.get('addr-ratio')).toMatchObject({ type: 'numeric', answer: 31.25, tolerance: 0.5 });
    expect(byId.get('addr-network-16')).toMatchObject({ type: 'cidr', answer: '10.0.0.0/16' });
    expect(byId.get('addr-mask-20')).toMatchObject({ type: 'address', answer: '255.255.240.0' });
  });

  it('passes the checks the real course must pass', () => {
    expect(courseFailures(FIXTURE)).toEqual([]);
  });

  it('finds a lesson by id or by number', () => {
    expect(findLesson(course, 'routes')?.order).toBe(2);
    expect(findLesson(course, '1')?.id).toBe('addresses');
    expect(findLesson(course, ' ROUTES ')?.id).toBe('routes');
    expect(findLesson(course, '3')).toBeUndefined();
    expect(findLesson(course, 'nope')).toBeUndefined();
  });
});

describe('loadCourse reports bad lessons by file, line and field', () => {
  it('names each missing field', () => {
    const dir = tempCourse({ '01-one.md': lessonFile('id: one') });
    const { problems, lessons } = loadCourse(dir);
    expect(lessons).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lessons\/01-one\.md:\d+: missing `title:`/),
        expect.stringMatching(/^lessons\/01-one\.md:\d+: missing `order:`/),
        expect.stringMatching(/^lessons\/01-one\.md:\d+: `objectives:` must be a list of at least one/),
      ]),
    );
  });

  it('gives the line of a bad field', () => {
    const dir = tempCourse({ '01-one.md': lessonFile('id: one\ntitle: One\norder: first\nobjectives: [x]') });
    expect(loadCourse(dir).problems).toEqual([
      'lessons/01-one.md:4: order "first" is not valid; order is a whole number from 0 (lesson 0 is an optional primer), the lesson\'s place in the course',
    ]);
  });

  it('accepts order 0, a primer before lesson 1, found as lesson "0"; refuses a negative order', () => {
    const dir = tempCourse({
      '00-zero.md': lessonFile('id: zero\ntitle: Zero\norder: 0\nobjectives: [x]'),
      '01-one.md': GOOD_LESSON,
    });
    const course = loadCourse(dir);
    expect(course.problems).toEqual([]);
    expect(course.lessons.map((l) => l.order)).toEqual([0, 1]);
    expect(findLesson(course, '0')?.id).toBe('zero');
    expect(findLesson(course, '00')?.id).toBe('zero');
    const negative = tempCourse({ '01-one.md': lessonFile('id: one\ntitle: One\norder: -1\nobjectives: [x]') });
    expect(loadCourse(negative).problems[0]).toContain('order -1 is not valid');
  });

  it('rejects a lab that does not exist, listing the labs', () => {
    const dir = tempCourse({ '01-one.md': lessonFile('id: one\ntitle: One\norder: 1\nobjectives: [x]\nlab: vpn') });
    const [problem] = loadCourse(dir).problems;
    expect(problem).toMatch(/^lessons\/01-one\.md:6: lab "vpn" is not a lab; choose one of address-plan, public-web, three-tier/);
  });

  it('takes a list of labs, kept in the order written', () => {
    const block = tempCourse({ '01-one.md': lessonFile('id: one\ntitle: One\norder: 1\nobjectives: [x]\nlab:\n  - zones-and-firewalls\n  - load-balanced-web') });
    const flow = tempCourse({ '01-one.md': lessonFile('id: one\ntitle: One\norder: 1\nobjectives: [x]\nlab: [peering, address-plan]') });
    for (const [dir, labs] of [[block, ['zones-and-firewalls', 'load-balanced-web']], [flow, ['peering', 'address-plan']]] as const) {
      const course = loadCourse(dir);
      expect(course.problems).toEqual([]);
      expect(course.lessons[0].labs).toEqual(labs);
    }
  });

  it('rejects a bad lab in a list on its own line, a lab listed twice and an empty list', () => {
    const dir = tempCourse({
      '01-one.md': lessonFile('id: one\ntitle: One\norder: 1\nobjectives: [x]\nlab:\n  - peering\n  - vpn\n  - peering'),
      '02-two.md': lessonFile('id: two\ntitle: Two\norder: 2\nobjectives: [x]\nlab: []'),
      '03-three.md': lessonFile('id: three\ntitle: Three\norder: 3\nobjectives: [x]\nlab: {peering: 1}'),
    });
    const course = loadCourse(dir);
    expect(course.problems).toEqual([
      expect.stringMatching(/^lessons\/01-one\.md:8: lab "vpn" is not a lab; choose one of address-plan, public-web, /),
      'lessons/01-one.md:9: lab peering is listed twice; name each lab once',
      expect.stringMatching(/^lessons\/02-two\.md:6: `lab:` is an empty list; name at least one lab \(choose one of address-plan, .*\) or leave `lab:` out$/),
      expect.stringMatching(/^lessons\/03-three\.md:6: lab \{"peering":1\} is not a lab; choose one of address-plan, .*, or a list of them$/),
    ]);
    expect(course.lessons).toEqual([]);
  });

  it('rejects unknown fields, ids that are not kebab-case, and empty objectives', () => {
    const dir = tempCourse({
      '01-One.md': lessonFile('id: One\ntitle: One\norder: 1\nobjective: [x]'),
    });
    const problems = loadCourse(dir).problems.join('\n');
    expect(problems).toContain('unknown front matter field "objective"');
    expect(problems).toContain('id "One" must be kebab-case');
    expect(problems).toContain('`objectives:` must be a list');
  });

  it('reports a file without front matter, or with front matter that never closes or does not parse', () => {
    const dir = tempCourse({
      '01-a.md': '# Just markdown\n',
      '02-b.md': '---\nid: b\ntitle: B\n',
      '03-c.md': '---\nid: [c\n---\nbody\n',
    });
    const problems = loadCourse(dir).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^lessons\/01-a\.md:1: no front matter/);
    expect(problems[1]).toMatch(/^lessons\/02-b\.md:1: the front matter is not closed/);
    expect(problems[2]).toMatch(/^lessons\/03-c\.md: front matter YAML line \d+:/);
  });

  it('reports duplicate ids and duplicate orders, naming both files', () => {
    const dir = tempCourse({
      '01-one.md': GOOD_LESSON,
      '02-one.md': lessonFile('id: one\ntitle: Again\norder: 2\nobjectives: [x]'),
      '03-three.md': lessonFile('id: three\ntitle: Three\norder: 1\nobjectives: [x]'),
    });
    const { problems, lessons } = loadCourse(dir);
    expect(lessons.map((l) => l.id)).toEqual(['one']);
    expect(problems).toContain('lessons/02-one.md: lesson id "one" is also used by lessons/01-one.md');
    expect(problems).toContain('lessons/03-three.md: order 1 is also used by lessons/01-one.md');
  });

  it('expects the file name NN-<id>.md', () => {
    const dir = tempCourse({ 'one.md': GOOD_LESSON });
    expect(loadCourse(dir).problems).toEqual(['lessons/one.md:1: the file of lesson "one" (order 1) should be named 01-one.md']);
  });

  it('reports a folder that does not exist', () => {
    const { problems, lessons } = loadCourse('/nonexistent/lessons');
    expect(lessons).toEqual([]);
    expect(problems[0]).toContain('cannot read the lessons folder (it does not exist)');
  });
});

describe('loadCourse checks banks against lessons', () => {
  it('rejects a bank for an unknown lesson, listing the lessons', () => {
    const dir = tempCourse({ '01-one.md': GOOD_LESSON, '01-one.quiz.yaml': bank(GOOD_QUESTION, 'two') });
    expect(loadCourse(dir).problems).toEqual(['lessons/01-one.quiz.yaml:1: lesson "two" is unknown; lessons are one']);
  });

  it('rejects a question id used in two banks, naming the first', () => {
    const dir = tempCourse({
      '01-one.md': GOOD_LESSON,
      '01-one.quiz.yaml': bank(GOOD_QUESTION),
      '02-two.md': lessonFile('id: two\ntitle: Two\norder: 2\nobjectives: [x]'),
      '02-two.quiz.yaml': bank(GOOD_QUESTION, 'two'),
    });
    const course = loadCourse(dir);
    expect(course.problems).toEqual([
      'lessons/02-two.quiz.yaml:3: question id "q1" is already used in lessons/01-one.quiz.yaml; ids must be unique across all banks',
    ]);
    expect(course.banks.get('one')).toHaveLength(1);
    expect(course.banks.get('two')).toHaveLength(0);
  });

  it('rejects a second bank for the same lesson and a bank named after another file', () => {
    const dir = tempCourse({
      '01-one.md': GOOD_LESSON,
      '01-one.quiz.yaml': bank(GOOD_QUESTION),
      'extra.quiz.yaml': bank(GOOD_QUESTION.replace('q1', 'q2')),
    });
    expect(loadCourse(dir).problems).toEqual([
      'lessons/extra.quiz.yaml:1: lesson "one" already has a quiz bank; put all its questions in one file',
    ]);
    const misnamed = tempCourse({ '01-one.md': GOOD_LESSON, 'one.quiz.yaml': bank(GOOD_QUESTION) });
    expect(loadCourse(misnamed).problems).toEqual(['lessons/one.quiz.yaml:1: the bank of lesson "one" should be named 01-one.quiz.yaml']);
  });
});
