import { describe, expect, it } from 'vitest';
import type { LoadContext } from '../../../src/formats/cfn/resolve.js';
import { load } from './helpers.js';

interface Opts {
  extra?: string;
  resources?: string;
  ctx?: Partial<LoadContext>;
}

/** Loads a template whose Probe resource has `Value: <expr>` and returns what the builder got. */
function probe(expr: string, opts: Opts = {}) {
  const text = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    opts.extra ?? '',
    'Resources:',
    opts.resources ?? '',
    '  Probe:',
    '    Type: Custom::Probe',
    '    Properties:',
    `      Value: ${expr}`,
    '',
  ].join('\n');
  const r = load(text, opts.ctx);
  const created = r.builder.created.find((c) => c.logicalId === 'Probe');
  return { ...r, created, value: created?.properties.Value, has: created ? 'Value' in created.properties : false };
}

function fails(expr: string, opts: Opts = {}) {
  const r = probe(expr, opts);
  expect(r.created).toBeUndefined();
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors[0];
}

const PARAMS = `Parameters:
  Env: {Type: String, Default: prod}
  Zones: {Type: CommaDelimitedList, Default: 'a, b,c'}
  Ports: {Type: List<Number>, Default: '80,443'}
  Count: {Type: Number, Default: 3}
  AttrName: {Type: String, Default: Arn}`;

const THING = '  Thing:\n    Type: Custom::Thing\n';
const VPC = '  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n';

