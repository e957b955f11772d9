import type {
  Loc,
  NamedRef,
  Template,
  TemplateCondition,
  TemplateMapping,
  TemplateOutput,
  TemplateResource,
  TMap,
  TNode,
} from './model.js';
import { checkLogicalId } from './logical-id.js';
import { readParameters } from './parameter-declarations.js';
import type { DiagnosticSink } from './sink.js';
import { didYouMean } from './suggest.js';
import { describeNode, isRecord, scalarText, toPlain } from './values.js';
import { RAIN_DIRECTIVE } from './yaml-tree.js';

export const SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Hooks',
] as const;

/** The sections of a template written for the AWS::Serverless transform (SAM) may add. */
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export const RESOURCE_ATTRIBUTES = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
  // Accepted by CloudFormation, undocumented: a note on the resource, and the version of a
  // custom resource's contract. Both are kept unread.
  'Description',
  'Version',
] as const;


const OUTPUT_ATTRIBUTES = ['Value', 'Description', 'Export', 'Condition'];
const POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];

/** AWS's quotas per template. */
export const LIMITS = { resources: 500, parameters: 200, outputs: 200, mappings: 200, description: 1024 };

/**
 * Reads the sections of a template whose root is a mapping. Returns undefined only when
 * the template has no usable Resources section; other problems are reported and the
 * offending part left out, so the loader can still report everything else.
 */
export function readSections(root: TMap, file: string, sink: DiagnosticSink): Template | undefined {
  const get = (name: string) => root.entries.find((e) => e.key === name);
  const transforms = readTransforms(get('Transform')?.value, sink);
  for (const e of root.entries) {
    if (e.key === 'Globals' && transforms.includes(SAM_TRANSFORM)) continue;
    if (!(SECTIONS as readonly string[]).includes(e.key)) {
      sink.error({
        code: 'UnknownSection',
        message: `unknown top-level section "${e.key}"${didYouMean(e.key, SECTIONS)} (sections are ${SECTIONS.join(', ')})`,
        loc: e.keyLoc,
      });
    }
  }

  const resourcesEntry = get('Resources');
  if (!resourcesEntry) {
    sink.error({
      code: 'MissingResources',
      message: 'the template has no Resources section; CloudFormation requires at least one resource',
      loc: root.loc,
    });
    return undefined;
  }
  const resNode = resourcesEntry.value;
  if (resNode.kind !== 'map' || resNode.entries.length === 0) {
    sink.error({
      code: 'EmptyResources',
      message:
        resNode.kind === 'map' || (resNode.kind === 'scalar' && resNode.value === null)
          ? 'the Resources section is empty; CloudFormation requires at least one resource'
          : `Resources must be a mapping of logical ids to resources, not ${describeNode(resNode)}`,
      loc: resourcesEntry.keyLoc,
    });
    return undefined;
  }

  const formatVersion = readFormatVersion(get('AWSTemplateFormatVersion')?.value, sink);
  const description = readDescription(get('Description')?.value, sink);
  const metaNode = get('Metadata')?.value;
  let metadata: Record<string, unknown> = {};
  if (metaNode) {
    const plain = toPlain(metaNode);
    if (isRecord(plain)) metadata = plain;
    else sink.error({ code: 'InvalidSection', message: `Metadata must be a mapping, not ${describeNode(metaNode)}`, loc: metaNode.loc });
  }
  const rules = get('Rules');
  if (rules) {
    const count = rules.value.kind === 'map' ? rules.value.entries.length : 0;
    sink.warning({
      code: 'RulesNotChecked',
      message: `the Rules section${count ? ` (${count} rule${count === 1 ? '' : 's'})` : ''} is not evaluated by the virtual cloud: its assertions on the parameters are not checked`,
      loc: rules.keyLoc,
    });
  }
  const hooks = get('Hooks');
  if (hooks) {
    sink.warning({
      code: 'HooksNotRun',
      message: 'the Hooks section (CodeDeploy blue/green deployments) is not run by the virtual cloud',
      loc: hooks.keyLoc,
    });
  }

  const parameters = readParameters(get('Parameters')?.value, sink);
  const mappings = readMappings(get('Mappings')?.value, sink);
  const conditions = readConditions(get('Conditions')?.value, sink);
  const resources = readResources(resNode, sink);
  const outputs = readOutputs(get('Outputs')?.value, sink);

  const paramNames = new Map(parameters.map((p) => [p.name, p.loc]));
  for (const r of resources) {
    const p = paramNames.get(r.logicalId);
    if (p) {
      sink.error({
        code: 'DuplicateLogicalId',
        message: `"${r.logicalId}" names both a parameter (line ${p.line}) and a resource; logical ids must be unique in a template`,
        loc: r.loc,
        logicalId: r.logicalId,
      });
    }
  }
  if (resources.length > LIMITS.resources) {
    // A warning, not an error: large topologies (a 2,000-instance VPC) are worth analysing
    // even though one CloudFormation stack could not hold them.
    sink.warning({
      code: 'LimitExceeded',
      message: `the template declares ${resources.length} resources; CloudFormation allows at most ${LIMITS.resources} per stack, so AWS would refuse it (split it into several stacks); the virtual cloud loads it anyway`,
      loc: resourcesEntry.keyLoc,
    });
  }
  checkLimit(parameters.length, LIMITS.parameters, 'parameters', get('Parameters')?.keyLoc, sink);
  checkLimit(outputs.length, LIMITS.outputs, 'outputs', get('Outputs')?.keyLoc, sink);
  checkLimit(mappings.length, LIMITS.mappings, 'mappings', get('Mappings')?.keyLoc, sink);

  return { file, formatVersion, description, metadata, transforms, parameters, mappings, conditions, resources, outputs };
}

