import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/formats/cfn/parse.js';
import { child, type TMap } from '../../../src/formats/cfn/model.js';
import { codes, errorsOf, parseOk, withResources } from './helpers.js';

const VPC = withResources(`  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`);

function only(text: string, file = 't.yaml') {
  const r = parseTemplate(text, file);
  const errors = errorsOf(r.diagnostics);
  expect(errors).toHaveLength(1);
  return { ...r, error: errors[0] };
}

describe('parseTemplate: bad input gives one clear diagnostic, never a throw', () => {
  it('refuses an empty file', () => {
    const { template, error } = only('');
    expect(template).toBeUndefined();
    expect(error.code).toBe('EmptyTemplate');
    expect(error.message).toContain('empty');
    expect(error.file).toBe('t.yaml');
  });

  it('refuses a whitespace-only file and a comments-only file', () => {
    expect(only(' \n\t\n  ').error.message).toContain('only whitespace');
    expect(only('# nothing here\n# at all\n').error.message).toContain('only comments');
  });

  it('refuses binary junk with NUL bytes and says where', () => {
    const { error } = only('AWSTemplateFormatVersion: x\nab\u0000\u0001\u0002');
    expect(error.code).toBe('BinaryContent');
    expect(error.message).toContain('NUL');
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  it('refuses text that did not decode as UTF-8', () => {
    expect(only('Resources: \ufffd\ufffd').error.code).toBe('BinaryContent');
  });

  it('reports invalid YAML with yaml\'s reason, line and column', () => {
    const { error } = only('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n   Properties: {}\n');
    expect(error.code).toBe('YamlSyntax');
    expect(error.message).toMatch(/^invalid YAML: /);
    expect(error.line).toBe(4);
    expect(error.column).toBeGreaterThan(0);
  });

  it('explains a tab used for indentation', () => {
    const { error } = only('Resources:\n\tVpc: {}\n');
    expect(error.message).toContain('YAML indents with spaces only');
    expect(error.line).toBe(2);
  });

  it('explains two tags on one value (!Base64 !Sub) the CloudFormation way', () => {
    const { error } = only(withResources('  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !Base64 !Sub "x"\n'));
    expect(error.message).toContain('long form');
  });

  it('refuses a second YAML document', () => {
    expect(only(`${VPC}---\nResources: {}\n`).error.message).toContain('more than one YAML document');
  });

  it('refuses a root that is not a mapping', () => {
    expect(only('- a\n- b\n').error).toMatchObject({ code: 'NotAMapping', line: 1, column: 1 });
    expect(only('just some words').error.message).toContain('the text "just some words"');
  });

  it('refuses a template without Resources, or with an empty one', () => {
    expect(only("AWSTemplateFormatVersion: '2010-09-09'\nDescription: x\n").error.code).toBe('MissingResources');
    expect(only('Resources: {}\n').error.code).toBe('EmptyResources');
    expect(only('Resources:\n').error.message).toContain('at least one resource');
    expect(only('Resources: [a]\n').error.message).toContain('not a list');
  });

  it('stops an alias bomb before it expands', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'Resources: {V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: *e}}}',
    ].join('\n');
    const started = Date.now();
    const { template, error } = only(bomb);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(template).toBeUndefined();
    expect(error.code).toBe('AliasExpansion');
  });

  it('refuses an alias that contains itself and an alias with no anchor', () => {
    expect(only('a: &x [1, *x]\nResources: {V: {Type: AWS::EC2::VPC}}\n').error.code).toBe('AliasExpansion');
    expect(only(`${VPC}Metadata: *nope\n`).error.message).toContain('no anchor &nope');
  });

  it('expands ordinary aliases', () => {
    const t = parseOk(withResources('  A:\n    Type: AWS::EC2::VPC\n    Properties: &p\n      CidrBlock: 10.0.0.0/16\n  B:\n    Type: AWS::EC2::VPC\n    Properties: *p\n'));
    expect(child(t.resources[1].properties!, 'CidrBlock')).toMatchObject({ value: '10.0.0.0/16' });
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const r = parseTemplate(`${'['.repeat(3000)}${']'.repeat(3000)}`, 't.yaml');
    expect(r.template).toBeUndefined();
    expect(errorsOf(r.diagnostics).length).toBeGreaterThan(0);
  });

  it('keeps the last of a duplicate key, with a warning naming both lines (aws-semantics 29)', () => {
    const r = parseTemplate(withResources('  Vpc:\n    Type: AWS::EC2::VPC\n  Vpc:\n    Type: AWS::EC2::Subnet\n'), 't.yaml');
    expect(errorsOf(r.diagnostics)).toEqual([]);
    const [w] = r.diagnostics;
    expect(w).toMatchObject({ severity: 'warning', code: 'DuplicateKey', line: 5, column: 3 });
    expect(w.message).toContain('lines 3 and 5');
    expect(r.template?.resources.map((x) => x.type)).toEqual(['AWS::EC2::Subnet']);
  });

  it('never lets __proto__, constructor or prototype reach Object.prototype', () => {
    const text = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Metadata:',
      '  __proto__: {polluted: yes}',
      '  constructor: {prototype: {polluted: yes}}',
      'Mappings:',
      '  M: {__proto__: {polluted: {x: 1}}}',
      'Resources:',
      '  V:',
      '    Type: AWS::EC2::VPC',
      '    Properties: {CidrBlock: 10.0.0.0/16, __proto__: {polluted: yes}}',
    ].join('\n');
    const r = parseTemplate(text, 't.yaml');
    expect(codes(errorsOf(r.diagnostics))).toEqual(['ReservedKey', 'ReservedKey', 'ReservedKey', 'ReservedKey']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(r.template?.metadata).toEqual({});
    const json = JSON.parse(JSON.stringify(r.template?.metadata));
    expect(json.polluted).toBeUndefined();
  });

  it('never throws on a non-string argument', () => {
    expect(() => parseTemplate(undefined as unknown as string, 't.yaml')).not.toThrow();
  });
});

