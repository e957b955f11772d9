import { hashString } from '../../engine/random.js';
import type { Diagnostic } from '../diagnostics.js';
import { Evaluator } from './intrinsics.js';
import { gatewayDependencyWarnings } from './gateway-dependency.js';
import { creationOrder, findCycles } from './graph.js';
import { locate } from './locate.js';
import type { Loc, SourcePos, Template, TemplateResource, TMap, TNode } from './model.js';
import { resolveParameters } from './parameters.js';
import { collectReferences } from './references.js';
import { checkProperties } from './schema.js';
import type { EvalScope, ParamValue, ResourceState } from './scope.js';
import { DiagnosticSink, formatPath } from './sink.js';
import { didYouMean } from './suggest.js';
import { classifyType, modelledType } from './types.js';
import { BAD, NO_VALUE, isRecord, scalarText } from './values.js';

export interface LoadContext {
  region: string;
  accountId?: string;
  stackName: string;
  /** Values given with `--param Key=Value`. */
  params?: Record<string, string>;
  /** The zones of a region (src/engine/regions.ts). */
  availabilityZones(region: string): string[];
  /** A value exported by another template of the submission, or undefined. */
  importValue?(name: string): unknown | undefined;
  /** Every export name available to importValue, for "did you mean" suggestions. */
  exportNames?(): readonly string[];
  /** Why an export cannot be read, when it exists somewhere but not for this stack. */
  whyNoExport?(name: string): string | undefined;
  /** Resolves a value of a parameter of type AWS::EC2::VPC::Id and the like (see parameters.ts). */
  resourceParameter?(resourceType: string, value: string): { id: string } | { error: string };
}

export interface PendingResource {
  logicalId: string;
  type: string;
  modelled: boolean;
  /** Fully resolved plain values: no intrinsic function is left. */
  properties: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  /** The resource's DeletionPolicy attribute, when the template gives one. */
  deletionPolicy?: string;
  /** Position of a property (path below Properties), or of the resource with no path. */
  pos(path?: readonly (string | number)[]): SourcePos;
}

export interface CreatedResource {
  /** What Ref returns: the physical id (vpc-…, subnet-…). */
  ref: string;
  /** What Fn::GetAtt can read. */
  attributes: Record<string, unknown>;
}

/** Thrown by the builder for a resource AWS would refuse; the loader reports it and carries on. */
export class ResourceError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly path?: (string | number)[],
  ) {
    super(message);
    this.name = 'ResourceError';
  }
}

export interface StackResult {
  /** Errors and warnings, each with file, line, column and logical id where known. */
  diagnostics: Diagnostic[];
  resources: { logicalId: string; type: string; ref?: string }[];
  outputs: Record<string, { value: unknown; exportName?: string }>;
  exports: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export const DEFAULT_ACCOUNT_ID = '123456789012';

/**
 * Resolves a template against a context and creates its resources one at a time, in
 * dependency order, through `create`. Every problem becomes a diagnostic; resources that do
 * not depend on a failed one are still created, so a student sees all independent errors
 * in one run. Exceptions other than ResourceError thrown by `create` are bugs and propagate.
 */
export function loadStack(template: Template, ctx: LoadContext, create: (r: PendingResource) => CreatedResource): StackResult {
  return new StackLoader(template, ctx, create).run();
}

class StackLoader {
  private readonly sink: DiagnosticSink;
  private readonly states = new Map<string, ResourceState>();
  private readonly byId = new Map<string, TemplateResource>();
  private readonly conditionValues = new Map<string, boolean | undefined | 'evaluating'>();
  private readonly params = new Map<string, ParamValue | typeof BAD>();
  /** Resources refused before resolving (declaration, type, property names, DependsOn). */
  private readonly refusedEarly = new Set<string>();
  /** A resource not created only because another failed → the resource that failed first. */
  private readonly rootCause = new Map<string, string>();
  /** Root cause → what was not created because of it, in creation order. */
  private readonly notCreated = new Map<string, string[]>();
  private readonly base: Omit<EvalScope, 'allowResources' | 'report'>;

