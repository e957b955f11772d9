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
import { resourceParameterType } from './parameter-types.js';
import { DiagnosticSink } from './sink.js';
import { didYouMean } from './suggest.js';

export interface StackSetFile {
  file: string;
  region: string;
  /** The stack's name when a region holds several (`us-east-1/network.yaml` → network). */
  stack?: string;
  template: Template;
}

export interface StackSetResult {
  /** Problems between the templates first, then every stack's own diagnostics in load order. */
  diagnostics: Diagnostic[];
  /** One result per stack loaded, keyed by its region, or region/stack when a region holds several. */
  stacks: Record<string, StackResult>;
}

/** How a stack is named in messages and qualified logical ids: its own name, else its region. */
export function stackLabel(f: Pick<StackSetFile, 'region' | 'stack'>): string {
  return f.stack ?? f.region;
}

/**
 * Loads the templates of a submission, each into its region, in the order their
 * Fn::ImportValue names need: a stack that exports a name is loaded before the ones that
 * import it. A region may hold several stacks (aws-semantics 36); an export name is unique
 * in its region, as in AWS, and an import reads its own region's export. An import may also
 * read another region's export (a documented cloudlab extension: AWS imports only within one
 * region) when exactly one other region exports the name. A parameter of an AWS-specific
 * type (AWS::EC2::VPC::Id, …) whose value names a resource of another stack of the region
 * makes that stack load first. Stacks that import from each other in a circle are reported
 * and not loaded.
 */
