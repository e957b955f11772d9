import { formatDiagnostic } from '../../formats/diagnostics.js';
import { EXIT_INVALID, EXIT_OK } from '../exit-codes.js';
import { out, outJson, paintMarks } from '../output.js';
import { loadForCommand, printDiagnostics, type SubmissionOptions } from '../submission.js';

export async function run(path: string, opts: SubmissionOptions): Promise<number> {
  const loaded = loadForCommand(path, opts);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (opts.json) {
    outJson({
      valid: loaded.ok,
      errors: errors.length,
      warnings: warnings.length,
      regions: loaded.regions,
      resources: loaded.resourceCount,
      diagnostics: loaded.diagnostics.map((d) => ({ ...d, text: formatDiagnostic(d) })),
    });
    return loaded.ok ? EXIT_OK : EXIT_INVALID;
  }
  printDiagnostics(loaded.diagnostics, out);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (loaded.ok) {
    out(paintMarks(`✓ ${path} is valid: ${plural(loaded.resourceCount, 'resource')} in ${loaded.regions.join(', ')}${warnings.length ? ` (${plural(warnings.length, 'warning')})` : ''}`));
    return EXIT_OK;
  }
  out(paintMarks(`✗ ${path}: ${plural(errors.length, 'error')}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}`));
  return EXIT_INVALID;
}
