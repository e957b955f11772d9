import type { BulkReport } from '../types.js';

/** The whole run as JSON; no clock in it, so two runs on the same folder give the same bytes. */
export function formatJson(report: BulkReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
