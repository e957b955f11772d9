import { describe, expect, it } from 'vitest';
import { load } from './helpers.js';

function withParam(decl: string, params?: Record<string, string>, region?: string) {
  const text = [
    'Parameters:',
    `  P: ${decl}`,
    'Resources:',
    '  Probe:',
    '    Type: Custom::Probe',
    '    Properties: {Value: !Ref P}',
  ].join('\n');
  const r = load(text, { params, ...(region ? { region } : {}) });
  return { ...r, value: r.builder.created[0]?.properties.Value };
}

describe('parameters', () => {
  it('use their Default, or the value given with --param', () => {
    expect(withParam('{Type: String, Default: a}').value).toBe('a');
    expect(withParam('{Type: String, Default: a}', { P: 'b' }).value).toBe('b');
    expect(withParam('{Type: CommaDelimitedList, Default: "x, y"}').value).toEqual(['x', 'y']);
    expect(withParam('{Type: CommaDelimitedList, Default: [x, y]}').value).toEqual(['x', 'y']);
    expect(withParam('{Type: List<AWS::EC2::Subnet::Id>}', { P: 'subnet-1,subnet-2' }).value).toEqual(['subnet-1', 'subnet-2']);
    expect(withParam('{Type: Number, Default: 8080}').value).toBe('8080');
  });

  it('of a type the network does not use get a stand-in value, with a warning', () => {
    const r = withParam('{Type: AWS::EC2::KeyPair::KeyName}');
    expect(r.errors).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'warning').map((w) => w.code)).toContain('ParameterStandIn');
    expect(r.value).toBe('cloudlab-key');
  });

  it('without a value are an error saying how to give one', () => {
    const r = withParam('{Type: AWS::EC2::VPC::Id}');
    expect(r.errors.map((e) => e.code)).toEqual(['MissingParameterValue']);
    expect(r.errors[0]).toMatchObject({ code: 'MissingParameterValue', line: 2, column: 3 });
    expect(r.errors[0].message).toBe(
      'parameter P (AWS::EC2::VPC::Id) has no value; it names a resource that already exists, such as one another stack of the submission creates (us-east-1/network.yaml beside this one): give its logical or physical id with --param P=…',
    );
    expect(r.builder.created).toHaveLength(0);
  });

  it('report an override naming no parameter, with the nearest name', () => {
    const r = withParam('{Type: String, Default: a}', { p: 'x' });
    expect(r.errors[0].code).toBe('UnknownParameter');
    expect(r.errors[0].message).toContain('did you mean P?');
  });

  it('are checked against AllowedValues, AllowedPattern and lengths', () => {
    const av = withParam('{Type: String, Default: t3.large, AllowedValues: [t3.micro, t3.small]}');
    expect(av.errors[0].message).toBe('parameter P: its Default "t3.large" is not one of its AllowedValues (t3.micro, t3.small)');
    expect(av.errors[0]).toMatchObject({ line: 2, column: 30 });
    const pat = withParam('{Type: String, AllowedPattern: "[a-z]+", ConstraintDescription: lower-case letters}', { P: 'Abc' });
    expect(pat.errors[0].message).toBe(
      'parameter P: --param P "Abc" does not match its AllowedPattern [a-z]+ (lower-case letters)',
    );
    expect(withParam('{Type: String, AllowedPattern: "[a-z]+"}', { P: 'abc' }).value).toBe('abc');
    expect(withParam('{Type: String, MinLength: 3, Default: ab}').errors[0].message).toContain('shorter than its MinLength 3');
    expect(withParam('{Type: String, MaxLength: 3, Default: abcd}').errors[0].message).toContain('longer than its MaxLength 3');
  });

  it('of type Number are checked as numbers with MinValue and MaxValue', () => {
    expect(withParam('{Type: Number}', { P: 'ten' }).errors[0].message).toContain('"ten" is not a number');
    expect(withParam('{Type: Number, MinValue: 1, MaxValue: 65535}', { P: '70000' }).errors[0].message).toContain('above its MaxValue 65535');
    expect(withParam('{Type: List<Number>, Default: "1,x"}').errors[0].message).toContain('the item "x" of its Default is not a number');
  });

  it('of list types check each item against AllowedValues', () => {
    expect(withParam('{Type: CommaDelimitedList, AllowedValues: [a, b], Default: "a,c"}').errors[0].message).toContain('the item "c"');
  });

  it('naming an availability zone are checked against the region', () => {
    expect(withParam('{Type: AWS::EC2::AvailabilityZone::Name, Default: us-east-1a}').value).toBe('us-east-1a');
    const bad = withParam('{Type: AWS::EC2::AvailabilityZone::Name, Default: eu-west-1a}');
    expect(bad.errors[0].message).toContain('is not an availability zone of us-east-1 (us-east-1a, us-east-1b');
  });

  it('from Parameter Store use their Default with a warning', () => {
    const r = withParam('{Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami}');
    expect(r.value).toBe('/aws/service/ami');
    expect(r.errors).toEqual([]);
    expect(r.diagnostics[0].code).toBe('SsmParameterNotResolved');
  });

  it('with an AllowedPattern that backtracks forever are reported, not hung on', () => {
    const started = Date.now();
    const r = withParam('{Type: String, AllowedPattern: "(a+)+b"}', { P: `${'a'.repeat(40)}c` });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.errors[0].message).toContain('takes too long to evaluate');
  });

  it('with a pattern JavaScript cannot read are reported clearly', () => {
    expect(withParam('{Type: String, AllowedPattern: "[a-"}', { P: 'a' }).errors[0].message).toContain('not a regular expression');
  });

  it('without a value are reported once; what is not created because of them is a note, not an error', () => {
    const text = 'Parameters: {P: {Type: String}}\nResources:\n  A: {Type: Custom::A, Properties: {V: !Ref P}}\n  B: {Type: Custom::B, Properties: {V: !Sub "${P}", W: !Ref A}}\n';
    const r = load(text);
    expect(r.diagnostics.filter((d) => d.code !== 'UnmodelledResourceType').map((e) => [e.severity, e.code, e.logicalId, e.message])).toEqual([
      ['error', 'MissingParameterValue', undefined, 'parameter P has no value; give one with --param P=…'],
      ['warning', 'DependencyFailed', 'A', 'not created: it uses a parameter or condition that has an error'],
      ['warning', 'DependencyFailed', 'A', '1 resource was not created because A failed: B'],
    ]);
    expect(r.builder.created).toHaveLength(0);
  });
});
