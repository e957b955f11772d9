import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchSubmission } from '../../src/grading/watch.js';

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!test() && Date.now() < end) await wait(20);
}

describe('watching a submission', () => {
  it('one call per save, after a save in place and after a save by rename; none for other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloudlab-watch-'));
    const file = join(dir, 'template.yaml');
    writeFileSync(file, 'a: 1\n');
    let calls = 0;
    const w = watchSubmission(file, () => calls++, 50);
    try {
      writeFileSync(file, 'a: 2\n');
      writeFileSync(file, 'a: 22\n');
      await until(() => calls === 1);
      await wait(200);
      expect(calls).toBe(1);
      writeFileSync(join(dir, 'other.txt'), 'x');
      await wait(200);
      expect(calls).toBe(1);
      writeFileSync(`${file}.swp`, 'a: 3\n');
      renameSync(`${file}.swp`, file);
      await until(() => calls === 2);
      expect(calls).toBe(2);
    } finally {
      w.close();
    }
    writeFileSync(file, 'a: 4\n');
    await wait(200);
    expect(calls).toBe(2);
  });

  it('a folder of templates: a save of any of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloudlab-watch-'));
    writeFileSync(join(dir, 'us-east-1.yaml'), 'a: 1\n');
    let calls = 0;
    const w = watchSubmission(dir, () => calls++, 50);
    try {
      writeFileSync(join(dir, 'eu-west-1.yaml'), 'a: 1\n');
      await until(() => calls === 1);
      expect(calls).toBe(1);
    } finally {
      w.close();
    }
  });
});