function checkLimit(count: number, max: number, what: string, loc: Loc | undefined, sink: DiagnosticSink): void {
  if (count > max) {
    sink.error({ code: 'LimitExceeded', message: `the template declares ${count} ${what}; CloudFormation allows at most ${max}`, loc });
  }
}


function readFormatVersion(node: TNode | undefined, sink: DiagnosticSink): string | undefined {
  if (!node) return undefined;
  const v = node.kind === 'scalar' ? scalarText(node.value) : undefined;
  if (v !== '2010-09-09') {
    sink.error({
      code: 'InvalidFormatVersion',
      message: `AWSTemplateFormatVersion is ${node.kind === 'scalar' ? `"${String(node.value)}"` : describeNode(node)}; the only version is "2010-09-09"`,
      loc: node.loc,
    });
    return undefined;
  }
  return v;
}

function readDescription(node: TNode | undefined, sink: DiagnosticSink): string | undefined {
  if (!node) return undefined;
  const v = node.kind === 'scalar' ? scalarText(node.value) : undefined;
  if (v === undefined) {
    sink.error({ code: 'InvalidSection', message: `Description must be text, not ${describeNode(node)}`, loc: node.loc });
    return undefined;
  }
  if (Buffer.byteLength(v) > LIMITS.description) {
    sink.error({
      code: 'LimitExceeded',
      message: `Description is ${Buffer.byteLength(v)} bytes long; CloudFormation allows ${LIMITS.description}`,
      loc: node.loc,
    });
  }
  return v;
}

function readTransforms(node: TNode | undefined, sink: DiagnosticSink): string[] {
  if (!node) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  const out: string[] = [];
  for (const item of items) {
    const nameNode = item.kind === 'map' ? item.entries.find((e) => e.key === 'Name')?.value : item;
    const name = nameNode?.kind === 'scalar' ? scalarText(nameNode.value) : undefined;
    if (name === undefined) {
      sink.error({ code: 'InvalidSection', message: `a Transform is a macro name, not ${describeNode(item)}`, loc: item.loc });
      continue;
    }
    out.push(name);
    sink.warning({
      code: 'TransformNotRun',
      message: transformNote(name),
      loc: item.loc,
    });
  }
  return out;
}

