import { Cloud } from '../engine/cloud.js';
import { ipv6InUse } from '../engine/ec2/ipv6.js';
import { CloudError } from '../engine/errors.js';
import { CloudWarning } from '../engine/finish-steps.js';
import { availabilityZones, isRegion, REGIONS } from '../engine/regions.js';
import { makeBuilder, type BuildWarning } from './build-cloud.js';
import {
  type CreatedResource,
  loadStackSet,
  parseTemplate,
  type PendingResource,
  ResourceError,
  stackLabel,
  type StackResult,
  type StackSetFile,
  type Template,
} from './cfn/index.js';
import { resourceParameterResolver } from './resource-parameters.js';
import { withTemplateHint } from './cfn/hints.js';
import { wrongReference } from './cfn/wrong-reference.js';
import { type Diagnostic, hasErrors } from './diagnostics.js';
import { readSubmission, type TemplateFile } from './submission-files.js';

/**
 * From submission text to engine state: parse every template, load them in dependency order
 * into one virtual cloud, and collect every diagnostic. Pure apart from `loadSubmissionPath`,
 * which reads the files first.
 */
export interface LoadOptions {
  /** Region of a single template not named by region (default us-east-1). */
  region?: string;
  params?: Record<string, string>;
  /** Seed of the resource ids; the same seed gives the same ids. */
  seed?: string;
  stackName?: string;
  maxBytes?: number;
}

export interface LoadedSubmission {
  cloud: Cloud;
  diagnostics: Diagnostic[];
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The Metadata sections of the templates, merged (labs keep `cloudlab: {lab, student}` there). */
  metadata: Record<string, unknown>;
  stacks: Record<string, StackResult>;
  regions: string[];
  files: string[];
  resourceCount: number;
  /** Every resource as the template declared it, properties resolved, in creation order. */
  resources: DeclaredResource[];
}

export interface DeclaredResource {
  region: string;
  /** The stack's name when its region holds several stacks (`us-east-1/network.yaml` → network). */
  stack?: string;
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  /** The physical id (what Ref returns), when it was created. */
  ref?: string;
}

