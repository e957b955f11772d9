import { describe, expect, it } from 'vitest';
import { codes, load } from './helpers.js';

const TEMPLATE = (env: string) => `Parameters:
  Env: {Type: String, Default: ${env}, AllowedValues: [prod, dev]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [{Condition: IsProd}]
Resources:
  Always: {Type: Custom::A}
  ProdOnly:
    Type: Custom::B
    Condition: IsProd
  User:
    Type: Custom::C
    Properties:
      Target: !If [IsProd, !Ref ProdOnly, !Ref AWS::NoValue]
      Label: !If [IsDev, dev, !GetAtt ProdOnly.Arn]
Outputs:
  ProdOut:
    Condition: IsProd
    Value: !Ref ProdOnly
  Plain:
    Value: !Ref Always
`;

describe('conditions', () => {
  it('include the resources and outputs whose condition is true', () => {
    const r = load(TEMPLATE('prod'));
    expect(r.errors).toEqual([]);
    expect(r.builder.ids()).toEqual(['Always', 'ProdOnly', 'User']);
    expect(r.builder.created[2].properties).toEqual({ Target: 'fake-ProdOnly', Label: 'ProdOnly.Arn' });
    expect(Object.keys(r.outputs)).toEqual(['ProdOut', 'Plain']);
  });

  it('leave out resources and outputs whose condition is false; Fn::If keeps the rest valid', () => {
    const r = load(TEMPLATE('dev'));
    expect(r.errors).toEqual([]);
    expect(r.builder.ids()).toEqual(['Always', 'User']);
    expect(r.builder.created[1].properties).toEqual({ Label: 'dev' });
    expect(r.resources.map((x) => x.logicalId)).toEqual(['Always', 'User']);
    expect(Object.keys(r.outputs)).toEqual(['Plain']);
  });

  it('make a reference to a left-out resource an error, as in AWS', () => {
    const text = `Conditions: {Never: !Equals [a, b]}
Resources:
  Gone: {Type: Custom::A, Condition: Never}
  User: {Type: Custom::B, Properties: {T: !Ref Gone}}
  Dep: {Type: Custom::C, DependsOn: Gone}
`;
    const r = load(text);
    expect(codes(r.errors)).toEqual(['UnknownReference', 'ConditionalReference']);
    expect(r.errors[0].message).toBe('DependsOn names Gone, which is left out because its condition Never is false');
    expect(r.errors[1].message).toContain('Gone is left out because its condition Never is false');
    expect(r.errors[1].message).toContain('!If [Never, …, !Ref AWS::NoValue]');
    expect(r.builder.ids()).toEqual([]);
  });

  it('report an unknown condition name with the nearest one', () => {
    const r = load('Conditions: {IsProd: !Equals [a, a]}\nResources:\n  R: {Type: Custom::A, Condition: IsPord}\n');
    expect(r.errors[0]).toMatchObject({ code: 'UnknownCondition', logicalId: 'R', line: 3, column: 35 });
    expect(r.errors[0].message).toContain('did you mean IsProd?');
  });

  it('cannot refer to resources', () => {
    const r = load('Conditions: {C: !Equals [!Ref R, x]}\nResources:\n  R: {Type: Custom::A}\n  S: {Type: Custom::B, Condition: C}\n');
    expect(r.errors[0].message).toContain('conditions can refer only to parameters and pseudo parameters');
    expect(r.errors).toHaveLength(1);
    expect(r.diagnostics.find((d) => d.code === 'DependencyFailed')).toMatchObject({ severity: 'warning', logicalId: 'S', message: 'not created: its condition C has an error' });
    expect(r.builder.ids()).toEqual(['R']);
  });

  it('refuse a condition that refers to itself', () => {
    const r = load('Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]\nResources:\n  R: {Type: Custom::A, Condition: A}\n');
    expect(codes(r.errors)).toContain('CircularCondition');
  });

  it('are evaluated from pseudo parameters and mappings', () => {
    const text = `Mappings: {M: {us-east-1: {Big: 'yes'}, eu-west-1: {Big: 'no'}}}
Conditions:
  Big: !Equals [!FindInMap [M, !Ref 'AWS::Region', Big], 'yes']
Resources:
  R: {Type: Custom::A, Condition: Big}
`;
    expect(load(text).builder.ids()).toEqual(['R']);
    expect(load(text, { region: 'eu-west-1' }).builder.ids()).toEqual([]);
  });

  it('must be condition functions', () => {
    const r = load('Conditions: {C: yes}\nResources:\n  R: {Type: Custom::A, Condition: C}\n');
    expect(r.errors[0].message).toContain('a condition is one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition');
  });
});