function transformNote(name: string): string {
  switch (name) {
    case 'AWS::LanguageExtensions':
      return 'the AWS::LanguageExtensions transform is not run; Fn::Length, Fn::ToJsonString and Fn::FindInMap defaults work without it, Fn::ForEach does not';
    case SAM_TRANSFORM:
      return 'the AWS::Serverless transform (SAM) is not run: its AWS::Serverless::* resources are kept as unmodelled resources, and what SAM would make of them (functions, APIs, roles) plays no part in checks';
    case 'AWS::Include':
      return 'the AWS::Include transform inserts a file from S3, which the virtual cloud cannot read; paste the snippet into the template instead';
    default:
      return `the ${name} transform is a macro, which the virtual cloud does not run; the template is loaded as written, so what the macro would add or change is missing`;
  }
}

function readMappings(node: TNode | undefined, sink: DiagnosticSink): TemplateMapping[] {
  if (!node) return [];
  if (node.kind !== 'map') {
    sink.error({ code: 'InvalidSection', message: `Mappings must be a mapping of map names, not ${describeNode(node)}`, loc: node.loc });
    return [];
  }
  const out: TemplateMapping[] = [];
  for (const e of node.entries) {
    if (!checkLogicalId(e.key, e.keyLoc, 'mapping', sink)) continue;
    const m = e.value;
    if (m.kind !== 'map') {
      sink.error({ code: 'InvalidMapping', message: `mapping ${e.key} must be a mapping of top-level keys, not ${describeNode(m)}`, loc: m.loc });
      continue;
    }
    let ok = true;
    for (const top of m.entries) {
      if (top.value.kind !== 'map') {
        sink.error({
          code: 'InvalidMapping',
          message: `mapping ${e.key}, key ${top.key} must hold a mapping of second-level keys to values, not ${describeNode(top.value)}`,
          loc: top.value.loc,
        });
        ok = false;
        continue;
      }
      for (const second of top.value.entries) {
        const fn = findIntrinsic(second.value);
        if (fn) {
          sink.error({
            code: 'InvalidMapping',
            message: `mapping ${e.key}: values are literal; ${fn} cannot be used inside Mappings`,
            loc: fn === 'a null value' ? second.keyLoc : second.value.loc,
          });
          ok = false;
        }
      }
    }
    if (ok) out.push({ name: e.key, loc: e.keyLoc, node: m });
  }
  return out;
}

/** The first intrinsic function (or null) inside a literal value, for error messages. */
function findIntrinsic(node: TNode): string | undefined {
  if (node.kind === 'scalar') return node.value === null ? 'a null value' : undefined;
  if (node.kind === 'seq') {
    for (const i of node.items) {
      const f = findIntrinsic(i);
      if (f) return f;
    }
    return undefined;
  }
  for (const e of node.entries) {
    if (e.key === 'Ref' || e.key.startsWith('Fn::')) return e.key;
    const f = findIntrinsic(e.value);
    if (f) return f;
  }
  return undefined;
}

function readConditions(node: TNode | undefined, sink: DiagnosticSink): TemplateCondition[] {
  if (!node) return [];
  if (node.kind !== 'map') {
    sink.error({ code: 'InvalidSection', message: `Conditions must be a mapping of condition names, not ${describeNode(node)}`, loc: node.loc });
    return [];
  }
  return node.entries.map((e) => ({ name: e.key, loc: e.keyLoc, node: e.value }));
}

function readResources(node: TMap, sink: DiagnosticSink): TemplateResource[] {
  const out: TemplateResource[] = [];
  for (const e of node.entries) {
    if (e.key.startsWith('Fn::ForEach::') || e.key === 'Fn::Transform') {
      sink.error({
        code: 'UnsupportedTransform',
        message:
          e.key === 'Fn::Transform'
            ? 'Fn::Transform here runs a macro (such as AWS::Include) that adds resources; the virtual cloud runs no macros, so write the resources out'
            : `${e.key} is a loop of the AWS::LanguageExtensions transform, which the virtual cloud does not run; write out the resources it would make`,
        loc: e.keyLoc,
      });
      continue;
    }
    if (!checkLogicalId(e.key, e.keyLoc, 'resource', sink)) continue;
    const r = readResource(e.key, e.keyLoc, e.value, sink);
    if (r) out.push(r);
  }
  return out;
}