  constructor(
    private readonly template: Template,
    private readonly ctx: LoadContext,
    private readonly create: (r: PendingResource) => CreatedResource,
  ) {
    this.sink = new DiagnosticSink(template.file);
    for (const r of template.resources) this.byId.set(r.logicalId, r);
    const accountId = ctx.accountId ?? DEFAULT_ACCOUNT_ID;
    this.base = {
      region: ctx.region,
      accountId,
      stackName: ctx.stackName,
      stackId: stackId(ctx.region, accountId, ctx.stackName),
      params: this.params,
      mappings: new Map<string, TMap>(template.mappings.map((m) => [m.name, m.node])),
      condition: (name) => this.condition(name),
      conditionNames: () => template.conditions.map((c) => c.name),
      resource: (id) => this.states.get(id),
      resourceType: (id) => this.byId.get(id)?.type,
      resourceNames: () => [...this.byId.keys()],
      availabilityZones: (region) => ctx.availabilityZones(region),
      importValue: ctx.importValue && ((name) => ctx.importValue!(name)),
      exportNames: ctx.exportNames && (() => ctx.exportNames!()),
      whyNoExport: ctx.whyNoExport && ((name) => ctx.whyNoExport!(name)),
    };
  }

  private evaluator(allowResources: boolean, logicalId?: string): { ev: Evaluator; errors: () => number } {
    let count = 0;
    const scope: EvalScope = {
      ...this.base,
      params: this.params,
      allowResources,
      report: (code, message, loc) => {
        count++;
        this.sink.error({ code, message, loc, logicalId });
      },
    };
    return { ev: new Evaluator(scope), errors: () => count };
  }

  run(): StackResult {
    const values = resolveParameters(
      this.template,
      {
        overrides: this.ctx.params,
        availabilityZones: this.ctx.availabilityZones(this.ctx.region),
        region: this.ctx.region,
        resourceParameter: this.ctx.resourceParameter,
      },
      this.sink,
    );
    for (const [k, v] of values) this.params.set(k, v);
    for (const c of this.template.conditions) this.condition(c.name);
    const included = this.initialStates();
    const edges = this.dependencies(included);
    for (const w of gatewayDependencyWarnings(this.template.resources, edges)) this.sink.warning(w);
    const cycles = findCycles(included, edges);
    for (const cycle of cycles) {
      const first = this.byId.get(cycle[0])!;
      this.sink.error({
        code: 'CircularDependency',
        message: `circular dependency: ${cycle.join(' → ')}`,
        loc: first.loc,
        logicalId: first.logicalId,
      });
      for (const id of cycle) this.states.set(id, { status: 'failed' });
    }
    for (const id of creationOrder(included, edges, cycles)) this.build(id, edges.get(id)!);
    const { outputs, exports } = this.outputs();
    this.reportNotCreated();
    return {
      diagnostics: this.sink.list(),
      resources: this.template.resources
        .filter((r) => this.states.get(r.logicalId)?.status !== 'excluded')
        .map((r) => {
          const s = this.states.get(r.logicalId);
          return { logicalId: r.logicalId, type: r.type, ...(s?.status === 'created' ? { ref: s.ref } : {}) };
        }),
      outputs,
      exports,
      metadata: this.template.metadata,
    };
  }

  declaredNames(): ReturnType<typeof declaredImportsExports> {
    const values = resolveParameters(this.template, { overrides: this.ctx.params, availabilityZones: [], region: this.ctx.region }, new DiagnosticSink(''));
    for (const [k, v] of values) this.params.set(k, v);
    const quiet = new Evaluator({ ...this.base, params: this.params, allowResources: true, report: () => undefined });
    const imports: { name: string; loc: Loc }[] = [];
    const visit = (node: TNode) => {
      if (node.kind === 'seq') node.items.forEach(visit);
      if (node.kind !== 'map') return;
      for (const e of node.entries) {
        if (e.key === 'Fn::ImportValue') {
          const name = scalarText(quiet.evaluate(e.value));
          if (name !== undefined) imports.push({ name, loc: e.value.loc });
        }
        visit(e.value);
      }
    };
    const exports: { name: string; output: string; loc: Loc }[] = [];
    for (const r of this.template.resources) {
      if (r.condition && this.condition(r.condition.name) === false) continue;
      if (r.properties) visit(r.properties);
      if (r.metadata) visit(r.metadata);
    }
    for (const o of this.template.outputs) {
      if (o.condition && this.condition(o.condition.name) === false) continue;
      visit(o.value);
      if (!o.exportName) continue;
      const name = scalarText(quiet.evaluate(o.exportName));
      if (name !== undefined) exports.push({ name, output: o.logicalId, loc: o.exportName.loc });
    }
    return { imports, exports };
  }

