import { existsSync, readFileSync, statSync } from 'node:fs';
import { formatDiagnostic } from '../../formats/diagnostics.js';
import { simulateSubmission } from '../../formats/scenario/simulate-submission.js';
import { jsonErrorsOn, reportError } from '../errors.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';
import { out, outJson } from '../output.js';
import { simulationCsv, simulationText } from '../simulate-output.js';
import { loadForCommand, printDiagnostics, refuseInvalid, type SubmissionOptions } from '../submission.js';

interface SimulateOptions extends SubmissionOptions {
  scenario: string;
  format?: 'text' | 'json' | 'csv';
}

const MAX_SCENARIO_BYTES = 1024 * 1024;

export async function run(path: string, opts: SimulateOptions): Promise<number> {
  const file = opts.scenario;
  if (!existsSync(file)) throw new UsageError(`${file}: no such scenario file`);
  const st = statSync(file);
  if (!st.isFile()) throw new UsageError(`${file} is not a file; --scenario takes a YAML scenario file`);
  if (st.size > MAX_SCENARIO_BYTES) throw new UsageError(`${file} is over 1 MB; a scenario is a short YAML file`);
  const loaded = loadForCommand(path, opts);
  if (!loaded.ok) return refuseInvalid(loaded, path);
  const sim = simulateSubmission(loaded, readFileSync(file, 'utf8'), file);
  const errors = sim.diagnostics.filter((d) => d.severity === 'error');
  if (!sim.result || errors.length) {
    const message = `${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and simulate again`;
    if (jsonErrorsOn()) return reportError({ code: 'invalid-scenario', message, details: { diagnostics: errors.map((d) => ({ ...d, text: formatDiagnostic(d) })) } });
    printDiagnostics(errors);
    return reportError({ code: 'invalid-scenario', message });
  }
  const warnings = sim.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length && !opts.json && opts.format !== 'json') printDiagnostics(warnings);
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (format === 'json') outJson(sim.result);
  else if (format === 'csv') process.stdout.write(simulationCsv(sim.result));
  else out(simulationText(sim.result, { submission: path, scenario: file }).join('\n'));
  return EXIT_OK;
}
