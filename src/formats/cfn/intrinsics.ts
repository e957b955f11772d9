import { INTRINSIC_FORMS } from './forms.js';
import { cidrBlocks } from './cidr.js';
import { child, type Loc, type TMap, type TNode } from './model.js';
import { isPseudo, PSEUDO_PARAMETERS, type EvalScope } from './scope.js';
import { parseSub } from './sub.js';
import { didYouMean } from './suggest.js';
import { modelledType } from './types.js';
import { BAD, describeNode, describeValue, isRecord, NO_VALUE, scalarText } from './values.js';

/** The name of the intrinsic function a map stands for, if it is one (`Ref`, `Fn::…`). */
export function intrinsicName(node: TNode): string | undefined {
  if (node.kind !== 'map' || node.entries.length === 0) return undefined;
  const fn = node.entries.find((e) => e.key === 'Ref' || e.key.startsWith('Fn::'));
  return fn?.key;
}

/**
 * Evaluates template values: resolves every intrinsic function to a plain value. Errors are
 * reported through the scope at the function's position and yield BAD, so one pass finds
 * every problem in a resource rather than stopping at the first.
 */
export class Evaluator {
  constructor(private readonly scope: EvalScope) {}

  evaluate(node: TNode): unknown {
    switch (node.kind) {
      case 'scalar':
        if (node.value === null) {
          this.error('NullValue', "a value is missing here; CloudFormation does not allow 'null' values", node.loc);
          return BAD;
        }
        return node.value;
      case 'seq': {
        const out: unknown[] = [];
        let bad = false;
        for (const item of node.items) {
          const v = this.evaluate(item);
          if (v === BAD) bad = true;
          else if (v !== NO_VALUE) out.push(v);
        }
        return bad ? BAD : out;
      }
      case 'map': {
        const fn = intrinsicName(node);
        if (fn !== undefined) {
          if (node.entries.length > 1) {
            const other = node.entries.find((e) => e.key !== fn)!;
            this.error('InvalidIntrinsic', `${fn} must be the only key of its mapping, but ${other.key} is next to it`, other.keyLoc);
            return BAD;
          }
          return this.call(fn, node.entries[0].value, node.entries[0].keyLoc);
        }
        const out: [string, unknown][] = [];
        let bad = false;
        for (const e of node.entries) {
          const v = this.evaluate(e.value);
          if (v === BAD) bad = true;
          else if (v !== NO_VALUE) out.push([e.key, v]);
        }
        return bad ? BAD : Object.fromEntries(out);
      }
    }
  }

  /** Evaluates a condition expression (Conditions section, Fn::If, Fn::And …). */
  condition(node: TNode): boolean | typeof BAD {
    const fn = node.kind === 'map' && node.entries.length === 1 ? node.entries[0].key : undefined;
    const arg = node.kind === 'map' ? node.entries[0]?.value : undefined;
    if (fn === 'Condition' && arg) return this.conditionRef(arg);
    if ((fn === 'Fn::Equals' || fn === 'Fn::And' || fn === 'Fn::Or' || fn === 'Fn::Not') && arg) {
      const v = this.call(fn, arg, node.loc);
      return v === BAD ? BAD : (v as boolean);
    }
    this.error(
      'InvalidCondition',
      `a condition is one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, not ${fn ?? describeNode(node)}`,
      node.loc,
    );
    return BAD;
  }

  private error(code: string, message: string, loc: Loc): void {
    this.scope.report(code, message, loc);
  }

  /** Reports the expected form of a function and returns BAD. */
  private form(fn: string, loc: Loc, found?: string): typeof BAD {
    this.error('InvalidIntrinsic', `${INTRINSIC_FORMS[fn] ?? fn}${found ? `; here it has ${found}` : ''}`, loc);
    return BAD;
  }

  private list(fn: string, arg: TNode, min: number, max: number): readonly TNode[] | undefined {
    if (arg.kind !== 'seq') {
      this.form(fn, arg.loc, arg.kind === 'map' ? 'a mapping' : describeValue(arg.value));
      return undefined;
    }
    if (arg.items.length < min || arg.items.length > max) {
      this.form(fn, arg.loc, `${arg.items.length} item${arg.items.length === 1 ? '' : 's'}`);
      return undefined;
    }
    return arg.items;
  }

  private text(v: unknown, what: string, loc: Loc): string | typeof BAD {
    if (v === BAD) return BAD;
    const s = scalarText(v);
    if (s !== undefined) return s;
    this.error('InvalidIntrinsic', `${what} must be text, not ${v === NO_VALUE ? 'AWS::NoValue' : describeValue(v)}`, loc);
    return BAD;
  }

