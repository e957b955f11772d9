import type { Diagnostic } from '../diagnostics.js';
import { creationOrder, findCycles } from './graph.js';
import type { Template } from './model.js';
import {
  declaredImportsExports,
  loadStack,
  type CreatedResource,
  type LoadContext,
  type PendingResource,
  type StackResult,
} from './resolve.js';
import { DiagnosticSink } from './sink.js';
import { didYouMean } from './suggest.js';

export interface StackSetFile {
  file: string;
  region: string;
  template: Template;
}

export interface StackSetResult {
  /** Problems between the templates first, then every stack's own diagnostics in load order. */
  diagnostics: Diagnostic[];
  /** One result per region loaded. */
  stacks: Record<string, StackResult>;
}

/**
 * Loads the templates of a multi-region submission, each into its region, in the order their
 * Fn::ImportValue names need: a template that exports a name is loaded before the ones that
 * import it. Imports may cross regions (a documented cloudlab extension: AWS imports only
 * within one region). Templates that import from each other in a circle are reported and
 * not loaded.
 */
export function loadStackSet(
  files: readonly StackSetFile[],
  makeContext: (region: string) => Omit<LoadContext, 'importValue'>,
  makeCreate: (region: string) => (r: PendingResource) => CreatedResource,
): StackSetResult {
  const setSinks = new Map<string, DiagnosticSink>();
  const sinkFor = (file: string) => {
    let s = setSinks.get(file);
    if (!s) setSinks.set(file, (s = new DiagnosticSink(file)));
    return s;
  };

  const byRegion = new Map<string, StackSetFile>();
  for (const f of files) {
    const first = byRegion.get(f.region);
    if (first) {
      sinkFor(f.file).error({
        code: 'DuplicateRegion',
        message: `${f.file} and ${first.file} are both templates for ${f.region}; keep one template per region`,
      });
      continue;
    }
    byRegion.set(f.region, f);
  }
  const chosen = [...byRegion.values()];

  // A --param applies to every template that declares it; it is an error only when none does.
  const allParams = [...new Set(chosen.flatMap((f) => f.template.parameters.map((p) => p.name)))];
  const contextFor = (f: StackSetFile): Omit<LoadContext, 'importValue'> => {
    const base = makeContext(f.region);
    if (!base.params || chosen.length < 2) return base;
    const own = new Set(f.template.parameters.map((p) => p.name));
    return { ...base, params: Object.fromEntries(Object.entries(base.params).filter(([k]) => own.has(k))) };
  };
  if (chosen.length > 1) {
    for (const key of Object.keys(makeContext(chosen[0].region).params ?? {})) {
      if (allParams.includes(key)) continue;
      sinkFor(chosen[0].file).error({
        code: 'UnknownParameter',
        message: `--param ${key}: no template of the submission declares a parameter ${key}${didYouMean(key, allParams)}`,
      });
    }
  }

  const declared = new Map(chosen.map((f) => [f.file, declaredImportsExports(f.template, contextFor(f))]));
  const exporter = new Map<string, { file: string; output: string }>();
  for (const f of chosen) {
    for (const e of declared.get(f.file)!.exports) {
      const first = exporter.get(e.name);
      if (first && first.file !== f.file) {
        sinkFor(f.file).error({
          code: 'DuplicateExport',
          message: `output ${e.output} exports "${e.name}", which ${first.file} (output ${first.output}) already exports; export names must be unique across the submission`,
          loc: e.loc,
        });
      } else if (!first) exporter.set(e.name, { file: f.file, output: e.output });
    }
  }

  const edges = new Map<string, Set<string>>();
  for (const f of chosen) {
    const deps = new Set<string>();
    for (const i of declared.get(f.file)!.imports) {
      const from = exporter.get(i.name)?.file;
      if (from && from !== f.file) deps.add(from);
    }
    edges.set(f.file, deps);
  }
  const names = chosen.map((f) => f.file);
  const cycles = findCycles(names, edges);
  const blocked = new Set(cycles.flat());
  for (const cycle of cycles) {
    sinkFor(cycle[0]).error({
      code: 'CircularImport',
      message: `these templates import values from each other in a circle: ${cycle.join(' → ')}; one of them must stop importing from the other, so neither was loaded`,
    });
  }

  const exports = new Map<string, unknown>();
  const stacks: Record<string, StackResult> = {};
  const stackDiagnostics: Diagnostic[] = [];
  for (const file of creationOrder(names, edges, cycles)) {
    if (blocked.has(file)) continue;
    const f = chosen.find((c) => c.file === file)!;
    const ctx: LoadContext = {
      ...contextFor(f),
      importValue: (name) => exports.get(name),
      exportNames: () => [...exports.keys()],
    };
    const result = loadStack(f.template, ctx, makeCreate(f.region));
    stacks[f.region] = result;
    stackDiagnostics.push(...result.diagnostics);
    for (const [name, value] of Object.entries(result.exports)) {
      if (!exports.has(name)) exports.set(name, value);
    }
  }
  return {
    diagnostics: [...[...setSinks.values()].flatMap((s) => s.list()), ...stackDiagnostics],
    stacks,
  };
}