  /** A condition's value, evaluated once; undefined when it cannot be evaluated. */
  private condition(name: string): boolean | undefined {
    const known = this.conditionValues.get(name);
    if (known === 'evaluating') {
      const decl = this.template.conditions.find((c) => c.name === name);
      this.sink.error({ code: 'CircularCondition', message: `condition ${name} refers to itself`, loc: decl?.loc });
      this.conditionValues.set(name, undefined);
      return undefined;
    }
    if (this.conditionValues.has(name)) return known as boolean | undefined;
    const decl = this.template.conditions.find((c) => c.name === name);
    if (!decl) return undefined;
    this.conditionValues.set(name, 'evaluating');
    const v = this.evaluator(false).ev.condition(decl.node);
    const value = v === BAD ? undefined : v;
    if (this.conditionValues.get(name) === 'evaluating') this.conditionValues.set(name, value);
    return this.conditionValues.get(name) as boolean | undefined;
  }

  private conditionOf(ref: { name: string; loc: Loc }, logicalId?: string): boolean | undefined {
    const names = this.template.conditions.map((c) => c.name);
    if (!names.includes(ref.name)) {
      this.sink.error({
        code: 'UnknownCondition',
        message: `there is no condition named ${ref.name}${didYouMean(ref.name, names)}`,
        loc: ref.loc,
        logicalId,
      });
      return undefined;
    }
    return this.condition(ref.name);
  }

  /** Sets each resource's starting state and checks what can be checked before resolving. */
  private initialStates(): string[] {
    const included: string[] = [];
    for (const r of this.template.resources) {
      if (r.condition) {
        const c = this.conditionOf(r.condition, r.logicalId);
        if (c === false) {
          this.states.set(r.logicalId, { status: 'excluded', condition: r.condition.name });
          continue;
        }
        if (c === undefined) {
          if (this.template.conditions.some((d) => d.name === r.condition!.name)) {
            this.sink.warning({
              code: 'DependencyFailed',
              message: `not created: its condition ${r.condition.name} has an error`,
              loc: r.condition.loc,
              logicalId: r.logicalId,
            });
          }
          this.states.set(r.logicalId, { status: 'failed' });
          included.push(r.logicalId);
          continue;
        }
      }
      included.push(r.logicalId);
      const ok = this.staticCheck(r);
      this.states.set(r.logicalId, ok ? { status: 'pending' } : { status: 'failed' });
      if (!ok) this.refusedEarly.add(r.logicalId);
    }
    // DependsOn is checked once every resource's state is known.
    for (const id of included) {
      const r = this.byId.get(id)!;
      for (const d of r.dependsOn) {
        const target = this.states.get(d.name);
        let message: string | undefined;
        if (target === undefined) {
          message = this.params.has(d.name)
            ? `DependsOn names ${d.name}, which is a parameter; DependsOn takes resources`
            : `DependsOn names ${d.name}, which is not a resource of this template${didYouMean(d.name, [...this.byId.keys()])}`;
        } else if (target.status === 'excluded') {
          message = `DependsOn names ${d.name}, which is left out because its condition ${target.condition} is false`;
        }
        if (message) {
          this.sink.error({ code: 'UnknownReference', message, loc: d.loc, logicalId: id, path: 'DependsOn' });
          this.states.set(id, { status: 'failed' });
          this.refusedEarly.add(id);
        }
      }
    }
    return included;
  }