describe('parseTemplate: JSON', () => {
  it('reads JSON with positions', () => {
    const t = parseOk('{\n  "Resources": {\n    "Vpc": {\n      "Type": "AWS::EC2::VPC",\n      "Properties": {"CidrBlock": "10.0.0.0/16"}\n    }\n  }\n}\n', 't.json');
    expect(t.resources[0]).toMatchObject({ logicalId: 'Vpc', type: 'AWS::EC2::VPC', loc: { line: 3, column: 5 } });
  });

  it('holds JSON to JSON\'s rules: a trailing comma is an error with its position', () => {
    const r = parseTemplate('{\n  "Resources": {\n    "Vpc": {"Type": "AWS::EC2::VPC"},\n  }\n}', 't.json');
    const [e] = errorsOf(r.diagnostics);
    expect(e.code).toBe('JsonSyntax');
    expect(e.message).toMatch(/^invalid JSON: /);
    expect(e.line).toBe(4);
  });

  it('does not echo the whole file in a JSON error', () => {
    const r = parseTemplate(`{"Resources": x${' '.repeat(5000)}}`, 't.json');
    const [e] = errorsOf(r.diagnostics);
    expect(e.message.length).toBeLessThan(200);
  });

  it('warns about duplicate keys in JSON too, keeping the last', () => {
    const r = parseTemplate('{"Resources": {"A": {"Type": "AWS::EC2::VPC"},\n "A": {"Type": "AWS::EC2::Subnet"}}}', 't.json');
    expect(errorsOf(r.diagnostics)).toEqual([]);
    expect(codes(r.diagnostics)).toEqual(['DuplicateKey']);
    expect(r.diagnostics[0].message).toContain('lines 1 and 2');
    expect(r.template?.resources.map((x) => x.type)).toEqual(['AWS::EC2::Subnet']);
  });
});

