import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writesInPlace } from '../../../src/grading/bulk/output.js';

describe('--out to a device', () => {
  it('a device such as /dev/null is written in place, never renamed over (which would replace it with a file)', () => {
    expect(writesInPlace('/dev/null')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cloudlab-out-'));
    const file = join(dir, 'grades.csv');
    expect(writesInPlace(file)).toBe(false);
    writeFileSync(file, 'x');
    expect(writesInPlace(file)).toBe(false);
  });
});