  private integer(v: unknown, what: string, loc: Loc): number | typeof BAD {
    if (v === BAD) return BAD;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n)) return n;
    this.error('InvalidIntrinsic', `${what} must be a whole number, not ${describeValue(v)}`, loc);
    return BAD;
  }

  private call(fn: string, arg: TNode, loc: Loc): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(arg);
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Select':
        return this.select(arg);
      case 'Fn::GetAZs':
        return this.getAZs(arg);
      case 'Fn::Join':
        return this.join(arg);
      case 'Fn::Split':
        return this.split(arg);
      case 'Fn::FindInMap':
        return this.findInMap(arg);
      case 'Fn::If':
        return this.if(arg);
      case 'Fn::Equals':
        return this.equals(arg);
      case 'Fn::Not': {
        const items = this.list(fn, arg, 1, 1);
        if (!items) return BAD;
        const c = this.condition(items[0]);
        return c === BAD ? BAD : !c;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const items = this.list(fn, arg, 2, 10);
        if (!items) return BAD;
        const values = items.map((i) => this.condition(i));
        if (values.includes(BAD)) return BAD;
        return fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'Fn::Base64': {
        const v = this.text(this.evaluate(arg), 'the value of Fn::Base64', arg.loc);
        return v === BAD ? BAD : Buffer.from(v, 'utf8').toString('base64');
      }
      case 'Fn::Cidr':
        return this.cidr(arg);
      case 'Fn::ImportValue':
        return this.importValue(arg);
      case 'Fn::Length': {
        const v = this.evaluate(arg);
        if (v === BAD) return BAD;
        if (Array.isArray(v)) return v.length;
        return this.form(fn, arg.loc, describeValue(v));
      }
      case 'Fn::ToJsonString': {
        const v = this.evaluate(arg);
        if (v === BAD) return BAD;
        if (typeof v === 'object' && v !== null) return JSON.stringify(v);
        return this.form(fn, arg.loc, describeValue(v));
      }
      default:
        return this.unsupported(fn, arg, loc);
    }
  }

  private unsupported(fn: string, arg: TNode, loc: Loc): typeof BAD {
    const rules = ['Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::RefAll', 'Fn::ValueOf', 'Fn::ValueOfAll'];
    let message: string;
    if (rules.includes(fn)) {
      message = `${fn} is a function of the Rules section; CloudFormation allows it only inside Rules`;
    } else if (fn === 'Fn::Transform') {
      const nameNode = arg.kind === 'map' ? child(arg, 'Name') : undefined;
      const name = nameNode?.kind === 'scalar' ? scalarText(nameNode.value) : undefined;
      message = `Fn::Transform runs the macro ${name ?? '(no Name)'} in AWS; the virtual cloud runs no macros, so write here the value the macro would produce`;
    } else if (fn.startsWith('Fn::ForEach')) {
      message = `${fn} is expanded by the AWS::LanguageExtensions transform, which the virtual cloud does not run; write the resources out one by one`;
    } else {
      message = `unknown intrinsic function ${fn}${didYouMean(fn, Object.keys(INTRINSIC_FORMS))}`;
    }
    this.error('UnsupportedIntrinsic', message, loc);
    return BAD;
  }

  private ref(arg: TNode): unknown {
    const name = arg.kind === 'scalar' && typeof arg.value === 'string' ? arg.value : undefined;
    if (name === undefined) return this.form('Ref', arg.loc, arg.kind === 'scalar' ? describeValue(arg.value) : `a ${arg.kind === 'seq' ? 'list' : 'mapping'}`);
    return this.lookup(name, arg.loc, 'Ref');
  }

  /** The value a name stands for in Ref and in ${Name} of Fn::Sub. */
  private lookup(name: string, loc: Loc, via: 'Ref' | 'Fn::Sub'): unknown {
    const s = this.scope;
    if (name.startsWith('AWS::')) {
      if (isPseudo(name)) return this.pseudo(name);
      this.error('UnknownReference', `${name} is not a pseudo parameter${didYouMean(name, PSEUDO_PARAMETERS)} (they are ${PSEUDO_PARAMETERS.join(', ')})`, loc);
      return BAD;
    }
    const p = s.params.get(name);
    if (p !== undefined) return Array.isArray(p) ? [...p] : p;
    if (s.resourceType(name) !== undefined) {
      if (!s.allowResources) {
        this.error('InvalidReference', `conditions can refer only to parameters and pseudo parameters, not to the resource ${name}`, loc);
        return BAD;
      }
      const r = s.resource(name);
      if (r?.status === 'created') return r.ref;
      if (r?.status === 'excluded') return this.excluded(name, r.condition, loc);
      return BAD;
    }
    const candidates = [...s.params.keys(), ...(s.allowResources ? s.resourceNames() : []), ...PSEUDO_PARAMETERS];
    this.error(
      'UnknownReference',
      `${via} to "${name}", which is neither a parameter${s.allowResources ? ', a resource' : ''} nor a pseudo parameter${didYouMean(name, candidates)}`,
      loc,
    );
    return BAD;
  }

  private excluded(name: string, condition: string, loc: Loc): typeof BAD {
    this.error(
      'ConditionalReference',
      `${name} is left out because its condition ${condition} is false, so it cannot be referenced here (wrap the reference in !If [${condition}, …, !Ref AWS::NoValue])`,
      loc,
    );
    return BAD;
  }

  private pseudo(name: string): unknown {
    const s = this.scope;
    switch (name) {
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::Region':
        return s.region;
      case 'AWS::AccountId':
        return s.accountId;
      case 'AWS::StackName':
        return s.stackName;
      case 'AWS::StackId':
        return s.stackId;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::NotificationARNs':
        return [];
      default:
        return BAD;
    }
  }

  private getAtt(arg: TNode): unknown {
    let id: string | undefined;
    let attr: unknown;
    let attrLoc = arg.loc;
    if (arg.kind === 'scalar' && typeof arg.value === 'string' && arg.value.includes('.')) {
      const dot = arg.value.indexOf('.');
      id = arg.value.slice(0, dot);
      attr = arg.value.slice(dot + 1);
    } else if (arg.kind === 'seq' && arg.items.length === 2) {
      const [a, b] = arg.items;
      id = a.kind === 'scalar' && typeof a.value === 'string' ? a.value : undefined;
      attr = this.evaluate(b);
      attrLoc = b.loc;
    }
    if (!id) return this.form('Fn::GetAtt', arg.loc, arg.kind === 'seq' ? `${arg.items.length} items` : undefined);
    const attrName = this.text(attr, 'the attribute name of Fn::GetAtt', attrLoc);
    if (attrName === BAD) return BAD;
    return this.attribute(id, attrName, arg.loc, 'Fn::GetAtt');
  }

  private attribute(id: string, attr: string, loc: Loc, via: string): unknown {
    const s = this.scope;
    const r = s.resource(id);
    if (s.resourceType(id) === undefined || !s.allowResources) {
      const isParam = s.params.has(id);
      this.error(
        isParam ? 'InvalidReference' : 'UnknownReference',
        !s.allowResources
          ? `conditions cannot read attributes of resources (${via} ${id}.${attr})`
          : isParam
            ? `${via} reads attributes of resources, and ${id} is a parameter; use Ref for its value`
            : `${via} names "${id}", which is not a resource of this template${didYouMean(id, s.resourceNames())}`,
        loc,
      );
      return BAD;
    }
    const type = s.resourceType(id) ?? '';
    const modelled = modelledType(type);
    if (modelled && !modelled.attributes.includes(attr)) {
      this.error(
        'UnknownAttribute',
        `${type} has no attribute ${attr}${didYouMean(attr, modelled.attributes)} (its attributes are ${modelled.attributes.join(', ')})`,
        loc,
      );
      return BAD;
    }
    if (r?.status === 'excluded') return this.excluded(id, r.condition, loc);
    if (r?.status !== 'created') return BAD;
    const value = readAttribute(r.attributes, attr);
    if (value === undefined) {
      const has = Object.keys(r.attributes);
      this.error(
        'UnknownAttribute',
        `${id} (${type}) has no attribute ${attr}${has.length ? `; it has ${has.join(', ')}` : '; it has no attributes'}`,
        loc,
      );
      return BAD;
    }
    return value;
  }

  private sub(arg: TNode): unknown {
    let textNode: TNode = arg;
    let vars: TMap | undefined;
    if (arg.kind === 'seq') {
      if (arg.items.length !== 2 || arg.items[1].kind !== 'map') {
        return this.form('Fn::Sub', arg.loc, arg.items.length !== 2 ? `${arg.items.length} items` : 'no mapping of variables');
      }
      textNode = arg.items[0];
      vars = arg.items[1];
    }
    if (textNode.kind !== 'scalar' || typeof textNode.value !== 'string') {
      return this.form('Fn::Sub', textNode.loc, textNode.kind === 'scalar' ? describeValue(textNode.value) : `a ${textNode.kind === 'seq' ? 'list' : 'mapping'}`);
    }
    const values = new Map<string, unknown>();
    for (const e of vars?.entries ?? []) values.set(e.key, this.evaluate(e.value));
    let out = '';
    let bad = false;
    for (const part of parseSub(textNode.value)) {
      if ('literal' in part) {
        out += part.literal;
        continue;
      }
      let v: unknown;
      if (values.has(part.name)) v = values.get(part.name);
      else if (part.name.includes('.') && !part.name.startsWith('AWS::')) {
        const dot = part.name.indexOf('.');
        v = this.attribute(part.name.slice(0, dot), part.name.slice(dot + 1), textNode.loc, 'Fn::Sub');
      } else v = this.lookup(part.name, textNode.loc, 'Fn::Sub');
      if (v === BAD) {
        bad = true;
        continue;
      }
      const s = scalarText(v);
      if (s === undefined) {
        this.error(
          'InvalidIntrinsic',
          `\${${part.name}} in Fn::Sub is ${v === NO_VALUE ? 'AWS::NoValue' : describeValue(v)}; only text can be substituted${Array.isArray(v) ? ' (join a list first with Fn::Join)' : ''}`,
          textNode.loc,
        );
        bad = true;
        continue;
      }
      out += s;
    }
    return bad ? BAD : out;
  }

  private select(arg: TNode): unknown {
    const items = this.list('Fn::Select', arg, 2, 2);
    if (!items) return BAD;
    const index = this.integer(this.evaluate(items[0]), 'the index of Fn::Select', items[0].loc);
    const list = this.evaluate(items[1]);
    if (index === BAD || list === BAD) return BAD;
    if (!Array.isArray(list)) return this.form('Fn::Select', items[1].loc, `${describeValue(list)} where the list should be`);
    if (index < 0 || index >= list.length) {
      this.error(
        'InvalidIntrinsic',
        `Fn::Select index ${index} is out of range: the list has ${list.length} item${list.length === 1 ? '' : 's'} (indexes 0 to ${list.length - 1})`,
        items[0].loc,
      );
      return BAD;
    }
    return list[index];
  }

  private getAZs(arg: TNode): unknown {
    let region: unknown = arg.kind === 'scalar' && arg.value === null ? '' : this.evaluate(arg);
    if (region === BAD) return BAD;
    const name = this.text(region, 'the region of Fn::GetAZs', arg.loc);
    if (name === BAD) return BAD;
    region = name === '' ? this.scope.region : name;
    const zones = this.scope.availabilityZones(region as string);
    if (zones.length === 0) {
      this.error('InvalidIntrinsic', `Fn::GetAZs: "${String(region)}" is not a region of the virtual cloud`, arg.loc);
      return BAD;
    }
    return zones;
  }

  private join(arg: TNode): unknown {
    const items = this.list('Fn::Join', arg, 2, 2);
    if (!items) return BAD;
    const delimiter = this.text(this.evaluate(items[0]), 'the delimiter of Fn::Join', items[0].loc);
    const list = this.evaluate(items[1]);
    if (delimiter === BAD || list === BAD) return BAD;
    if (!Array.isArray(list)) return this.form('Fn::Join', items[1].loc, `${describeValue(list)} where the list should be`);
    const parts: string[] = [];
    for (const v of list) {
      const s = this.text(v, 'each value joined by Fn::Join', items[1].loc);
      if (s === BAD) return BAD;
      parts.push(s);
    }
    return parts.join(delimiter);
  }

  private split(arg: TNode): unknown {
    const items = this.list('Fn::Split', arg, 2, 2);
    if (!items) return BAD;
    const delimiter = this.text(this.evaluate(items[0]), 'the delimiter of Fn::Split', items[0].loc);
    const source = this.text(this.evaluate(items[1]), 'the string split by Fn::Split', items[1].loc);
    if (delimiter === BAD || source === BAD) return BAD;
    if (delimiter === '') {
      this.error('InvalidIntrinsic', 'the delimiter of Fn::Split is empty; give at least one character', items[0].loc);
      return BAD;
    }
    return source.split(delimiter);
  }

  private findInMap(arg: TNode): unknown {
    const items = this.list('Fn::FindInMap', arg, 3, 4);
    if (!items) return BAD;
    let fallback: TNode | undefined;
    if (items.length === 4) {
      const opts = items[3];
      fallback = opts.kind === 'map' ? child(opts, 'DefaultValue') : undefined;
      if (!fallback) return this.form('Fn::FindInMap', opts.loc, 'a fourth item that is not {DefaultValue: …}');
    }
    const keys = items.slice(0, 3).map((n, i) => this.text(this.evaluate(n), ['the map name', 'the top-level key', 'the second-level key'][i] + ' of Fn::FindInMap', n.loc));
    if (keys.includes(BAD)) return BAD;
    const [mapName, top, second] = keys as string[];
    const miss = (message: string, loc: Loc): unknown => {
      if (fallback) return this.evaluate(fallback);
      this.error('MappingKeyNotFound', message, loc);
      return BAD;
    };
    const map = this.scope.mappings.get(mapName);
    if (!map) {
      this.error('MappingNotFound', `Fn::FindInMap: there is no mapping named ${mapName}${didYouMean(mapName, [...this.scope.mappings.keys()])}`, items[0].loc);
      return BAD;
    }
    const topNode = child(map, top);
    if (!topNode || topNode.kind !== 'map') {
      const ks = map.entries.map((e) => e.key);
      return miss(`mapping ${mapName} has no key "${top}"${didYouMean(top, ks)} (its keys are ${ks.join(', ')})`, items[1].loc);
    }
    const value = child(topNode, second);
    if (!value) {
      const ks = topNode.entries.map((e) => e.key);
      return miss(`mapping ${mapName}.${top} has no key "${second}"${didYouMean(second, ks)} (its keys are ${ks.join(', ')})`, items[2].loc);
    }
    return this.evaluate(value);
  }

  private conditionRef(arg: TNode): boolean | typeof BAD {
    const name = arg.kind === 'scalar' && typeof arg.value === 'string' ? arg.value : undefined;
    if (name === undefined) return this.form('Condition', arg.loc);
    if (!this.scope.conditionNames().includes(name)) {
      this.error('UnknownCondition', `there is no condition named ${name}${didYouMean(name, this.scope.conditionNames())}`, arg.loc);
      return BAD;
    }
    return this.scope.condition(name) ?? BAD;
  }

  private if(arg: TNode): unknown {
    const items = this.list('Fn::If', arg, 3, 3);
    if (!items) return BAD;
    const c = this.conditionRef(items[0]);
    if (c === BAD) return BAD;
    return this.evaluate(c ? items[1] : items[2]);
  }

  private equals(arg: TNode): unknown {
    const items = this.list('Fn::Equals', arg, 2, 2);
    if (!items) return BAD;
    const a = this.evaluate(items[0]);
    const b = this.evaluate(items[1]);
    if (a === BAD || b === BAD) return BAD;
    return canonical(a) === canonical(b);
  }

  private cidr(arg: TNode): unknown {
    const items = this.list('Fn::Cidr', arg, 3, 3);
    if (!items) return BAD;
    const block = this.text(this.evaluate(items[0]), 'the ipBlock of Fn::Cidr', items[0].loc);
    const count = this.integer(this.evaluate(items[1]), 'the count of Fn::Cidr', items[1].loc);
    const bits = this.integer(this.evaluate(items[2]), 'the cidrBits of Fn::Cidr', items[2].loc);
    if (block === BAD || count === BAD || bits === BAD) return BAD;
    try {
      return cidrBlocks(block, count, bits);
    } catch (e) {
      this.error('InvalidIntrinsic', `Fn::Cidr: ${e instanceof Error ? e.message : String(e)}`, arg.loc);
      return BAD;
    }
  }

  private importValue(arg: TNode): unknown {
    const name = this.text(this.evaluate(arg), 'the name given to Fn::ImportValue', arg.loc);
    if (name === BAD) return BAD;
    const value = this.scope.importValue?.(name);
    if (value === undefined) {
      const why = this.scope.whyNoExport?.(name);
      if (why) {
        this.error('ExportNotFound', `Fn::ImportValue "${name}": ${why}`, arg.loc);
        return BAD;
      }
      const names = this.scope.exportNames?.() ?? [];
      this.error(
        'ExportNotFound',
        `Fn::ImportValue: no template of this submission exports "${name}"${didYouMean(name, names)}${names.length && !didYouMean(name, names) ? ` (exports are ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})` : ''}`,
        arg.loc,
      );
      return BAD;
    }
    return value;
  }
}

/** Reads `State.Code` as a key of its own or as a path into nested attributes. */
function readAttribute(attributes: Record<string, unknown>, attr: string): unknown {
  if (Object.prototype.hasOwnProperty.call(attributes, attr)) return attributes[attr];
  let v: unknown = attributes;
  for (const part of attr.split('.')) {
    if (!isRecord(v) || !Object.prototype.hasOwnProperty.call(v, part)) return undefined;
    v = v[part];
  }
  return v;
}

/** Fn::Equals compares values as CloudFormation's JSON sees them: 22 equals "22". */
function canonical(v: unknown): string {
  const s = scalarText(v);
  return s !== undefined ? `s:${s}` : `j:${JSON.stringify(v)}`;
}

