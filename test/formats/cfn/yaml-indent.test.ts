import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/formats/cfn/parse.js';
import { findIndentMistake } from '../../../src/formats/cfn/yaml-indent.js';

const errorsOf = (text: string) => parseTemplate(text, 't.yaml').diagnostics.filter((d) => d.severity === 'error');

describe('YAML indentation mistakes, in words for a beginner', () => {
  it('a list item one space too deep: its column, and the indent of the others in the list', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n      Tags:\n        - Key: a\n          Value: b\n         - Key: c\n          Value: d\n';
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'YamlSyntax', line: 9, column: 10 });
    expect(errors[0].message).toContain('this line is indented by 9 spaces; the others in this list by 8 (line 7)');
    expect(errors[0].message).toContain('the parser says:');
  });

  it('a key one space too deep: the line of the key, not of the line before that yaml blames', () => {
    const errors = errorsOf('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n     Properties:\n      CidrBlock: 10.0.0.0/16\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 6 });
    expect(errors[0].message).toContain('this line is indented by 5 spaces; the other keys of this mapping by 4 (line 3)');
  });

  it('a resource one space too deep lines up with the resources, not with their properties', () => {
    const errors = errorsOf('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n   Sub:\n    Type: AWS::EC2::Subnet\n');
    expect(errors[0]).toMatchObject({ line: 6, column: 4 });
    expect(errors[0].message).toContain('indented by 3 spaces; the other keys of this mapping by 2 (line 2)');
  });

  it('a key one space too shallow', () => {
    const m = findIndentMistake('A:\n  b: 1\n  c:\n    d: 1\n   e: 2\n', 1, 9);
    expect(m).toMatchObject({ line: 5, column: 4 });
    expect(m?.words).toMatch(/indented by 3 spaces; the other keys of this mapping by (4|2)/);
  });

  it('finds nothing in well-indented YAML, block scalars and comments included', () => {
    const text = 'A:\n  b: |\n      deep text\n    less deep\n  # a comment at any depth\n       # another\n  c:\n    - x\n    - y: 1\n      z: 2\n';
    expect(findIndentMistake(text, 1, 99)).toBeUndefined();
  });

  it('an unclosed flow list is not taken for an indentation mistake', () => {
    expect(findIndentMistake('Resources:\n  Vpc: [unclosed\n    Type: AWS::EC2::VPC\n', 1, 9)).toBeUndefined();
    const errors = errorsOf('Resources:\n  Vpc: [unclosed\n    Type: AWS::EC2::VPC\n');
    expect(errors[0].line).toBe(2);
    expect(errors[0].message).not.toContain('bad indentation');
  });

  it('other YAML errors keep the parser’s words', () => {
    const errors = errorsOf('Resources:\n  Vpc: [1, 2\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].message).not.toContain('bad indentation');
  });
});
