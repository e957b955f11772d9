import type { Loc } from './model.js';
import type { DiagnosticSink } from './sink.js';

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** AWS's rule for the names of resources, parameters, mappings and outputs: letters and digits, at most 255. */
export function checkLogicalId(name: string, loc: Loc, what: string, sink: DiagnosticSink): boolean {
  if (LOGICAL_ID.test(name) && name.length <= 255) return true;
  const clean = name.replace(/[^A-Za-z0-9]/g, '');
  sink.error({
    code: 'InvalidLogicalId',
    message:
      name.length > 255
        ? `the ${what} name is ${name.length} characters long; the limit is 255`
        : `the ${what} name "${name}" may contain only letters and digits (A-Z, a-z, 0-9)${clean ? `, such as ${clean}` : ''}`,
    loc,
  });
  return false;
}