function readResource(logicalId: string, loc: Loc, node: TNode, sink: DiagnosticSink): TemplateResource | undefined {
  const err = (code: string, message: string, at: Loc, path?: string) => sink.error({ code, message, loc: at, logicalId, path });
  if (node.kind !== 'map') {
    err('InvalidResource', `a resource must be a mapping with a Type, not ${describeNode(node)}`, loc);
    return undefined;
  }
  for (const e of node.entries) {
    if (!(RESOURCE_ATTRIBUTES as readonly string[]).includes(e.key)) {
      err(
        'UnknownResourceAttribute',
        `unknown resource attribute ${e.key}${didYouMean(e.key, RESOURCE_ATTRIBUTES)} (attributes are ${RESOURCE_ATTRIBUTES.join(', ')}; resource settings go under Properties)`,
        e.keyLoc,
      );
    }
  }
  const attr = (key: string) => node.entries.find((e) => e.key === key);
  const typeEntry = attr('Type');
  if (!typeEntry) {
    err('MissingType', 'the resource has no Type; give one such as AWS::EC2::VPC', loc);
    return undefined;
  }
  const type = typeEntry.value.kind === 'scalar' ? typeEntry.value.value : undefined;
  const rain = typeEntry.value.kind === 'map' ? typeEntry.value.entries.find((e) => e.key.startsWith('Rain::')) : undefined;
  if (rain) {
    err('InvalidType', RAIN_DIRECTIVE(`Type: {${rain.key}: …}`), typeEntry.value.loc, 'Type');
    return undefined;
  }
  if (typeof type !== 'string' || type.trim() === '') {
    err('InvalidType', `Type must be a resource type name such as AWS::EC2::Subnet, not ${describeNode(typeEntry.value)}`, typeEntry.value.loc, 'Type');
    return undefined;
  }

  let properties: TMap | undefined;
  const propsEntry = attr('Properties');
  let ok = true;
  if (propsEntry) {
    const p = propsEntry.value;
    if (p.kind === 'map') properties = p;
    else {
      err(
        p.kind === 'scalar' && p.value === null ? 'NullValue' : 'InvalidProperties',
        p.kind === 'scalar' && p.value === null
          ? "Properties is empty; CloudFormation does not allow 'null' values (remove the line or give properties)"
          : `Properties must be a mapping of property names, not ${describeNode(p)}`,
        propsEntry.keyLoc,
        'Properties',
      );
      ok = false;
    }
  }

  const dependsOn: NamedRef[] = [];
  const dep = attr('DependsOn');
  if (dep) {
    const items = dep.value.kind === 'seq' ? dep.value.items : [dep.value];
    for (const item of items) {
      const name = item.kind === 'scalar' && typeof item.value === 'string' ? item.value : undefined;
      if (name === undefined) {
        err('InvalidDependsOn', `DependsOn takes a logical id or a list of them, not ${describeNode(item)}`, item.loc, 'DependsOn');
        ok = false;
      } else dependsOn.push({ name, loc: item.loc });
    }
  }

  let condition: NamedRef | undefined;
  const cond = attr('Condition');
  if (cond) {
    if (cond.value.kind === 'scalar' && typeof cond.value.value === 'string') condition = { name: cond.value.value, loc: cond.value.loc };
    else {
      err('InvalidCondition', `Condition takes the name of a condition, not ${describeNode(cond.value)}`, cond.value.loc, 'Condition');
      ok = false;
    }
  }

  const policy = (key: string): string | undefined => {
    const e = attr(key);
    if (!e) return undefined;
    // CloudFormation resolves Ref and Fn::If here; the virtual cloud deletes nothing, so it keeps them unread.
    if (e.value.kind === 'map' && e.value.entries.some((x) => x.key === 'Ref' || x.key.startsWith('Fn::'))) return undefined;
    const v = e.value.kind === 'scalar' ? scalarText(e.value.value) : undefined;
    if (v === undefined || !POLICIES.includes(v)) {
      err('InvalidPolicy', `${key} must be one of ${POLICIES.join(', ')}, not ${describeNode(e.value)}`, e.value.loc, key);
      return undefined;
    }
    return v;
  };
  const metadata = attr('Metadata')?.value;
  if (metadata && metadata.kind !== 'map') {
    err('InvalidMetadata', `Metadata must be a mapping, not ${describeNode(metadata)}`, metadata.loc, 'Metadata');
  }

  const resource: TemplateResource = {
    logicalId,
    loc,
    type: type.trim(),
    typeLoc: typeEntry.value.loc,
    properties,
    dependsOn,
    condition,
    metadata: metadata?.kind === 'map' ? metadata : undefined,
    deletionPolicy: policy('DeletionPolicy'),
    updateReplacePolicy: policy('UpdateReplacePolicy'),
    creationPolicy: attr('CreationPolicy')?.value,
    updatePolicy: attr('UpdatePolicy')?.value,
    node,
    declarationErrors: !ok,
  };
  return resource;
}

