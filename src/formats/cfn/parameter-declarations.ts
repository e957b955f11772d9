import type { Loc, TemplateParameter, TNode } from './model.js';
import { parameterKind, PLAIN_PARAMETER_TYPES } from './parameter-types.js';
import { checkLogicalId } from './logical-id.js';
import type { DiagnosticSink } from './sink.js';
import { didYouMean } from './suggest.js';
import { describeNode, scalarText } from './values.js';

/** The Parameters section: each declaration read and checked (values come later, in parameters.ts). */

const PARAMETER_ATTRIBUTES = [
  'Type',
  'Default',
  'Description',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'MinLength',
  'MaxLength',
  'MinValue',
  'MaxValue',
  'NoEcho',
];

export function readParameters(node: TNode | undefined, sink: DiagnosticSink): TemplateParameter[] {
  if (!node) return [];
  if (node.kind !== 'map') {
    sink.error({ code: 'InvalidSection', message: `Parameters must be a mapping of parameter names, not ${describeNode(node)}`, loc: node.loc });
    return [];
  }
  const out: TemplateParameter[] = [];
  for (const e of node.entries) {
    if (!checkLogicalId(e.key, e.keyLoc, 'parameter', sink)) continue;
    const p = readParameter(e.key, e.keyLoc, e.value, sink);
    if (p) out.push(p);
  }
  return out;
}

function readParameter(name: string, loc: Loc, node: TNode, sink: DiagnosticSink): TemplateParameter | undefined {
  const where = `parameter ${name}`;
  if (node.kind !== 'map') {
    sink.error({ code: 'InvalidParameter', message: `${where} must be a mapping with at least a Type, not ${describeNode(node)}`, loc });
    return undefined;
  }
  const fail = (message: string, at: Loc) => {
    sink.error({ code: 'InvalidParameter', message: `${where}: ${message}`, loc: at });
  };
  for (const e of node.entries) {
    if (!PARAMETER_ATTRIBUTES.includes(e.key)) {
      fail(`unknown attribute ${e.key}${didYouMean(e.key, PARAMETER_ATTRIBUTES)} (attributes are ${PARAMETER_ATTRIBUTES.join(', ')})`, e.keyLoc);
    }
  }
  const attr = (key: string) => node.entries.find((e) => e.key === key);
  const typeEntry = attr('Type');
  const type = typeEntry?.value.kind === 'scalar' ? scalarText(typeEntry.value.value) : undefined;
  if (!typeEntry || type === undefined) {
    fail('has no Type; give one such as String, Number or CommaDelimitedList', typeEntry?.value.loc ?? loc);
    return undefined;
  }
  if (!parameterKind(type)) {
    fail(`unknown Type ${type}${didYouMean(type, PLAIN_PARAMETER_TYPES)}`, typeEntry.value.loc);
    return undefined;
  }
  const text = (key: string): string | undefined => {
    const e = attr(key);
    if (!e) return undefined;
    const v = e.value.kind === 'scalar' ? scalarText(e.value.value) : undefined;
    if (v === undefined) fail(`${key} must be text, not ${describeNode(e.value)}`, e.value.loc);
    return v;
  };
  const integer = (key: string, whole: boolean): number | undefined => {
    const e = attr(key);
    if (!e) return undefined;
    const raw = e.value.kind === 'scalar' ? e.value.value : undefined;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) {
      fail(`${key} must be ${whole ? 'a whole number' : 'a number'}, not ${describeNode(e.value)}`, e.value.loc);
      return undefined;
    }
    return n;
  };

  const defEntry = attr('Default');
  let def: string | undefined;
  if (defEntry) {
    const v = defEntry.value;
    if (v.kind === 'seq' && v.items.every((i) => i.kind === 'scalar' && scalarText(i.value) !== undefined)) {
      def = v.items.map((i) => scalarText((i as { value: unknown }).value)).join(',');
    } else if (v.kind === 'scalar' && scalarText(v.value) !== undefined) {
      def = scalarText(v.value);
    } else {
      fail(`Default must be a literal value, not ${describeNode(v)}`, v.loc);
    }
  }

  let allowedValues: string[] | undefined;
  const av = attr('AllowedValues');
  if (av) {
    if (av.value.kind === 'seq' && av.value.items.every((i) => i.kind === 'scalar' && scalarText(i.value) !== undefined)) {
      allowedValues = av.value.items.map((i) => scalarText((i as { value: unknown }).value) as string);
    } else {
      fail(`AllowedValues must be a list of values, not ${describeNode(av.value)}`, av.value.loc);
    }
  }

  const noEchoEntry = attr('NoEcho');
  let noEcho = false;
  if (noEchoEntry) {
    const v = noEchoEntry.value.kind === 'scalar' ? noEchoEntry.value.value : undefined;
    if (v === true || v === 'true' || v === 'True') noEcho = true;
    else if (!(v === false || v === 'false' || v === 'False')) fail(`NoEcho must be true or false, not ${describeNode(noEchoEntry.value)}`, noEchoEntry.value.loc);
  }

  const param: TemplateParameter = {
    name,
    loc,
    type,
    typeLoc: typeEntry.value.loc,
    default: def,
    defaultLoc: defEntry?.value.loc,
    allowedValues,
    allowedPattern: text('AllowedPattern'),
    constraintDescription: text('ConstraintDescription'),
    description: text('Description'),
    minLength: integer('MinLength', true),
    maxLength: integer('MaxLength', true),
    minValue: integer('MinValue', false),
    maxValue: integer('MaxValue', false),
    noEcho,
  };
  return param;
}