describe('Ref', () => {
  it('gives parameter values, as text or as a list', () => {
    expect(probe('!Ref Env', { extra: PARAMS }).value).toBe('prod');
    expect(probe('{Ref: Zones}', { extra: PARAMS }).value).toEqual(['a', 'b', 'c']);
    expect(probe('!Ref Ports', { extra: PARAMS }).value).toEqual(['80', '443']);
    expect(probe('!Ref Count', { extra: PARAMS }).value).toBe('3');
  });

  it('gives pseudo parameters', () => {
    const ctx = { region: 'eu-west-1', accountId: '111122223333', stackName: 'net' };
    expect(probe('!Ref AWS::Region', { ctx }).value).toBe('eu-west-1');
    expect(probe('!Ref AWS::AccountId', { ctx }).value).toBe('111122223333');
    expect(probe('!Ref AWS::AccountId').value).toBe('123456789012');
    expect(probe('!Ref AWS::StackName', { ctx }).value).toBe('net');
    expect(probe('!Ref AWS::Partition').value).toBe('aws');
    expect(probe('!Ref AWS::URLSuffix').value).toBe('amazonaws.com');
    expect(probe('!Ref AWS::NotificationARNs').value).toEqual([]);
    const id = probe('!Ref AWS::StackId', { ctx }).value as string;
    expect(id).toMatch(/^arn:aws:cloudformation:eu-west-1:111122223333:stack\/net\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(probe('!Ref AWS::StackId', { ctx }).value).toBe(id);
  });

  it('gives the ref the builder returned for a resource', () => {
    expect(probe('!Ref Thing', { resources: THING }).value).toBe('fake-Thing');
  });

  it('removes a key or a list item whose value is AWS::NoValue', () => {
    const r = probe('!Ref AWS::NoValue');
    expect(r.created).toBeDefined();
    expect(r.has).toBe(false);
    expect(probe('[a, !Ref AWS::NoValue, b]').value).toEqual(['a', 'b']);
    expect(probe('{Keep: 1, Drop: {Ref: AWS::NoValue}}').value).toEqual({ Keep: 1 });
  });

  it('reports an unknown name with the nearest parameter, resource or pseudo parameter', () => {
    const e = fails('!Ref Evn', { extra: PARAMS });
    expect(e).toMatchObject({ code: 'UnknownReference', logicalId: 'Probe', line: 13, column: 19 });
    expect(e.message).toContain('did you mean Env?');
    expect(fails('!Ref Thnig', { resources: THING }).message).toContain('did you mean Thing?');
    expect(fails('!Ref AWS::Regoin').message).toContain('did you mean AWS::Region?');
  });

  it('says what Ref takes when given something else', () => {
    const e = fails('{Ref: [a, b]}');
    expect(e.code).toBe('InvalidIntrinsic');
    expect(e.message).toContain('Ref takes the name of a parameter or resource');
  });
});

describe('Fn::GetAtt', () => {
  it('reads attributes in the short, list and dotted long forms', () => {
    expect(probe('!GetAtt Vpc.CidrBlock', { resources: VPC }).value).toBe('Vpc.CidrBlock');
    expect(probe('!GetAtt [Vpc, DefaultSecurityGroup]', { resources: VPC }).value).toBe('Vpc.DefaultSecurityGroup');
    expect(probe('{"Fn::GetAtt": [Vpc, VpcId]}', { resources: VPC }).value).toBe('Vpc.VpcId');
    expect(probe('{"Fn::GetAtt": Vpc.VpcId}', { resources: VPC }).value).toBe('Vpc.VpcId');
    expect(probe('!GetAtt Vpc.Ipv6CidrBlocks', { resources: VPC }).value).toEqual(['Vpc.Ipv6CidrBlocks.0']);
  });

  it('takes the attribute name from a Ref', () => {
    expect(probe('!GetAtt [Thing, !Ref AttrName]', { resources: THING, extra: PARAMS }).value).toBe('Thing.Arn');
  });

  it('refuses an attribute a modelled type does not document, listing the real ones', () => {
    const e = fails('!GetAtt Vpc.CidrBlok', { resources: VPC });
    expect(e.code).toBe('UnknownAttribute');
    expect(e.message).toContain('did you mean CidrBlock?');
    expect(e.message).toContain('its attributes are CidrBlock, CidrBlockAssociations');
  });

  it('refuses an attribute the created resource does not have, listing the ones it has', () => {
    const e = fails('!GetAtt Thing.Endpoint', { resources: THING });
    expect(e.message).toBe('Thing (Custom::Thing) has no attribute Endpoint; it has Arn');
  });

  it('refuses a parameter, an unknown resource and a wrong form', () => {
    expect(fails('!GetAtt Env.Value', { extra: PARAMS }).message).toContain('is a parameter; use Ref');
    expect(fails('!GetAtt Vcp.VpcId', { resources: VPC }).message).toContain('did you mean Vpc?');
    expect(fails('!GetAtt [Vpc]', { resources: VPC }).message).toContain('Fn::GetAtt takes [logicalId, attributeName]');
    expect(fails('!GetAtt Vpc', { resources: VPC }).code).toBe('InvalidIntrinsic');
  });
});

describe('Fn::Sub', () => {
  it('substitutes parameters, resources, attributes and pseudo parameters', () => {
    const r = probe('!Sub "${Env}-${Vpc}-${Vpc.VpcId}-${AWS::Region}-${AWS::AccountId}"', { extra: PARAMS, resources: VPC });
    expect(r.value).toBe('prod-fake-Vpc-Vpc.VpcId-us-east-1-123456789012');
  });

  it('writes ${!Literal} as ${Literal} and leaves a lone $ or an unclosed ${ alone', () => {
    expect(probe('!Sub "echo ${!HOME} costs $5 and ${Env}"', { extra: PARAMS }).value).toBe('echo ${HOME} costs $5 and prod');
    expect(probe('!Sub "open ${ here"').value).toBe('open ${ here');
  });

  it('takes a variables map whose values may be intrinsic functions', () => {
    const r = probe('!Sub ["${Name}.${Domain}:${Env}", {Name: web, Domain: !Join [".", [example, com]], Env: staging}]', { extra: PARAMS });
    expect(r.value).toBe('web.example.com:staging');
    expect(probe('{"Fn::Sub": ["${A}", {A: !Ref Env}]}', { extra: PARAMS }).value).toBe('prod');
  });

  it('refuses a list substituted as text, an unknown name and a wrong form', () => {
    expect(fails('!Sub "${Zones}"', { extra: PARAMS }).message).toContain('join a list first with Fn::Join');
    expect(fails('!Sub "${Evn}"', { extra: PARAMS }).message).toContain('did you mean Env?');
    expect(fails('!Sub [a, b, c]').message).toContain('Fn::Sub takes a string, or [string, {Name: value, …}]; here it has 3 items');
    expect(fails('!Sub {a: b}').code).toBe('InvalidIntrinsic');
  });
});

describe('Fn::Select, Fn::GetAZs, Fn::Join, Fn::Split', () => {
  it('selects by index, with the index as a number or text', () => {
    expect(probe('!Select [1, [a, b, c]]').value).toBe('b');
    expect(probe('{"Fn::Select": ["2", [a, b, c]]}').value).toBe('c');
    expect(probe('!Select [0, !Ref Zones]', { extra: PARAMS }).value).toBe('a');
  });

  it('refuses an index out of range and a wrong arity at the function', () => {
    const e = fails('!Select [3, [a, b]]');
    expect(e.message).toBe('Fn::Select index 3 is out of range: the list has 2 items (indexes 0 to 1)');
    const f = fails('!Select [1, [a], [b]]');
    expect(f.message).toBe('Fn::Select takes [index, list]; here it has 3 items');
    expect([f.line, f.column]).toEqual([8, 22]);
    expect(fails('!Select [x, [a]]').message).toContain('must be a whole number');
    expect(fails('!Select [0, notalist]').message).toContain('Fn::Select takes [index, list]');
  });

  it('lists the zones of the current or a named region', () => {
    expect(probe("!GetAZs ''").value).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(probe('!GetAZs').value).toHaveLength(6);
    expect(probe('!GetAZs eu-west-2').value).toEqual(['eu-west-2a', 'eu-west-2b', 'eu-west-2c']);
    expect(probe('{"Fn::GetAZs": {Ref: "AWS::Region"}}', { ctx: { region: 'ap-northeast-1' } }).value).toEqual([
      'ap-northeast-1a',
      'ap-northeast-1c',
      'ap-northeast-1d',
    ]);
    expect(probe('!Select [1, !GetAZs ""]').value).toBe('us-east-1b');
    expect(fails('!GetAZs mars-north-1').message).toContain('"mars-north-1" is not a region');
  });

  it('joins and splits', () => {
    expect(probe('!Join [":", [a, !Ref Env, 3]]', { extra: PARAMS }).value).toBe('a:prod:3');
    expect(probe('{"Fn::Join": ["", [x, y]]}').value).toBe('xy');
    expect(probe('!Join [",", !Ref Zones]', { extra: PARAMS }).value).toBe('a,b,c');
    expect(probe('!Split [",", "a,b,,c"]').value).toEqual(['a', 'b', '', 'c']);
    expect(probe('!Select [2, !Split ["/", !Sub "${Env}/x/y"]]', { extra: PARAMS }).value).toBe('y');
    expect(fails('!Join [",", notalist]').message).toContain('Fn::Join takes [delimiter, [value, …]]');
    expect(fails('!Join [",", [[a]]]').message).toContain('must be text, not a list');
    expect(fails('!Split ["", abc]').message).toContain('delimiter of Fn::Split is empty');
    expect(fails('!Join [","]').message).toContain('here it has 1 item');
  });
});

describe('Fn::FindInMap', () => {
  const MAPS = `Mappings:
  RegionMap:
    us-east-1: {Ami: ami-111, Size: small}
    eu-west-1: {Ami: ami-222}`;

  it('looks up two levels, with keys from intrinsic functions', () => {
    expect(probe('!FindInMap [RegionMap, !Ref "AWS::Region", Ami]', { extra: MAPS }).value).toBe('ami-111');
    expect(probe('{"Fn::FindInMap": [RegionMap, eu-west-1, Ami]}', { extra: MAPS }).value).toBe('ami-222');
  });

  it('reports a missing key with the keys there are, unless a DefaultValue is given', () => {
    const e = fails('!FindInMap [RegionMap, eu-west-1, Size]', { extra: MAPS });
    expect(e.code).toBe('MappingKeyNotFound');
    expect(e.message).toContain('its keys are Ami');
    expect(fails('!FindInMap [RegionMap, us-east-2, Ami]', { extra: MAPS }).message).toContain('did you mean us-east-1?');
    expect(fails('!FindInMap [RegionMp, us-east-1, Ami]', { extra: MAPS }).message).toContain('did you mean RegionMap?');
    expect(probe('!FindInMap [RegionMap, eu-west-1, Size, {DefaultValue: tiny}]', { extra: MAPS }).value).toBe('tiny');
    expect(fails('!FindInMap [RegionMap, eu-west-1]', { extra: MAPS }).message).toContain('Fn::FindInMap takes [MapName');
  });
});

describe('conditions in values: Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or', () => {
  const CONDS = `${PARAMS}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref Count, 3]]
  Either: {"Fn::Or": [{Condition: IsDev}, {"Fn::Equals": [a, b]}]}`;

  it('chooses a branch by condition', () => {
    expect(probe('!If [IsProd, big, small]', { extra: CONDS }).value).toBe('big');
    expect(probe('!If [IsDev, big, small]', { extra: CONDS }).value).toBe('small');
    expect(probe('!If [Both, yes, no]', { extra: CONDS }).value).toBe('yes');
    expect(probe('{"Fn::If": [Either, yes, no]}', { extra: CONDS }).value).toBe('no');
    expect(probe('!If [IsProd, !Ref AWS::NoValue, x]', { extra: CONDS }).has).toBe(false);
  });

  it('evaluates only the branch taken', () => {
    expect(probe('!If [IsProd, ok, !Ref Missing]', { extra: CONDS }).value).toBe('ok');
  });

  it('compares numbers and text as CloudFormation does', () => {
    expect(probe('!Equals [3, "3"]').value).toBe(true);
    expect(probe('!Equals [!Ref Count, 4]', { extra: PARAMS }).value).toBe(false);
  });

  it('reports an unknown condition and wrong arities', () => {
    expect(fails('!If [IsProdd, a, b]', { extra: CONDS }).message).toContain('did you mean IsProd?');
    expect(fails('!If [IsProd, a]', { extra: CONDS }).message).toBe('Fn::If takes [ConditionName, valueIfTrue, valueIfFalse]; here it has 2 items');
    expect(fails('!Equals [a]').message).toContain('Fn::Equals takes [value1, value2]');
    expect(fails('!And [!Condition IsProd]', { extra: CONDS }).message).toContain('Fn::And takes a list of 2 to 10 conditions');
    expect(fails('!Not [a]').message).toContain('a condition is one of Fn::Equals');
  });
});

describe('Fn::Base64, Fn::Cidr, Fn::ImportValue and the rest', () => {
  it('encodes Base64, also around Fn::Sub', () => {
    expect(probe('!Base64 hello').value).toBe('aGVsbG8=');
    expect(Buffer.from(probe('{"Fn::Base64": !Sub "${Env}"}', { extra: PARAMS }).value as string, 'base64').toString()).toBe('prod');
  });

  it('carves blocks with Fn::Cidr: cidrBits is the number of host bits', () => {
    expect(probe('!Cidr [10.0.0.0/16, 4, 8]').value).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']);
    const block = 'Parameters: {Block: {Type: String, Default: 10.0.0.0/24}}';
    expect(probe('!Select [2, !Cidr [!Ref Block, 6, 5]]', { extra: block }).value).toBe('10.0.0.64/27');
    expect(probe('{"Fn::Cidr": ["192.168.0.0/24", "2", "6"]}').value).toEqual(['192.168.0.0/26', '192.168.0.64/26']);
    expect(probe('!Cidr ["2001:db8:1234:1a00::/56", 2, 64]').value).toEqual(['2001:db8:1234:1a00::/64', '2001:db8:1234:1a01::/64']);
  });

  it('explains a block too small for the request', () => {
    expect(fails('!Cidr [10.0.0.0/24, 4, 7]').message).toBe('Fn::Cidr: 10.0.0.0/24 holds only 2 blocks of /25, not 4');
    expect(fails('!Cidr [10.0.0.0/24, 2, 9]').message).toContain('a /24 block has 8 host bits');
    expect(fails('!Cidr [10.0.0.0/16, 300, 8]').message).toContain('from 1 to 256 blocks');
    expect(fails('!Cidr [10.0.0.300/16, 2, 8]').message).toContain('does not start with an IPv4 address');
    expect(fails('!Cidr [10.0.0.0/16, 2]').message).toContain('Fn::Cidr takes [ipBlock, count, cidrBits]');
  });

  it('imports values through the context, suggesting the nearest export', () => {
    const exports: Record<string, unknown> = { 'net-VpcId': 'vpc-123' };
    const ctx = { importValue: (n: string) => exports[n], exportNames: () => Object.keys(exports) };
    expect(probe('!ImportValue net-VpcId', { ctx }).value).toBe('vpc-123');
    expect(probe('{"Fn::ImportValue": !Sub "${Env}-VpcId"}', { ctx, extra: PARAMS.replace('prod', 'net') }).value).toBe('vpc-123');
    const e = fails('!ImportValue net-VpcID', { ctx });
    expect(e.code).toBe('ExportNotFound');
    expect(e.message).toContain('did you mean net-VpcId?');
    expect(fails('!ImportValue anything').message).toContain('no template of this submission exports "anything"');
  });

  it('supports Fn::Length and Fn::ToJsonString', () => {
    expect(probe('{"Fn::Length": [a, b, c]}').value).toBe(3);
    expect(probe('{"Fn::ToJsonString": {a: [1, 2]}}').value).toBe('{"a":[1,2]}');
  });

  it('names an unknown function with the nearest one and refuses unsupported ones', () => {
    expect(fails('{"Fn::Joinn": [",", [a]]}').message).toBe('unknown intrinsic function Fn::Joinn; did you mean Fn::Join?');
    expect(fails('{"Fn::Transform": {Name: x}}').message).toBe(
      'Fn::Transform runs the macro x in AWS; the virtual cloud runs no macros, so write here the value the macro would produce',
    );
    expect(fails('{"Fn::Contains": [[a], a]}').message).toBe('Fn::Contains is a function of the Rules section; CloudFormation allows it only inside Rules');
  });

  it('refuses a function sharing its mapping with another key, and null values', () => {
    expect(fails('{Ref: Env, Other: 1}', { extra: PARAMS }).message).toContain('Ref must be the only key of its mapping');
    const e = fails('[a, null]');
    expect(e.code).toBe('NullValue');
  });

  it('resolves deeply nested functions', () => {
    const r = probe('!Join ["-", [!Select [0, !Split [",", !Join [",", !Ref Zones]]], !If [IsProd, !FindInMap [M, a, b], x]]]', {
      extra: `${PARAMS}\nMappings: {M: {a: {b: !!str 7}}}\nConditions: {IsProd: !Equals [prod, !Ref Env]}`,
    });
    expect(r.value).toBe('a-7');
  });
});
