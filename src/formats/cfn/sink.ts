import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Loc } from './model.js';

/** At most this many diagnostics are kept; the rest are counted in one closing line. */
export const MAX_DIAGNOSTICS = 50;

export interface Report {
  code: string;
  message: string;
  loc?: Loc;
  logicalId?: string;
  path?: readonly (string | number)[] | string;
}

/** "Properties.SecurityGroupIngress[0].CidrIp" from ['SecurityGroupIngress', 0, 'CidrIp']. */
export function formatPath(path: readonly (string | number)[], prefix = 'Properties'): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * Collects the diagnostics of one file, in the order found, stopping at MAX_DIAGNOSTICS so a
 * badly broken submission gives a readable list rather than a thousand lines.
 */
export class DiagnosticSink {
  private readonly kept: Diagnostic[] = [];
  private droppedErrors = 0;
  private droppedWarnings = 0;
  private errorCount = 0;

  constructor(readonly file: string) {}

  error(r: Report): void {
    this.add('error', r);
  }

  warning(r: Report): void {
    this.add('warning', r);
  }

  add(severity: Severity, r: Report): void {
    if (severity === 'error') this.errorCount++;
    if (this.kept.length >= MAX_DIAGNOSTICS) {
      if (severity === 'error') this.droppedErrors++;
      else this.droppedWarnings++;
      return;
    }
    const path = r.path === undefined ? undefined : typeof r.path === 'string' ? r.path : formatPath(r.path);
    this.kept.push({
      severity,
      code: r.code,
      message: r.message,
      file: this.file,
      ...(r.loc ? { line: r.loc.line, column: r.loc.column } : {}),
      ...(r.logicalId ? { logicalId: r.logicalId } : {}),
      ...(path ? { path } : {}),
    });
  }

  /** Adds diagnostics found elsewhere (another pass over the same file). */
  addAll(list: readonly Diagnostic[]): void {
    for (const d of list) {
      if (d.severity === 'error') this.errorCount++;
      if (this.kept.length >= MAX_DIAGNOSTICS) {
        if (d.severity === 'error') this.droppedErrors++;
        else this.droppedWarnings++;
      } else this.kept.push(d);
    }
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** The diagnostics kept, with a last line counting the ones left out. */
  list(): Diagnostic[] {
    const dropped = this.droppedErrors + this.droppedWarnings;
    if (dropped === 0) return [...this.kept];
    const parts = [
      this.droppedErrors ? `${this.droppedErrors} more error${this.droppedErrors === 1 ? '' : 's'}` : '',
      this.droppedWarnings ? `${this.droppedWarnings} more warning${this.droppedWarnings === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    return [
      ...this.kept,
      {
        severity: this.droppedErrors ? 'error' : 'warning',
        code: 'TooManyDiagnostics',
        message: `… and ${parts.join(' and ')}; fix the ones above first`,
        file: this.file,
      },
    ];
  }
}
