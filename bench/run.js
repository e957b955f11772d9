/** `npm run bench`: every benchmark, each printing plain lines with what it measured. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runHostileBench } from './hostile-networks.mjs';
import { runNetworkBench } from './network.mjs';
import { runServicesBench } from './services.mjs';
import { runSimulateBench } from './simulate.mjs';
import { runStartBench } from './start.mjs';

for (const line of await runNetworkBench()) console.log(line);
for (const line of await runHostileBench()) console.log(line);
for (const line of await runServicesBench()) console.log(line);
for (const line of runStartBench()) console.log(line);
for (const line of await runSimulateBench()) console.log(line);
const grade = spawnSync(process.execPath, [join(import.meta.dirname, 'grade.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(grade.stdout.split('\n').filter(Boolean).map((l) => `grade: ${l}\n`).join(''));
if (grade.status !== 0) process.exitCode = 1;
const drills = spawnSync(process.execPath, [join(import.meta.dirname, 'drill-grade.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(drills.stdout);
if (drills.status !== 0) process.exitCode = 1;
const standby = spawnSync(process.execPath, [join(import.meta.dirname, 'warm-standby-grade.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(standby.stdout);
if (standby.status !== 0) process.exitCode = 1;