  /** The type and the property names; false when the resource cannot be created. */
  private staticCheck(r: TemplateResource): boolean {
    if (r.declarationErrors) return false;
    const cls = classifyType(r.type);
    if (cls.kind === 'unrecognized') {
      this.sink.error({
        code: 'UnrecognizedResourceType',
        message: `${r.type} is not a CloudFormation resource type${cls.suggestion ? `; did you mean ${cls.suggestion}?` : '; check the spelling against the CloudFormation resource reference'}`,
        loc: r.typeLoc,
        logicalId: r.logicalId,
        path: 'Type',
      });
      return false;
    }
    if (cls.kind === 'unmodelled') {
      this.sink.warning({
        code: 'UnmodelledResourceType',
        message:
          r.type === 'AWS::CloudFormation::Stack'
            ? `${r.type} is a nested stack whose template AWS reads from S3, which the virtual cloud cannot; it is kept but plays no part in checks (to model it, put its template beside this one as a stack of the region folder, ${this.ctx.region}/<name>.yaml, and pass values with Outputs and Fn::ImportValue or parameters)`
            : `${r.type} is a real type the virtual cloud does not model; it is kept but plays no part in checks`,
        loc: r.typeLoc,
        logicalId: r.logicalId,
        path: 'Type',
      });
      return true;
    }
    let ok = true;
    const schema = cls.type.schema;
    for (const e of r.properties?.entries ?? []) {
      if (Object.prototype.hasOwnProperty.call(schema.props, e.key)) continue;
      ok = false;
      const readOnly = schema.readOnly?.includes(e.key);
      this.sink.error({
        code: readOnly ? 'ReadOnlyProperty' : 'UnknownProperty',
        message: readOnly
          ? `${e.key} is an attribute AWS sets on ${r.type}; it cannot be given as a property (read it with !GetAtt ${r.logicalId}.${e.key})`
          : `unknown property ${e.key} for ${r.type}${didYouMean(e.key, Object.keys(schema.props)) || ` (its properties are ${Object.keys(schema.props).join(', ')})`}`,
        loc: e.keyLoc,
        logicalId: r.logicalId,
        path: formatPath([e.key]),
      });
    }
    return ok;
  }

  /** Resource → the resources it refers to or DependsOn, for every included resource. */
  private dependencies(included: readonly string[]): Map<string, Set<string>> {
    const edges = new Map<string, Set<string>>();
    const cond = (name: string) => this.condition(name);
    for (const id of included) {
      const r = this.byId.get(id)!;
      const names = new Set<string>();
      if (r.properties) collectReferences(r.properties, cond, names);
      if (r.metadata) collectReferences(r.metadata, cond, names);
      for (const d of r.dependsOn) names.add(d.name);
      edges.set(id, new Set([...names].filter((n) => this.byId.has(n) && this.states.get(n)?.status !== 'excluded')));
    }
    return edges;
  }

  private build(id: string, deps: ReadonlySet<string>): void {
    const r = this.byId.get(id)!;
    const status = this.states.get(id)?.status;
    if (status === 'failed' && this.refusedEarly.has(id) && !r.declarationErrors) {
      // Refused for its declaration (a misspelled property, say); its values may hold
      // mistakes of their own, reported in the same run.
      this.evaluator(true, id).ev.evaluate(r.properties ?? { kind: 'map', entries: [], loc: r.loc });
      return;
    }
    if (status !== 'pending') return;
    const failed = [...deps].find((d) => this.states.get(d)?.status === 'failed');
    const { ev, errors } = this.evaluator(true, id);
    const props = r.properties ? ev.evaluate(r.properties) : {};
    const meta = r.metadata ? ev.evaluate(r.metadata) : undefined;
    if (failed) {
      // Its own mistakes are reported (references to the failed resource stay quiet); if it
      // has none, it is listed once under the resource that failed first.
      if (errors() === 0) this.skip(id, failed);
      this.states.set(id, { status: 'failed' });
      return;
    }
    if (errors() > 0 || props === BAD || meta === BAD) {
      if (errors() === 0) {
        // Its own values are fine; a parameter or condition it uses was reported above.
        this.sink.warning({
          code: 'DependencyFailed',
          message: 'not created: it uses a parameter or condition that has an error',
          loc: r.loc,
          logicalId: id,
        });
      }
      this.states.set(id, { status: 'failed' });
      return;
    }
    let properties = isRecord(props) ? props : {};
    const modelled = modelledType(r.type);
    const pos = (path?: readonly (string | number)[]): SourcePos => ({ file: this.template.file, ...locate(r, path ?? []) });
    if (modelled) {
      const issues: Parameters<typeof checkProperties>[3] = [];
      properties = checkProperties(properties, modelled.schema, r.type, issues);
      for (const issue of issues) {
        this.sink.error({
          code: issue.code,
          message: issue.message,
          loc: locate(r, issue.path),
          logicalId: id,
          path: formatPath(issue.path),
        });
      }
      if (issues.length) {
        this.states.set(id, { status: 'failed' });
        return;
      }
    }
    let created: CreatedResource;
    try {
      created = this.create({
        logicalId: id,
        type: r.type,
        modelled: modelled !== undefined,
        properties,
        ...(isRecord(meta) ? { metadata: meta } : {}),
        ...(r.deletionPolicy !== undefined ? { deletionPolicy: r.deletionPolicy } : {}),
        pos,
      });
    } catch (e) {
      if (!(e instanceof ResourceError)) throw e;
      this.sink.error({
        code: e.code,
        message: e.message,
        loc: locate(r, e.path ?? []),
        logicalId: id,
        ...(e.path && e.path.length ? { path: formatPath(e.path) } : {}),
      });
      this.states.set(id, { status: 'failed' });
      return;
    }
    this.states.set(id, { status: 'created', type: r.type, ref: created.ref, attributes: created.attributes ?? {} });
  }