describe('parseTemplate: short-form tags', () => {
  const props = (yaml: string): TMap => parseOk(withResources(`  R:\n    Type: AWS::EC2::VPC\n    Properties:\n${yaml}`)).resources[0].properties!;

  it('expands every short form into its long form', () => {
    const p = props(
      [
        '      A: !Ref X',
        '      B: !GetAtt X.Y',
        '      C: !GetAtt [X, Y]',
        '      D: !Sub "${X}"',
        '      E: !Select [0, [a]]',
        "      F: !GetAZs ''",
        '      G: !Join [",", [a]]',
        '      H: !Split [",", "a,b"]',
        '      I: !FindInMap [M, a, b]',
        '      J: !If [C, a, b]',
        '      K: !Equals [a, b]',
        '      L: !Not [!Condition C]',
        '      M: !And [!Condition C, !Condition D]',
        '      N: !Or [!Condition C, !Condition D]',
        '      O: !Base64 abc',
        '      P: !Cidr [10.0.0.0/16, 2, 8]',
        '      Q: !ImportValue Name',
      ].join('\n') + '\n',
    );
    const fn = (k: string) => (child(p, k) as TMap).entries[0].key;
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'].map(fn)).toEqual([
      'Ref', 'Fn::GetAtt', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Select', 'Fn::GetAZs', 'Fn::Join', 'Fn::Split',
      'Fn::FindInMap', 'Fn::If', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Fn::Base64', 'Fn::Cidr',
      'Fn::ImportValue',
    ]);
    const not = (child(p, 'L') as TMap).entries[0].value;
    expect(not.kind === 'seq' && (not.items[0] as TMap).entries[0].key).toBe('Condition');
  });

  it('reports an unknown tag with the nearest real one', () => {
    const r = parseTemplate(withResources('  R:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Reff X\n'), 't.yaml');
    const [e] = errorsOf(r.diagnostics);
    expect(e).toMatchObject({ code: 'UnknownTag', line: 6, column: 24 });
    expect(e.message).toContain('did you mean !Ref?');
  });
});

