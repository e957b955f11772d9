import { availabilityZones } from '../../../src/engine/regions.js';
import type { Diagnostic } from '../../../src/formats/diagnostics.js';
import { parseTemplate } from '../../../src/formats/cfn/parse.js';
import { loadStack, type CreatedResource, type LoadContext, type PendingResource, type StackResult } from '../../../src/formats/cfn/resolve.js';
import type { Template } from '../../../src/formats/cfn/model.js';
import { modelledType } from '../../../src/formats/cfn/types.js';

/** A context for tests: us-east-1, the real zone list, no imports. */
export function context(extra: Partial<LoadContext> = {}): LoadContext {
  return { region: 'us-east-1', stackName: 'test-stack', availabilityZones, ...extra };
}

/**
 * A fake builder: records what it was given and returns every documented attribute of a
 * modelled type as "<logicalId>.<attribute>" (lists for list attributes).
 */
export function fakeBuilder(hooks: { fail?: (r: PendingResource) => void } = {}) {
  const created: PendingResource[] = [];
  const create = (r: PendingResource): CreatedResource => {
    hooks.fail?.(r);
    created.push(r);
    const attrs = modelledType(r.type)?.attributes ?? ['Arn'];
    const attributes: Record<string, unknown> = {};
    for (const a of attrs) {
      attributes[a] = /Blocks$|Associations$|Addresses$/.test(a) ? [`${r.logicalId}.${a}.0`] : `${r.logicalId}.${a}`;
    }
    return { ref: `fake-${r.logicalId}`, attributes };
  };
  return { created, create, ids: () => created.map((c) => c.logicalId) };
}

export function parseOk(text: string, file = 'template.yaml'): Template {
  const { template, diagnostics } = parseTemplate(text, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!template || errors.length) throw new Error(`expected a clean parse, got: ${JSON.stringify(diagnostics, null, 2)}`);
  return template;
}

/** Parses (must succeed) and loads with a fake builder. */
export function load(text: string, ctx: Partial<LoadContext> = {}, hooks: Parameters<typeof fakeBuilder>[0] = {}) {
  const builder = fakeBuilder(hooks);
  const result: StackResult = loadStack(parseOk(text), context(ctx), builder.create);
  return { ...result, builder, errors: errorsOf(result.diagnostics) };
}

export function errorsOf(list: readonly Diagnostic[]): Diagnostic[] {
  return list.filter((d) => d.severity === 'error');
}

export function codes(list: readonly Diagnostic[]): string[] {
  return list.map((d) => d.code);
}

/** A template with the given resources block (YAML, indented by two spaces per level). */
export function withResources(resources: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\n${extra}Resources:\n${resources}`;
}
