import { readFileSync } from 'node:fs';
import { CheckArgumentError, type DrillRequest, type DrillRun } from '../../graders/index.js';
import { fillScenario, scenarioPath } from '../content/lab-drills.js';
import type { Lab } from '../content/labs.js';
import type { SimResult } from '../engine/sim/index.js';
import { formatDiagnostic } from '../formats/diagnostics.js';
import type { LoadedSubmission } from '../formats/load-submission.js';
import { parseScenario } from '../formats/scenario/parse-scenario.js';
import { simulateSubmission } from '../formats/scenario/simulate-submission.js';

/** One drill as played, for a report that draws it. */
export interface PlayedDrill {
  /** The scenario file as the lab names it, and the zone failed on top of it. */
  scenario: string;
  failZone?: { zone: string; at: number };
  result: SimResult;
}

/**
 * Plays a lab's scenarios on one submission for its checks: each file is read and filled with
 * the student's values once, and each (file, zone) is played once, however many checks ask.
 * A scenario that does not read is the lab author's mistake (CheckArgumentError, with the file
 * and line); one the submission cannot play (an end it lacks) is the student's, and the check
 * fails saying so.
 */
export function drillRunner(lab: Pick<Lab, 'dir' | 'id'>, loaded: LoadedSubmission, params: Record<string, string | number>): { drill: (req: DrillRequest) => DrillRun; played: () => PlayedDrill[] } {
  const texts = new Map<string, string>();
  const runs = new Map<string, DrillRun & { req: DrillRequest }>();
  const textOf = (scenario: string): string => {
    let text = texts.get(scenario);
    if (text !== undefined) return text;
    const file = scenarioPath(lab, scenario);
    if (!file) throw new CheckArgumentError(`lab ${lab.id}: scenario "${scenario}" must be a path inside the lab folder`);
    try {
      text = fillScenario(readFileSync(file, 'utf8'), params);
    } catch (e) {
      throw new CheckArgumentError(`lab ${lab.id}: cannot read the scenario ${file}: ${(e as Error).message}`);
    }
    const errors = parseScenario(text, file).diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new CheckArgumentError(`lab ${lab.id}: ${formatDiagnostic(errors[0])}`);
    texts.set(scenario, text);
    return text;
  };
  const drill = (req: DrillRequest): DrillRun => {
    const key = `${req.scenario}\u0000${req.failZone ? `${req.failZone.zone}@${req.failZone.at}` : ''}`;
    const done = runs.get(key);
    if (done) return done;
    const text = textOf(req.scenario);
    const extra = req.failZone ? [{ at: req.failZone.at, action: 'fail' as const, target: { kind: 'az' as const, name: req.failZone.zone }, path: ['events'] }] : [];
    const sim = simulateSubmission(loaded, text, req.scenario, extra);
    const errors = sim.diagnostics.filter((d) => d.severity === 'error');
    const run: DrillRun = sim.result && errors.length === 0 ? { file: req.scenario, result: sim.result } : { file: req.scenario, problem: errors.map((d) => formatDiagnostic(d)).slice(0, 3).join('; ') || 'it did not play' };
    runs.set(key, { ...run, req });
    return run;
  };
  const played = (): PlayedDrill[] =>
    [...runs.values()].flatMap((r) => ('result' in r ? [{ scenario: r.req.scenario, ...(r.req.failZone ? { failZone: r.req.failZone } : {}), result: r.result }] : []));
  return { drill, played };
}
