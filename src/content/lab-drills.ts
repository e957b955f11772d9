import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { parseScenario } from '../formats/scenario/parse-scenario.js';
import { formatDiagnostic } from '../formats/diagnostics.js';
import { LabError, studentParameters, type Lab } from './labs.js';

/**
 * The scenario files a lab's drill checks name (`scenario: drills/zone-failure.yaml`, relative
 * to the lab folder). A scenario's text gets `${param}` replaced by the student's values
 * before it is read, as a check's arguments do, so a drill can send each student's own peak.
 */

/** The checks that play a scenario, with the file each names. */
export function drillFiles(lab: Pick<Lab, 'checks'>): { check: string; scenario: string }[] {
  return lab.checks.filter((c) => typeof c.args.scenario === 'string').map((c) => ({ check: c.id, scenario: (c.args.scenario as string).trim() }));
}

/** The lab folder's file for a scenario path, or undefined when the path leaves the folder. */
export function scenarioPath(lab: Pick<Lab, 'dir'>, scenario: string): string | undefined {
  const rel = normalize(scenario);
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return undefined;
  return join(lab.dir, rel);
}

/** `${name}` replaced by the value of the parameter; other text left as written. */
export function fillScenario(text: string, params: Record<string, string | number>): string {
  return text.replace(/\$\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A lab author's mistakes in its drills, found when the lab is loaded: a missing file, a path
 * out of the lab folder, a `${name}` that is not a parameter, a scenario that does not read
 * (with its file, line and column). Played with the lab's default values.
 */
export function checkDrills(lab: Lab): void {
  const read = new Map<string, string>();
  for (const { check, scenario } of drillFiles(lab)) {
    const at = `${join(lab.dir, 'lab.yaml')}: check ${check}`;
    const file = scenarioPath(lab, scenario);
    if (!file) throw new LabError(`${at}: scenario "${scenario}" must be a path inside the lab folder, such as drills/zone-failure.yaml`);
    if (read.has(file)) continue;
    if (!existsSync(file)) throw new LabError(`${at}: scenario ${scenario} does not exist (looked for ${file})`);
    const text = readFileSync(file, 'utf8');
    read.set(file, text);
    for (const ref of text.matchAll(/\$\{(\w+)\}/g)) {
      if (!lab.parameters.some((p) => p.name === ref[1])) {
        const line = text.slice(0, ref.index).split('\n').length;
        throw new LabError(`${file}:${line}: \${${ref[1]}} is not a parameter of the lab${lab.parameters.length ? `; its parameters: ${lab.parameters.map((p) => p.name).join(', ')}` : ' (it has none)'}`);
      }
    }
    const parsed = parseScenario(fillScenario(text, studentParameters(lab)), file);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new LabError(`${formatDiagnostic(errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''} (the scenario of check ${check})`);
  }
}
