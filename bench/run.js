/** `npm run bench`: every benchmark, each printing plain lines with the ratios it measured. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runNetworkBench } from './network.mjs';

for (const line of await runNetworkBench()) console.log(line);
const grade = join(import.meta.dirname, 'grade.mjs');
if (existsSync(grade)) {
  const mod = await import(grade);
  if (typeof mod.runGradeBench === 'function') for (const line of await mod.runGradeBench()) console.log(line);
}