export function loadSubmissionFromTemplates(templates: readonly TemplateFile[], opts: LoadOptions = {}): LoadedSubmission {
  const diagnostics: Diagnostic[] = [];
  const cloud = new Cloud(opts.seed ?? 'cloudlab');
  const defaultRegion = opts.region ?? 'us-east-1';
  if (!isRegion(defaultRegion)) {
    diagnostics.push({ severity: 'error', code: 'UnknownRegion', message: `"${defaultRegion}" is not a region; regions are ${REGIONS.slice(0, 6).join(', ')}, …` });
  }
  const parsed: StackSetFile[] = [];
  for (const t of templates) {
    const p = parseTemplate(t.text, t.file);
    diagnostics.push(...p.diagnostics);
    if (p.template) parsed.push({ file: t.file, region: t.region ?? defaultRegion, ...(t.stack ? { stack: t.stack } : {}), template: p.template });
  }
  // A logical id used by two stacks of one region is qualified with the stack's name in the
  // virtual cloud (network/VPC), so ids, messages and trace ends tell them apart.
  const seenIds = new Map<string, number>();
  for (const f of parsed) for (const r of f.template.resources) seenIds.set(`${f.region}/${r.logicalId}`, (seenIds.get(`${f.region}/${r.logicalId}`) ?? 0) + 1);
  const engineId = (f: StackSetFile, logicalId: string) => ((seenIds.get(`${f.region}/${logicalId}`) ?? 0) > 1 ? `${stackLabel(f)}/${logicalId}` : logicalId);
  const warnings: { w: BuildWarning; region: string }[] = [];
  const positions = new Map<string, PendingResource>();
  const declared: DeclaredResource[] = [];
  const templateIds = new Map<string, string>();
  const layered = new Set(parsed.filter((f) => parsed.some((o) => o !== f && o.region === f.region)).map((f) => f.file));
  const result = loadStackSet(
    parsed,
    (f) => ({
      region: f.region,
      stackName: f.stack ?? opts.stackName ?? 'cloudlab',
      params: opts.params,
      availabilityZones,
      resourceParameter: resourceParameterResolver(declared, f),
    }),
    (f) => {
      const region = f.region;
      const build = makeBuilder(cloud, region, (w) => warnings.push({ w, region }));
      return (pending: PendingResource): CreatedResource => {
        const r = { ...pending, logicalId: engineId(f, pending.logicalId) };
        positions.set(`${region}/${r.logicalId}`, r);
        templateIds.set(`${region}/${r.logicalId}`, pending.logicalId);
        const entry: DeclaredResource = {
          region,
          ...(layered.has(f.file) ? { stack: stackLabel(f) } : {}),
          logicalId: pending.logicalId,
          type: r.type,
          properties: r.properties,
        };
        declared.push(entry);
        const before = cloud.warnings.length;
        try {
          const created = build(r);
          entry.ref = created.ref;
          // What the engine warned about while creating it, placed at this resource (a failed request's warnings are dropped with it).
          for (const w of cloud.warnings.slice(before)) {
            const path = w.field === undefined ? undefined : Array.isArray(w.field) ? w.field : [w.field];
            warnings.push({ w: { logicalId: r.logicalId, code: w.code, message: w.message, ...(path ? { path } : {}) }, region });
          }
          return created;
        } catch (e) {
          if (e instanceof CloudError) {
            const path = e.field === undefined ? undefined : Array.isArray(e.field) ? e.field : [e.field];
            const sameRegion = declared.filter((d) => d.region === region && d !== entry);
            throw new ResourceError(wrongReference(e, r.properties, sameRegion) ?? withTemplateHint(e), e.code, path);
          }
          throw e;
        }
      };
    },
  );
  diagnostics.push(...result.diagnostics);
  const regionOf = new Map(parsed.map((p) => [p.region, p.file]));
  for (const { w, region } of warnings) {
    const r = positions.get(`${region}/${w.logicalId}`);
    const pos = r?.pos(w.path);
    diagnostics.push({ severity: 'warning', code: w.code, message: w.message, file: pos?.file ?? regionOf.get(region), line: pos?.line, column: pos?.column, logicalId: templateIds.get(`${region}/${w.logicalId}`) ?? w.logicalId });
  }
  if (!hasErrors(diagnostics)) {
    for (const e of cloud.finish()) {
      const logicalId = e.logicalId;
      const r = logicalId ? [...positions.entries()].find(([k]) => k.endsWith(`/${logicalId}`))?.[1] : undefined;
      const path = e.field === undefined ? undefined : Array.isArray(e.field) ? e.field : [e.field];
      const pos = r?.pos(path);
      diagnostics.push({ severity: e instanceof CloudWarning ? 'warning' : 'error', code: e.code, message: withTemplateHint(e), file: pos?.file, line: pos?.line, column: pos?.column, logicalId });
    }
  }
  const ipv6 = ipv6InUse(cloud);
  if (ipv6.length) {
    // One warning for the whole submission, however many resources use IPv6.
    diagnostics.push({
      severity: 'warning',
      code: 'Ipv6NotTraced',
      message: `IPv6 traffic is not traced yet: this submission's IPv6 (${ipv6.join(', ')}) is loaded and shown by describe and the graders, but trace and reach answer for IPv4 only`,
      file: parsed[0]?.file,
    });
  }
  const metadata: Record<string, unknown> = {};
  for (const s of Object.values(result.stacks)) Object.assign(metadata, s.metadata);
  return {
    cloud,
    diagnostics,
    ok: !hasErrors(diagnostics),
    metadata,
    stacks: result.stacks,
    regions: [...new Set(parsed.map((p) => p.region))],
    files: templates.map((t) => t.file),
    resourceCount: Object.values(result.stacks).reduce((n, s) => n + s.resources.length, 0),
    resources: declared,
  };
}

/** Reads a template file or a folder of `<region>.yaml` templates and loads it. */
export function loadSubmissionPath(path: string, opts: LoadOptions = {}): LoadedSubmission {
  const read = readSubmission(path, { maxBytes: opts.maxBytes });
  if (read.templates.length === 0) {
    return { cloud: new Cloud(opts.seed ?? 'cloudlab'), diagnostics: read.diagnostics, ok: false, metadata: {}, stacks: {}, regions: [], files: [], resourceCount: 0, resources: [] };
  }
  const loaded = loadSubmissionFromTemplates(read.templates, opts);
  loaded.diagnostics.unshift(...read.diagnostics);
  loaded.ok = loaded.ok && !hasErrors(read.diagnostics);
  return loaded;
}
