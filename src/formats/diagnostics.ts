import { printable } from './safe-text.js';

/**
 * A problem found while loading a submission. Every diagnostic a student can cause names the
 * file, the line and column when known, the resource's logical id, and what would be valid.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** A stable code: AWS's own error code where AWS has one (InvalidSubnet.Range), else ours. */
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly logicalId?: string;
  /** Property path inside the resource, e.g. "Properties.CidrBlock". */
  readonly path?: string;
}

/** "vpc.yaml:12:5: error InvalidSubnet.Range (Subnet PublicA): …" */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
  const who = d.logicalId ? ` (${d.logicalId}${d.path ? ` ${d.path}` : ''})` : '';
  return printable(`${where}${d.severity} ${d.code}${who}: ${d.message}`, { lines: true });
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
