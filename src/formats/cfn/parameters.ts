import type { Loc, Template, TemplateParameter } from './model.js';
import { parameterKind, resourceParameterType } from './parameter-types.js';
import { testPattern } from './pattern.js';
import type { ParamValue } from './scope.js';
import type { DiagnosticSink } from './sink.js';
import { didYouMean } from './suggest.js';
import { BAD } from './values.js';

export interface ParameterInput {
  /** Values given on the command line (`--param Key=Value`), always text. */
  overrides?: Record<string, string>;
  availabilityZones: string[];
  region: string;
  /**
   * The physical id of the resource of `resourceType` a parameter value names (a logical id
   * of another stack of the submission, qualified or not, or a physical id), or why none.
   */
  resourceParameter?(resourceType: string, value: string): { id: string } | { error: string };
}

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * The value of every declared parameter: the override, else the Default, checked against
 * the parameter's type and constraints. A parameter without a valid value maps to BAD (its
 * error is reported here once; references to it stay quiet).
 */
export function resolveParameters(
  template: Template,
  input: ParameterInput,
  sink: DiagnosticSink,
): Map<string, ParamValue | typeof BAD> {
  const out = new Map<string, ParamValue | typeof BAD>();
  const overrides = input.overrides ?? {};
  const declared = template.parameters.map((p) => p.name);
  for (const key of Object.keys(overrides)) {
    if (!declared.includes(key)) {
      sink.error({
        code: 'UnknownParameter',
        message: `--param ${key}: the template declares no parameter ${key}${didYouMean(key, declared)}${declared.length ? ` (its parameters are ${declared.join(', ')})` : ' (it declares none)'}`,
      });
    }
  }
  for (const p of template.parameters) out.set(p.name, resolveOne(p, overrides, input, sink));
  return out;
}

function resolveOne(
  p: TemplateParameter,
  overrides: Record<string, string>,
  input: ParameterInput,
  sink: DiagnosticSink,
): ParamValue | typeof BAD {
  const kind = parameterKind(p.type);
  if (!kind) return BAD; // reported when the template was read
  const given = Object.prototype.hasOwnProperty.call(overrides, p.name) ? String(overrides[p.name]) : undefined;
  let raw = given ?? p.default;
  if (raw === undefined) {
    const standIn = standInValue(p.type, input);
    if (standIn !== undefined) {
      sink.warning({
        code: 'ParameterStandIn',
        message: `parameter ${p.name} (${p.type}) has no value; the virtual cloud uses "${standIn.value}", ${standIn.why} (give another with --param ${p.name}=…)`,
        loc: p.loc,
      });
      raw = standIn.value;
    }
  }
  const loc: Loc = given === undefined && p.defaultLoc ? p.defaultLoc : p.loc;
  const source = given === undefined ? 'its Default' : `--param ${p.name}`;
  const fail = (message: string): typeof BAD => {
    sink.error({ code: 'InvalidParameterValue', message: `parameter ${p.name}: ${message}`, loc });
    return BAD;
  };
  if (raw === undefined) {
    sink.error({
      code: 'MissingParameterValue',
      message: resourceParameterType(p.type)
        ? `parameter ${p.name} (${p.type}) has no value; it names a resource that already exists, such as one another stack of the submission creates (${input.region}/network.yaml beside this one): give its logical or physical id with --param ${p.name}=…`
        : `parameter ${p.name} has no value; give one with --param ${p.name}=…`,
      loc: p.loc,
    });
    return BAD;
  }
  if (kind.ssm) {
    sink.warning({
      code: 'SsmParameterNotResolved',
      message: `parameter ${p.name} is read from Systems Manager in AWS; the virtual cloud has no Parameter Store and uses the value "${raw}" as it is`,
      loc: p.loc,
    });
  }
  const values = kind.list ? (raw.trim() === '' ? [] : raw.split(',').map((v) => v.trim())) : [raw];
  let ok = true;
  for (const v of values) {
    const problem = checkValue(p, kind.numeric, v, input);
    if (problem) {
      fail(`${kind.list ? `the item "${v}" of ` : ''}${source} ${kind.list ? '' : `"${v}" `}${problem}`);
      ok = false;
    }
  }
  if (!ok) return BAD;
  const resourceType = resourceParameterType(p.type);
  if (resourceType && input.resourceParameter && !kind.ssm) {
    const ids: string[] = [];
    for (const v of values) {
      const found = input.resourceParameter(resourceType, v);
      if ('error' in found) {
        fail(`${source} "${v}" ${found.error}`);
        ok = false;
      } else ids.push(found.id);
    }
    if (!ok) return BAD;
    return kind.list ? ids : ids[0];
  }
  return kind.list ? values : raw;
}

