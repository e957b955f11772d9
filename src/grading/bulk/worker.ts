import { parentPort, workerData } from 'node:worker_threads';
import { loadLab } from '../../content/labs.js';
import type { SubmissionEntry } from './entries.js';
import { entryGrader } from './grade-entry.js';

/**
 * A grading worker (see pool.ts for the protocol). It loads the lab itself, then grades the
 * entries it is sent, reading each submission from the folder.
 */
export interface GradeWorkerData {
  labId: string;
  labsDir: string;
  folder: string;
}

const port = parentPort;
if (port) {
  const data = workerData as GradeWorkerData;
  const grader = entryGrader(loadLab(data.labId, data.labsDir), data.folder);
  port.on('message', (m: { type: string; index: number; payload: SubmissionEntry }) => {
    if (m.type !== 'task') return;
    try {
      port.postMessage({ type: 'done', index: m.index, value: grader.grade(m.payload) });
    } catch (e) {
      port.postMessage({ type: 'failed', index: m.index, error: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ type: 'ready' });
}
