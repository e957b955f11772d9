import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSubmission } from '../load-submission.js';
import { resolveStackEnd } from '../trace-ends.js';
import { ScenarioErrors, simulate, SimError, type Scenario, type SimResult } from '../../engine/sim/index.js';
import { instanceTypesOf } from '../instance-types.js';
import { parseScenario } from './parse-scenario.js';

export { instanceTypesOf } from '../instance-types.js';

export interface SubmissionSimulation {
  result?: SimResult;
  scenario?: Scenario;
  /** The scenario's mistakes, each with the file, line and column. */
  diagnostics: Diagnostic[];
}

/**
 * Reads a scenario and plays it on a loaded submission. Trace ends and targets written with
 * their stack (app/Web) are resolved first, as `trace` does. A mistake in the scenario, found
 * while reading it or by the engine against the submission, is a diagnostic at its place.
 */
export function simulateSubmission(loaded: LoadedSubmission, text: string, file: string): SubmissionSimulation {
  const parsed = parseScenario(text, file);
  if (!parsed.scenario) return { diagnostics: parsed.diagnostics };
  const diagnostics = [...parsed.diagnostics];
  const at = (code: string, message: string, path: readonly (string | number)[]): Diagnostic => {
    const loc = parsed.locate(path);
    return { severity: 'error', code, message, file, line: loc.line, column: loc.column };
  };
  const end = (text: string, path: readonly (string | number)[]): string => {
    const r = resolveStackEnd(loaded, text);
    if ('error' in r) {
      diagnostics.push(at('UnknownEnd', r.error, path));
      return text;
    }
    return r.end;
  };
  const s = parsed.scenario;
  const scenario: Scenario = {
    ...s,
    traffic: s.traffic.map((t) => ({ ...t, from: end(t.from, [...t.path, 'from']), to: end(t.to, [...t.path, 'to']) })),
    events: s.events.map((e) => (e.action === 'fail' || e.action === 'recover' ? { ...e, target: { ...e.target, name: end(e.target.name, e.path) } } : e)),
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  try {
    const result = simulate(loaded.cloud, scenario, { instanceTypes: instanceTypesOf(loaded) });
    // Ends are reported as the scenario wrote them, not as the ids a stack-qualified name resolved to.
    result.ends.forEach((e, i) => {
      e.end = s.traffic[i].to;
      e.from = s.traffic[i].from;
    });
    return { result, scenario, diagnostics };
  } catch (e) {
    if (e instanceof ScenarioErrors) return { diagnostics: [...diagnostics, ...e.errors.map((x) => at(x.code, x.message, x.path))] };
    if (e instanceof SimError) return { diagnostics: [...diagnostics, at(e.code, e.message, e.path)] };
    throw e;
  }
}