function readOutputs(node: TNode | undefined, sink: DiagnosticSink): TemplateOutput[] {
  if (!node) return [];
  if (node.kind !== 'map') {
    sink.error({ code: 'InvalidSection', message: `Outputs must be a mapping of output names, not ${describeNode(node)}`, loc: node.loc });
    return [];
  }
  const out: TemplateOutput[] = [];
  for (const e of node.entries) {
    if (!checkLogicalId(e.key, e.keyLoc, 'output', sink)) continue;
    const o = e.value;
    const err = (message: string, at: Loc) => sink.error({ code: 'InvalidOutput', message: `output ${e.key}: ${message}`, loc: at });
    if (o.kind !== 'map') {
      err(`an output must be a mapping with a Value, not ${describeNode(o)}`, o.loc);
      continue;
    }
    for (const a of o.entries) {
      if (!OUTPUT_ATTRIBUTES.includes(a.key)) err(`unknown attribute ${a.key}${didYouMean(a.key, OUTPUT_ATTRIBUTES)} (attributes are ${OUTPUT_ATTRIBUTES.join(', ')})`, a.keyLoc);
    }
    const value = o.entries.find((a) => a.key === 'Value')?.value;
    if (!value) {
      err('has no Value', e.keyLoc);
      continue;
    }
    const descNode = o.entries.find((a) => a.key === 'Description')?.value;
    const description = descNode?.kind === 'scalar' ? scalarText(descNode.value) : undefined;
    if (descNode && description === undefined) err(`Description must be text, not ${describeNode(descNode)}`, descNode.loc);
    let exportName: TNode | undefined;
    const exp = o.entries.find((a) => a.key === 'Export')?.value;
    if (exp) {
      const name = exp.kind === 'map' ? exp.entries.find((a) => a.key === 'Name')?.value : undefined;
      if (!name || exp.kind !== 'map' || exp.entries.length !== 1) err('Export must be a mapping with one key, Name', exp.loc);
      else exportName = name;
    }
    const condNode = o.entries.find((a) => a.key === 'Condition')?.value;
    let condition: NamedRef | undefined;
    if (condNode) {
      if (condNode.kind === 'scalar' && typeof condNode.value === 'string') condition = { name: condNode.value, loc: condNode.loc };
      else err(`Condition takes the name of a condition, not ${describeNode(condNode)}`, condNode.loc);
    }
    out.push({ logicalId: e.key, loc: e.keyLoc, value, description, exportName, condition });
  }
  return out;
}
