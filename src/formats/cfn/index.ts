/**
 * The CloudFormation loader: turns template text into a checked, resolved stack whose
 * resources are created one at a time through a builder callback.
 *
 *   const { template, diagnostics } = parseTemplate(text, 'vpc.yaml');
 *   if (template) loadStack(template, ctx, (r) => engine.build(r));
 */
import type { Diagnostic } from '../diagnostics.js';
import { parseTemplate } from './parse.js';
import { loadStack, type CreatedResource, type LoadContext, type PendingResource, type StackResult } from './resolve.js';

export { parseTemplate, type ParseResult } from './parse.js';
export {
  loadStack,
  declaredImportsExports,
  ResourceError,
  DEFAULT_ACCOUNT_ID,
  type LoadContext,
  type PendingResource,
  type CreatedResource,
  type StackResult,
} from './resolve.js';
export { loadStackSet, stackLabel, type StackSetFile, type StackSetResult } from './stack-set.js';
export { resourceParameterType } from './parameter-types.js';
export { classifyType, knownTypeNames, modelledType, MODELLED_TYPES, UNMODELLED_TYPES, type TypeClass } from './types.js';
export { MAX_DIAGNOSTICS } from './sink.js';
export type * from './model.js';

/**
 * Parses and loads one template in a single call. `stack` is absent when the text could not
 * be read as a template; `diagnostics` holds the problems of both steps.
 */
export function loadTemplate(
  text: string,
  file: string,
  ctx: LoadContext,
  create: (r: PendingResource) => CreatedResource,
): { diagnostics: Diagnostic[]; stack?: StackResult } {
  const parsed = parseTemplate(text, file);
  if (!parsed.template) return { diagnostics: parsed.diagnostics };
  const stack = loadStack(parsed.template, ctx, create);
  return { diagnostics: [...parsed.diagnostics, ...stack.diagnostics], stack };
}