describe('parseTemplate: template anatomy', () => {
  it('keeps every section and the resource attributes', () => {
    const t = parseOk(
      [
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Description: A test',
        'Metadata: {cloudlab: {lab: vpc-1, student: s42}}',
        'Parameters: {P: {Type: String, Default: x, NoEcho: true}}',
        'Mappings: {M: {a: {b: c}}}',
        'Conditions: {C: !Equals [a, a]}',
        'Resources:',
        '  R:',
        '    Type: AWS::EC2::VPC',
        '    DependsOn: [S]',
        '    Condition: C',
        '    DeletionPolicy: Retain',
        '    UpdateReplacePolicy: Snapshot',
        '    Metadata: {note: hi}',
        '    Properties: {CidrBlock: 10.0.0.0/16}',
        '  S: {Type: AWS::EC2::InternetGateway, DependsOn: R}',
        'Outputs:',
        '  O: {Value: !Ref R, Description: d, Export: {Name: e}, Condition: C}',
      ].join('\n'),
    );
    expect(t.formatVersion).toBe('2010-09-09');
    expect(t.description).toBe('A test');
    expect(t.metadata).toEqual({ cloudlab: { lab: 'vpc-1', student: 's42' } });
    expect(t.parameters[0]).toMatchObject({ name: 'P', type: 'String', default: 'x', noEcho: true });
    expect(t.mappings.map((m) => m.name)).toEqual(['M']);
    expect(t.conditions.map((c) => c.name)).toEqual(['C']);
    expect(t.resources[0]).toMatchObject({
      logicalId: 'R',
      type: 'AWS::EC2::VPC',
      dependsOn: [{ name: 'S' }],
      condition: { name: 'C' },
      deletionPolicy: 'Retain',
      updateReplacePolicy: 'Snapshot',
      loc: { line: 8, column: 3 },
      typeLoc: { line: 9, column: 11 },
    });
    expect(t.resources[1].dependsOn).toEqual([{ name: 'R', loc: { line: 16, column: 51 } }]);
    expect(t.outputs[0]).toMatchObject({ logicalId: 'O', description: 'd', condition: { name: 'C' } });
  });

  it('reports an unknown section with the nearest valid one', () => {
    const r = parseTemplate(`${VPC}Output:\n  X: {Value: 1}\n`, 't.yaml');
    const [e] = errorsOf(r.diagnostics);
    expect(e).toMatchObject({ code: 'UnknownSection', line: 7, column: 1 });
    expect(e.message).toContain('did you mean Outputs?');
    expect(r.template).toBeDefined();
  });

  it('checks logical ids, Type and resource attributes', () => {
    const r = parseTemplate(
      withResources(
        [
          '  my-vpc: {Type: AWS::EC2::VPC}',
          '  NoType: {Properties: {}}',
          '  BadType: {Type: [AWS::EC2::VPC]}',
          '  Extra: {Type: AWS::EC2::VPC, Propertes: {CidrBlock: x}}',
          '  Policy: {Type: AWS::EC2::VPC, DeletionPolicy: Keep}',
          '  Empty:',
          '    Type: AWS::EC2::InternetGateway',
          '    Properties:',
        ].join('\n') + '\n',
      ),
      't.yaml',
    );
    const errs = errorsOf(r.diagnostics);
    expect(codes(errs)).toEqual(['InvalidLogicalId', 'MissingType', 'InvalidType', 'UnknownResourceAttribute', 'InvalidPolicy', 'NullValue']);
    expect(errs[0].message).toContain('such as myvpc');
    expect(errs[3].message).toContain('did you mean Properties?');
    expect(errs[3]).toMatchObject({ logicalId: 'Extra', line: 6, column: 32 });
    expect(r.template?.resources.map((x) => [x.logicalId, x.declarationErrors])).toEqual([
      ['Extra', false],
      ['Policy', false],
      ['Empty', true],
    ]);
  });

  it('accepts a deletion policy chosen by an intrinsic function', () => {
    const t = parseOk(withResources('  V:\n    Type: AWS::EC2::VPC\n    DeletionPolicy: !If [Keep, Retain, Delete]\n'));
    expect(t.resources[0].deletionPolicy).toBeUndefined();
  });

  it('checks the format version and parameter declarations', () => {
    const r = parseTemplate(
      `AWSTemplateFormatVersion: 2012-01-01\nParameters:\n  A: {Type: Strin}\n  B: {Type: Number, MinValue: low}\n  C: {Default: x}\n  D: {Type: String, Defualt: x}\n${VPC.split('\n').slice(1).join('\n')}`,
      't.yaml',
    );
    const errs = errorsOf(r.diagnostics);
    expect(codes(errs)).toEqual(['InvalidFormatVersion', 'InvalidParameter', 'InvalidParameter', 'InvalidParameter', 'InvalidParameter']);
    expect(errs[1].message).toContain('did you mean String?');
    expect(errs[2].message).toContain('MinValue must be a number');
    expect(errs[3].message).toContain('has no Type');
    expect(errs[4].message).toContain('did you mean Default?');
  });

  it('refuses a parameter and a resource with the same name', () => {
    const r = parseTemplate(`Parameters: {Vpc: {Type: String}}\n${VPC}`, 't.yaml');
    expect(codes(errorsOf(r.diagnostics))).toEqual(['DuplicateLogicalId']);
  });

  it('refuses intrinsic functions inside Mappings', () => {
    const r = parseTemplate(`Mappings: {M: {a: {b: !Ref X}}}\n${VPC}`, 't.yaml');
    expect(errorsOf(r.diagnostics)[0].message).toContain('Ref cannot be used inside Mappings');
  });

  it('warns about Transform and Rules, which are not run', () => {
    const r = parseTemplate(`Transform: AWS::Serverless-2016-10-31\nRules: {}\n${VPC}`, 't.yaml');
    expect(codes(r.diagnostics)).toEqual(['TransformNotRun', 'RulesNotChecked']);
    expect(errorsOf(r.diagnostics)).toEqual([]);
    expect(r.template?.transforms).toEqual(['AWS::Serverless-2016-10-31']);
  });

  it('strips a byte-order mark', () => {
    expect(parseOk(`\ufeff${VPC}`).resources).toHaveLength(1);
  });
});