/** What is wrong with one value, or undefined. */
function checkValue(p: TemplateParameter, numeric: boolean, v: string, input: ParameterInput): string | undefined {
  const why = p.constraintDescription ? ` (${p.constraintDescription})` : '';
  if (numeric) {
    if (!NUMBER.test(v)) return 'is not a number';
    const n = Number(v);
    if (p.minValue !== undefined && n < p.minValue) return `is below its MinValue ${p.minValue}${why}`;
    if (p.maxValue !== undefined && n > p.maxValue) return `is above its MaxValue ${p.maxValue}${why}`;
  } else {
    if (p.minLength !== undefined && v.length < p.minLength) return `is shorter than its MinLength ${p.minLength}${why}`;
    if (p.maxLength !== undefined && v.length > p.maxLength) return `is longer than its MaxLength ${p.maxLength}${why}`;
  }
  if (p.allowedValues && !p.allowedValues.includes(v)) {
    return `is not one of its AllowedValues (${p.allowedValues.join(', ')})${why}`;
  }
  if (p.allowedPattern !== undefined) {
    const r = testPattern(p.allowedPattern, v);
    if (r === 'no-match') return `does not match its AllowedPattern ${p.allowedPattern}${why}`;
    if (r === 'unreadable') return `cannot be checked: its AllowedPattern ${p.allowedPattern} is not a regular expression the virtual cloud can read`;
    if (r === 'too-slow') return `cannot be checked: its AllowedPattern ${p.allowedPattern} takes too long to evaluate; simplify it`;
  }
  if (parameterKind(p.type)?.zone && !input.availabilityZones.includes(v)) {
    return `is not an availability zone of ${input.region}${input.availabilityZones.length ? ` (${input.availabilityZones.join(', ')})` : ''}`;
  }
  return undefined;
}

/**
 * A value for AWS-specific parameter types that name things the virtual cloud does not
 * model (key pairs, images) or can choose itself (zones), so a real template with such a
 * parameter and no Default still loads. Types that name network resources (VPC, subnet,
 * security group ids) have no stand-in: the template must say which.
 */
function standInValue(type: string, input: ParameterInput): { value: string; why: string } | undefined {
  const ignored = 'which plays no part in the network';
  switch (type) {
    case 'AWS::EC2::KeyPair::KeyName':
      return { value: 'cloudlab-key', why: ignored };
    case 'AWS::EC2::Image::Id':
    case 'List<AWS::EC2::Image::Id>':
      return { value: 'ami-0123456789abcdef0', why: ignored };
    case 'AWS::EC2::AvailabilityZone::Name':
      return input.availabilityZones.length ? { value: input.availabilityZones[0], why: `the first zone of ${input.region}` } : undefined;
    case 'List<AWS::EC2::AvailabilityZone::Name>':
      // Every zone, as Fn::GetAZs gives them, so `!Select [2, !Ref Zones]` of a three-zone template works.
      return input.availabilityZones.length ? { value: input.availabilityZones.join(','), why: `every zone of ${input.region}, as Fn::GetAZs gives them` } : undefined;
    default:
      return undefined;
  }
}
