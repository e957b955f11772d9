import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSubmission } from '../load-submission.js';
import { resolveStackEnd } from '../trace-ends.js';
import { EndpointError } from '../../engine/reach/endpoints.js';
import { findSubnet, isSubnetEnd, placeProbes, SUBNET_END } from '../../engine/reach/probe.js';
import { ScenarioErrors, simulate, SimError, type Scenario, type ScenarioEvent, type SimResult } from '../../engine/sim/index.js';
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
 * `extraEvents` are played after the file's own (a grader failing each zone in turn).
 */
export function simulateSubmission(loaded: LoadedSubmission, text: string, file: string, extraEvents: readonly ScenarioEvent[] = []): SubmissionSimulation {
  const parsed = parseScenario(text, file);
  if (!parsed.scenario) return { diagnostics: parsed.diagnostics };
  if (extraEvents.length) parsed.scenario = { ...parsed.scenario, events: [...parsed.scenario.events, ...extraEvents].sort((a, b) => a.at - b.at) };
  const diagnostics = [...parsed.diagnostics];
  const at = (code: string, message: string, path: readonly (string | number)[]): Diagnostic => {
    const loc = parsed.locate(path);
    return { severity: 'error', code, message, file, line: loc.line, column: loc.column };
  };
  const stackEnd = (text: string, path: readonly (string | number)[]): string => {
    const r = resolveStackEnd(loaded, text);
    if ('error' in r) {
      diagnostics.push(at('UnknownEnd', r.error, path));
      return text;
    }
    return r.end;
  };
  // A subnet end (subnet:PrivateA) stands for a probe instance in that subnet, as in trace.
  const end = (text: string, path: readonly (string | number)[]): string => {
    if (!isSubnetEnd(text)) return stackEnd(text, path);
    const named = `${SUBNET_END}${stackEnd(text.trim().slice(SUBNET_END.length).trim(), path)}`;
    try {
      findSubnet(loaded.cloud, named);
    } catch (e) {
      if (!(e instanceof EndpointError)) throw e;
      diagnostics.push(at('UnknownEnd', e.message, path));
    }
    return named;
  };
  const s = parsed.scenario;
  let scenario: Scenario = {
    ...s,
    traffic: s.traffic.map((t) => ({ ...t, from: end(t.from, [...t.path, 'from']), to: end(t.to, [...t.path, 'to']), names: { from: t.from, to: t.to } })),
    events: s.events.map((e) => (e.action === 'fail' || e.action === 'recover' ? { ...e, target: { ...e.target, name: stackEnd(e.target.name, e.path) } } : e)),
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  let cloud = loaded.cloud;
  const unbilled = new Set<string>();
  if (scenario.traffic.some((t) => isSubnetEnd(t.from) || isSubnetEnd(t.to))) {
    const texts = scenario.traffic.flatMap((t) => [t.from, t.to]);
    const placed = placeProbes(loaded.cloud, texts.map((text) => ({ text })));
    cloud = placed.cloud;
    texts.forEach((t, i) => {
      if (isSubnetEnd(t)) unbilled.add(placed.ends[i]);
    });
    scenario = { ...scenario, traffic: scenario.traffic.map((t, i) => ({ ...t, from: placed.ends[2 * i], to: placed.ends[2 * i + 1] })) };
  }
  try {
    const result = simulate(cloud, scenario, { instanceTypes: instanceTypesOf(loaded), unbilled });
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
