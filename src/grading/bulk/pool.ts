import { Worker } from 'node:worker_threads';

/**
 * Runs tasks on worker threads, at most `jobs` at a time. A worker that crashes, or takes
 * longer than the time limit on one task, costs only that task: it is recorded as failed with
 * the reason, the worker is replaced and the other tasks carry on. Outcomes come back in the
 * order of the tasks, whichever worker finished first.
 *
 * The worker script speaks a small protocol: it posts {type: 'ready'} once it can work,
 * receives {type: 'task', index, payload}, and answers {type: 'done', index, value} (value a
 * string) or {type: 'failed', index, error}.
 */
export type TaskOutcome = { ok: true; value: string } | { ok: false; error: string };

export interface PoolOptions {
  jobs: number;
  workerUrl: URL;
  workerData?: unknown;
  /** Time limit for one task, in milliseconds. */
  timeoutMs: number;
  /** Heap limit of each worker, in MB: a submission that eats memory stops only its worker. */
  maxHeapMb?: number;
  onSettled?: (index: number) => void;
}

export class WorkerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerStartError';
  }
}

type Message = { type: 'ready' } | { type: 'done'; index: number; value: string } | { type: 'failed'; index: number; error: string };

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: number;
  timer?: NodeJS.Timeout;
  /** Set once the slot's task is settled by a crash or the time limit. */
  gone: boolean;
  lastError?: string;
}

export function runPool(payloads: readonly unknown[], opts: PoolOptions): Promise<TaskOutcome[]> {
  const outcomes: (TaskOutcome | undefined)[] = new Array(payloads.length);
  let next = 0;
  let settled = 0;
  const slots = new Set<Slot>();
  const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

  return new Promise<TaskOutcome[]>((resolve, reject) => {
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const s of slots) {
        clearTimeout(s.timer);
        void s.worker.terminate();
      }
      slots.clear();
      if (error) reject(error);
      else resolve(outcomes as TaskOutcome[]);
    };

    const settle = (index: number, outcome: TaskOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      settled++;
      opts.onSettled?.(index);
      if (settled === payloads.length) finish();
    };

    const dispatch = (slot: Slot) => {
      if (finished) return;
      if (next >= payloads.length) {
        slots.delete(slot);
        void slot.worker.terminate();
        return;
      }
      const index = next++;
      slot.task = index;
      slot.timer = setTimeout(() => {
        slot.gone = true;
        settle(index, { ok: false, error: `grading took longer than ${seconds(opts.timeoutMs)}, so it was stopped` });
        void slot.worker.terminate();
      }, opts.timeoutMs);
      slot.worker.postMessage({ type: 'task', index, payload: payloads[index] });
    };

    const spawn = () => {
      const worker = new Worker(opts.workerUrl, {
        workerData: opts.workerData,
        resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 512 },
        // Nothing a worker prints may reach standard output, which may be carrying the CSV.
        stdout: true,
      });
      worker.stdout.resume();
      const slot: Slot = { worker, ready: false, gone: false };
      slots.add(slot);
      worker.on('message', (m: Message) => {
        if (finished || slot.gone) return;
        if (m.type === 'ready') {
          slot.ready = true;
          dispatch(slot);
          return;
        }
        if (m.index !== slot.task) return;
        clearTimeout(slot.timer);
        slot.task = undefined;
        settle(m.index, m.type === 'done' ? { ok: true, value: m.value } : { ok: false, error: m.error });
        dispatch(slot);
      });
      worker.on('error', (e) => {
        slot.lastError = e instanceof Error ? e.message : String(e);
      });
      worker.on('exit', (code) => {
        clearTimeout(slot.timer);
        const wasListed = slots.delete(slot);
        if (finished || !wasListed) return;
        if (!slot.ready) {
          finish(new WorkerStartError(`a grading worker could not start: ${slot.lastError ?? `it stopped with exit code ${code}`}`));
          return;
        }
        if (slot.task !== undefined && !slot.gone) {
          const why = slot.lastError ?? `it stopped with exit code ${code}`;
          settle(slot.task, { ok: false, error: `the grader crashed on this submission: ${why}` });
        }
        if (finished) return;
        // Replace the worker while tasks remain that no live worker will take.
        if (next < payloads.length && slots.size < opts.jobs) spawn();
      });
    };

    if (payloads.length === 0) {
      finish();
      return;
    }
    const n = Math.max(1, Math.min(opts.jobs, payloads.length));
    for (let i = 0; i < n; i++) spawn();
  });
}