  /** Records that `what` was not created because `failed` (or what it waited for) failed. */
  private skip(what: string, failed: string): void {
    const root = this.rootCause.get(failed) ?? failed;
    if (this.byId.has(what)) this.rootCause.set(what, root);
    const list = this.notCreated.get(root) ?? [];
    list.push(what);
    this.notCreated.set(root, list);
  }

  /** One line per root cause for everything not created because of it. */
  private reportNotCreated(): void {
    for (const [root, list] of this.notCreated) {
      const r = this.byId.get(root);
      const shown = list.slice(0, 8).join(', ') + (list.length > 8 ? `, and ${list.length - 8} more` : '');
      const resources = list.filter((x) => this.byId.has(x)).length;
      const outputs = list.length - resources;
      const what = [resources ? plural(resources, 'resource') : '', outputs ? plural(outputs, 'output') : ''].filter(Boolean).join(' and ');
      this.sink.warning({
        code: 'DependencyFailed',
        message: `${what} ${list.length === 1 ? 'was' : 'were'} not created because ${root} failed: ${shown}`,
        loc: r?.loc,
        logicalId: root,
      });
    }
  }

  private outputs(): Pick<StackResult, 'outputs' | 'exports'> {
    const outputs: StackResult['outputs'] = {};
    const exports: StackResult['exports'] = {};
    const exportedAt = new Map<string, string>();
    const cond = (name: string) => this.condition(name);
    for (const o of this.template.outputs) {
      if (o.condition && this.conditionOf(o.condition) !== true) continue;
      const refs = new Set<string>();
      collectReferences(o.value, cond, refs);
      if (o.exportName) collectReferences(o.exportName, cond, refs);
      const failed = [...refs].find((n) => this.states.get(n)?.status === 'failed');
      if (failed) {
        this.skip(`output ${o.logicalId}`, failed);
        continue;
      }
      const { ev } = this.evaluator(true);
      const value = ev.evaluate(o.value);
      let exportName: string | undefined;
      if (o.exportName) {
        const n = ev.evaluate(o.exportName);
        if (n === BAD) continue;
        exportName = scalarText(n);
        if (exportName === undefined || exportName === '') {
          this.sink.error({ code: 'InvalidOutput', message: `output ${o.logicalId}: Export Name must be text`, loc: o.exportName.loc });
          continue;
        }
      }
      if (value === BAD) continue;
      if (value === NO_VALUE) {
        this.sink.error({ code: 'InvalidOutput', message: `output ${o.logicalId}: Value cannot be AWS::NoValue`, loc: o.value.loc });
        continue;
      }
      outputs[o.logicalId] = { value, ...(exportName !== undefined ? { exportName } : {}) };
      if (exportName !== undefined) {
        const first = exportedAt.get(exportName);
        if (first) {
          this.sink.error({
            code: 'DuplicateExport',
            message: `outputs ${first} and ${o.logicalId} both export "${exportName}"; export names must be unique`,
            loc: o.exportName!.loc,
          });
          continue;
        }
        exportedAt.set(exportName, o.logicalId);
        exports[exportName] = value;
      }
    }
    return { outputs, exports };
  }
}

/**
 * The export names a template declares and the names it imports, as far as they can be
 * known before any resource exists (they usually are: names are built from parameters and
 * pseudo parameters). Used to load the templates of a submission in the right order.
 */
export function declaredImportsExports(
  template: Template,
  ctx: LoadContext,
): { imports: { name: string; loc: Loc }[]; exports: { name: string; output: string; loc: Loc }[] } {
  return new StackLoader(template, ctx, () => {
    throw new Error('declaredImportsExports creates nothing');
  }).declaredNames();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A stack ARN like AWS's, with a UUID derived from the stack's name so it is repeatable. */
function stackId(region: string, account: string, name: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${region}/${name}/${i}`).toString(16).padStart(8, '0')).join('');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `arn:aws:cloudformation:${region}:${account}:stack/${name}/${uuid}`;
}
