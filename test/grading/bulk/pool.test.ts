import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPool, WorkerStartError } from '../../../src/grading/bulk/pool.js';
import { FIXTURES } from './support/fixture.js';

const workerUrl = pathToFileURL(join(FIXTURES, 'pool-worker.mjs'));

describe('runPool', () => {
  it('returns the outcomes in the order of the tasks, whichever finishes first', async () => {
    const payloads = [{ delay: 120, value: 'a' }, { delay: 0, value: 'b' }, { delay: 60, value: 'c' }, 'd'];
    const settled: number[] = [];
    const out = await runPool(payloads, { jobs: 3, workerUrl, timeoutMs: 10_000, onSettled: (i) => settled.push(i) });
    expect(out).toEqual([
      { ok: true, value: 'done a' },
      { ok: true, value: 'done b' },
      { ok: true, value: 'done c' },
      { ok: true, value: 'done d' },
    ]);
    expect([...settled].sort()).toEqual([0, 1, 2, 3]);
  });

  it('survives a crashing worker, a hanging one and a thrown error, and carries on', async () => {
    const payloads = ['one', 'crash', 'two', 'hang', 'throw', 'fail', 'three'];
    const out = await runPool(payloads, { jobs: 2, workerUrl, timeoutMs: 400 });
    expect(out[0]).toEqual({ ok: true, value: 'done one' });
    expect(out[1]).toEqual({ ok: false, error: 'the grader crashed on this submission: it stopped with exit code 3' });
    expect(out[2]).toEqual({ ok: true, value: 'done two' });
    expect(out[3]).toEqual({ ok: false, error: 'grading took longer than 400 ms, so it was stopped' });
    expect(out[4]).toEqual({ ok: false, error: 'the grader crashed on this submission: boom in a callback' });
    expect(out[5]).toEqual({ ok: false, error: 'could not grade' });
    expect(out[6]).toEqual({ ok: true, value: 'done three' });
  });

  it('keeps going when every worker dies, one after the other', async () => {
    const out = await runPool(['crash', 'crash', 'crash', 'ok'], { jobs: 1, workerUrl, timeoutMs: 5_000 });
    expect(out.map((o) => o.ok)).toEqual([false, false, false, true]);
  });

  it('refuses to run when a worker cannot even start', async () => {
    await expect(runPool(['a'], { jobs: 2, workerUrl, workerData: { failToStart: true }, timeoutMs: 5_000 })).rejects.toThrow(WorkerStartError);
    await expect(runPool(['a'], { jobs: 1, workerUrl, workerData: { failToStart: true }, timeoutMs: 5_000 })).rejects.toThrow(
      'a grading worker could not start: cannot load the lab',
    );
  });

  it('has nothing to do for no tasks', async () => {
    expect(await runPool([], { jobs: 4, workerUrl, timeoutMs: 1_000 })).toEqual([]);
  });
});
