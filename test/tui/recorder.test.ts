import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markLessonRead } from '../../src/content/progress.js';
import { applied, fileRecorder } from '../../src/tui/recorder.js';
import { freshProgress, tempDir } from './support/fixtures.js';

describe('recording progress from the app', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CLOUDLAB_HOME;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CLOUDLAB_HOME;
    else process.env.CLOUDLAB_HOME = saved;
  });

  it('changes a copy for the session, leaving the original as it was', () => {
    const before = freshProgress();
    const after = applied(before, (p) => markLessonRead(p, 'addresses'));
    expect(Object.keys(after.lessons)).toEqual(['addresses']);
    expect(before.lessons).toEqual({});
  });

  it('saves each change to the progress file', () => {
    process.env.CLOUDLAB_HOME = tempDir();
    const r = fileRecorder(true);
    expect(r.save((p) => markLessonRead(p, 'addresses', new Date('2030-01-01T00:00:00Z')), '; not saved')).toBeUndefined();
    const file = JSON.parse(readFileSync(join(process.env.CLOUDLAB_HOME, 'progress.json'), 'utf8'));
    expect(file.lessons.addresses.firstRead).toBe('2030-01-01T00:00:00.000Z');
  });

  it('warns once when saving fails, then goes on without saving', () => {
    const home = tempDir();
    writeFileSync(join(home, 'file'), 'x');
    process.env.CLOUDLAB_HOME = join(home, 'file');
    const r = fileRecorder(true);
    const warning = r.save((p) => markLessonRead(p, 'addresses'), '; lessons are not marked read this session');
    expect(warning).toMatch(/^cannot (read|save) your progress .*: a part of the path is a file, not a folder; lessons are not marked read this session$/);
    expect(r.save((p) => markLessonRead(p, 'route-tables'), '; x')).toBeUndefined();
  });

  it('does not save when the progress file could not be read', () => {
    process.env.CLOUDLAB_HOME = tempDir();
    const r = fileRecorder(false);
    expect(r.save((p) => markLessonRead(p, 'addresses'), '; x')).toBeUndefined();
    expect(() => readFileSync(join(process.env.CLOUDLAB_HOME!, 'progress.json'))).toThrow();
  });
});