export function loadStackSet(
  files: readonly StackSetFile[],
  makeContext: (f: StackSetFile) => Omit<LoadContext, 'importValue'>,
  makeCreate: (f: StackSetFile) => (r: PendingResource) => CreatedResource,
): StackSetResult {
  const setSinks = new Map<string, DiagnosticSink>();
  const sinkFor = (file: string) => {
    let s = setSinks.get(file);
    if (!s) setSinks.set(file, (s = new DiagnosticSink(file)));
    return s;
  };

  const byStack = new Map<string, StackSetFile>();
  for (const f of files) {
    const key = `${f.region}/${f.stack ?? ''}`;
    const first = byStack.get(key);
    if (first) {
      sinkFor(f.file).error(
        f.stack === undefined
          ? { code: 'DuplicateRegion', message: `${f.file} and ${first.file} are both templates for ${f.region}; keep one template per region, or put several stacks in a folder ${f.region}/ (${f.region}/network.yaml, ${f.region}/app.yaml)` }
          : { code: 'AlreadyExistsException', message: `${f.file} and ${first.file} are both the stack ${f.stack} in ${f.region}; stack names are unique in a region` },
      );
      continue;
    }
    byStack.set(key, f);
  }
  // Stacks whose parameters name resources by physical id (vpc-…) come after the others of
  // their region, since which stack makes such a resource is known only once it is loaded.
  const byPhysicalId = (f: StackSetFile) => (namesPhysicalIds(f) ? 1 : 0);
  const chosen = [...byStack.values()].sort((a, b) => byPhysicalId(a) - byPhysicalId(b));
  const keyOf = (f: StackSetFile) => f.file;
  const resultKey = (f: StackSetFile) => (chosen.filter((c) => c.region === f.region).length > 1 ? `${f.region}/${stackLabel(f)}` : f.region);

  // A --param applies to every template that declares it; it is an error only when none does.
  const allParams = [...new Set(chosen.flatMap((f) => f.template.parameters.map((p) => p.name)))];
  const contextFor = (f: StackSetFile): Omit<LoadContext, 'importValue'> => {
    const base = makeContext(f);
    if (!base.params || chosen.length < 2) return base;
    const own = new Set(f.template.parameters.map((p) => p.name));
    return { ...base, params: Object.fromEntries(Object.entries(base.params).filter(([k]) => own.has(k))) };
  };
  if (chosen.length > 1) {
    for (const key of Object.keys(makeContext(chosen[0]).params ?? {})) {
      if (allParams.includes(key)) continue;
      sinkFor(chosen[0].file).error({
        code: 'UnknownParameter',
        message: `--param ${key}: no template of the submission declares a parameter ${key}${didYouMean(key, allParams)}`,
      });
    }
  }

  const declared = new Map(chosen.map((f) => [keyOf(f), declaredImportsExports(f.template, contextFor(f))]));
  // Export name → the stack that exports it, per region.
  const exporter = new Map<string, Map<string, { f: StackSetFile; output: string }>>();
  for (const f of chosen) {
    const inRegion = exporter.get(f.region) ?? new Map<string, { f: StackSetFile; output: string }>();
    exporter.set(f.region, inRegion);
    for (const e of declared.get(keyOf(f))!.exports) {
      const first = inRegion.get(e.name);
      if (first && first.f !== f) {
        sinkFor(f.file).error({
          code: 'DuplicateExport',
          message: `output ${e.output} exports "${e.name}", which ${first.f.file} (output ${first.output}) already exports in ${f.region}; an export name is unique in its region`,
          loc: e.loc,
        });
      } else if (!first) inRegion.set(e.name, { f, output: e.output });
    }
  }
  /** The stack whose export an import of `name` from `f` reads. */
  const source = (f: StackSetFile, name: string): StackSetFile | undefined => {
    const own = exporter.get(f.region)?.get(name);
    if (own) return own.f;
    const others = [...exporter.entries()].filter(([region, m]) => region !== f.region && m.has(name));
    return others.length === 1 ? others[0][1].get(name)!.f : undefined;
  };

  const edges = new Map<string, Set<string>>();
  for (const f of chosen) {
    const deps = new Set<string>();
    for (const i of declared.get(keyOf(f))!.imports) {
      const from = source(f, i.name);
      if (from && from !== f) deps.add(keyOf(from));
    }
    for (const other of parameterSources(f, chosen, contextFor(f).params)) deps.add(keyOf(other));
    edges.set(keyOf(f), deps);
  }
  const names = chosen.map(keyOf);
  const cycles = findCycles(names, edges);
  const blocked = new Set(cycles.flat());
  for (const cycle of cycles) {
    sinkFor(cycle[0]).error({
      code: 'CircularImport',
      message: `these templates need each other's resources in a circle: ${cycle.join(' → ')} (through Fn::ImportValue or parameters naming the other's resources); one of them must stop using the other, so none of them was loaded`,
    });
  }

  // Exports of the stacks loaded so far, per region.
  const exports = new Map<string, Map<string, unknown>>();
  const stacks: Record<string, StackResult> = {};
  const stackDiagnostics: Diagnostic[] = [];
  for (const file of creationOrder(names, edges, cycles)) {
    if (blocked.has(file)) continue;
    const f = chosen.find((c) => keyOf(c) === file)!;
    const readable = (): Map<string, unknown> => {
      const out = new Map<string, unknown>();
      const counts = new Map<string, number>();
      for (const [region, m] of exports) if (region !== f.region) for (const k of m.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
      for (const [region, m] of exports) if (region !== f.region) for (const [k, v] of m) if (counts.get(k) === 1) out.set(k, v);
      for (const [k, v] of exports.get(f.region) ?? []) out.set(k, v);
      return out;
    };
    const ctx: LoadContext = {
      ...contextFor(f),
      importValue: (name) => readable().get(name),
      exportNames: () => [...readable().keys()],
      whyNoExport: (name) => {
        const regions = [...exports.entries()].filter(([region, m]) => region !== f.region && m.has(name)).map(([region]) => region);
        return regions.length > 1
          ? `several regions export it (${regions.join(', ')}) and ${f.region} does not; import it in the region that exports it, or give the exports different names`
          : undefined;
      },
    };
    const result = loadStack(f.template, ctx, makeCreate(f));
    stacks[resultKey(f)] = result;
    stackDiagnostics.push(...result.diagnostics);
    const own = exports.get(f.region) ?? new Map<string, unknown>();
    exports.set(f.region, own);
    for (const [name, value] of Object.entries(result.exports)) {
      if (!own.has(name)) own.set(name, value);
    }
  }
  return {
    diagnostics: [...[...setSinks.values()].flatMap((s) => s.list()), ...stackDiagnostics],
    stacks,
  };
}

function namesPhysicalIds(f: StackSetFile): boolean {
  return f.template.parameters.some((p) => resourceParameterType(p.type) && /(^|,)\s*(vpc|subnet|sg|i)-[0-9a-f]/.test(p.default ?? ''));
}

/**
 * The other stacks of f's region whose resources f's parameters name by logical id
 * (`VPC`, `network/VPC` or `us-east-1/network/VPC`), so they are loaded first.
 */
function parameterSources(f: StackSetFile, all: readonly StackSetFile[], overrides: Record<string, string> | undefined): StackSetFile[] {
  const out = new Set<StackSetFile>();
  const peers = all.filter((o) => o !== f && o.region === f.region);
  if (peers.length === 0) return [];
  for (const p of f.template.parameters) {
    const type = resourceParameterType(p.type);
    if (!type) continue;
    const raw = overrides && Object.prototype.hasOwnProperty.call(overrides, p.name) ? overrides[p.name] : p.default;
    for (const v of (raw ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      for (const o of peers) {
        const label = stackLabel(o);
        const id = v.startsWith(`${f.region}/${label}/`) ? v.slice(f.region.length + label.length + 2) : v.startsWith(`${label}/`) ? v.slice(label.length + 1) : v;
        if (o.template.resources.some((r) => r.logicalId === id && r.type === type)) out.add(o);
      }
    }
  }
  return [...out];
}
