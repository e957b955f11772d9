import { existsSync, readFileSync, statSync } from 'node:fs';
import { drillFiles, fillScenario, scenarioPath } from '../content/lab-drills.js';
import { studentParameters, type Lab } from '../content/labs.js';
import { line, seg, type RenderedLine } from '../content/markdown/index.js';
import { formatDiagnostic } from '../formats/diagnostics.js';
import { loadSubmissionPath } from '../formats/load-submission.js';
import { printable } from '../formats/safe-text.js';
import { simulateSubmission } from '../formats/scenario/simulate-submission.js';
import { simulationText } from '../cli/simulate-output.js';
import { resolvePath, shownPath } from './lab-actions.js';
import { wrapText } from './text.js';

/**
 * What the simulation screen does: play a scenario file on a template, as `cloudlab simulate`
 * does, and give the report as lines (measures, charts with the events marked, timeline). A
 * lab's drills are played with the student's values filled in, as `check` plays them.
 */

/** A scenario to play: a file typed by the learner, or one of a lab's drills. */
export interface ScenarioChoice {
  /** As shown: "drills/zone-failure.yaml" or the typed path. */
  readonly name: string;
  /** The file on disk. */
  readonly file: string;
  /** Filled into `${param}`, for a lab's drill. */
  readonly params?: Record<string, string | number>;
  /** The checks that play it, for a lab's drill. */
  readonly checks?: readonly string[];
}

/** A lab's scenario files, each once, with the checks that play it. */
export function labDrills(lab: Lab, student: string | undefined): ScenarioChoice[] {
  const params = studentParameters(lab, student);
  const out = new Map<string, { name: string; file: string; params: Record<string, string | number>; checks: string[] }>();
  for (const d of drillFiles(lab)) {
    const file = scenarioPath(lab, d.scenario);
    if (!file) continue;
    const title = lab.checks.find((c) => c.id === d.check)?.title ?? d.check;
    const seen = out.get(file);
    if (seen) seen.checks.push(title);
    else out.set(file, { name: d.scenario, file, params, checks: [title] });
  }
  return [...out.values()];
}

export interface Played {
  readonly ok: boolean;
  readonly lines: RenderedLine[];
  readonly message: string;
}

const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Plays the scenario on the template (a file or a folder of <region>.yaml) in the region given. */
export function playScenario(template: string, scenario: ScenarioChoice, cwd: string, width: number, region?: string): Played {
  const abs = resolvePath(template, cwd);
  const shown = shownPath(abs, cwd);
  const fail = (message: string, lines: RenderedLine[] = []): Played => ({ ok: false, lines, message });
  if (template.trim() === '' || !existsSync(abs)) return fail(`${shown || '(no path)'}: no such file. Press e to give the path of your template.`);
  if (!existsSync(scenario.file)) return fail(`${scenario.name}: no such scenario file. Press f to give the path of a scenario.`);
  const st = statSync(scenario.file);
  if (!st.isFile()) return fail(`${scenario.name} is not a file; a scenario is a YAML file.`);
  if (st.size > MAX_SCENARIO_BYTES) return fail(`${scenario.name} is over 1 MB; a scenario is a short YAML file.`);
  const loaded = loadSubmissionPath(abs, { region });
  const errorLines = (title: string, list: readonly { file?: string }[]): RenderedLine[] => [
    line([seg(title, { bold: true })]),
    line([]),
    ...list.flatMap((d) => wrapText(`✗ ${formatDiagnostic({ ...(d as Parameters<typeof formatDiagnostic>[0]), file: d.file ? shownPath(d.file, cwd) : d.file })}`, width)),
  ];
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').slice(0, 20);
    return fail(`${errors.length} error${errors.length === 1 ? '' : 's'} in ${shown}.`, errorLines(`${shown} does not load, so nothing can be played on it:`, errors));
  }
  const raw = readFileSync(scenario.file, 'utf8');
  const text = scenario.params ? fillScenario(raw, scenario.params) : raw;
  const sim = simulateSubmission(loaded, text, scenario.name);
  const errors = sim.diagnostics.filter((d) => d.severity === 'error');
  if (!sim.result || errors.length) return fail(`${errors.length} error${errors.length === 1 ? '' : 's'} in ${scenario.name}.`, errorLines(`${scenario.name} cannot be played on ${shown}:`, errors.slice(0, 20)));
  const head = scenario.checks?.length ? wrapText(`Drill of the lab, for: ${scenario.checks.join('; ')}`, width, { dim: true }) : [];
  const body = simulationText(sim.result, { submission: shown, scenario: scenario.name }, width).map((t) => styled(printable(t)));
  const r = sim.result.requests;
  return { ok: true, lines: [...head, ...body], message: `Played ${scenario.name} on ${shown}: ${r.dropped.toLocaleString('en-US')} of ${r.sent.toLocaleString('en-US')} requests dropped.` };
}

/** Section titles bold, as in a report. */
function styled(text: string): RenderedLine {
  if (/^(Requests|Cost|Timeline|Instances in service)( |$)/.test(text) && !text.startsWith('Requests a second')) {
    const m = /^(\S+(?: in service)?)(.*)$/.exec(text)!;
    return line([seg(m[1], { bold: true }), seg(m[2])]);
  }
  return line([seg(text)]);
}
