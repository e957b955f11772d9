import { describe, expect, it } from 'vitest';
import { cidrBlocks } from '../../../src/formats/cfn/cidr.js';
import { creationOrder, findCycles } from '../../../src/formats/cfn/graph.js';
import { DiagnosticSink, formatPath } from '../../../src/formats/cfn/sink.js';
import { parseSub } from '../../../src/formats/cfn/sub.js';
import { didYouMean, editDistance, nearest } from '../../../src/formats/cfn/suggest.js';

describe('suggestions', () => {
  it('measure edits, counting a swap of neighbours as one', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Defualt', 'Default')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggest only plausible typos', () => {
    expect(nearest('Subnets', ['Subnet', 'VPC'])).toBe('Subnet');
    expect(nearest('vpcid', ['VpcId', 'Vpc'])).toBe('VpcId');
    expect(nearest('Elephant', ['Subnet', 'VPC'])).toBeUndefined();
    expect(didYouMean('VPC', ['VPC'])).toBe('');
  });
});

describe('Fn::Sub strings', () => {
  it('split into literals and names', () => {
    expect(parseSub('a-${X}-${Y.Z}${!Lit}$${ W }')).toEqual([
      { literal: 'a-' },
      { name: 'X' },
      { literal: '-' },
      { name: 'Y.Z' },
      { literal: '${Lit}$' },
      { name: 'W' },
    ]);
    expect(parseSub('no refs')).toEqual([{ literal: 'no refs' }]);
    expect(parseSub('${}')).toEqual([{ literal: '${}' }]);
  });
});

describe('Fn::Cidr blocks', () => {
  it('cover the edges of the block', () => {
    expect(cidrBlocks('10.0.0.0/16', 256, 8).at(-1)).toBe('10.0.255.0/24');
    expect(cidrBlocks('10.0.0.0/30', 2, 1)).toEqual(['10.0.0.0/31', '10.0.0.2/31']);
    expect(cidrBlocks('10.0.5.7/16', 1, 16)).toEqual(['10.0.0.0/16']);
    expect(() => cidrBlocks('10.0.0.0/16', 1, 0)).toThrow(/from 1 to 16/);
  });
});

describe('dependency graph', () => {
  const edges = (o: Record<string, string[]>) => new Map(Object.entries(o).map(([k, v]) => [k, new Set(v)]));

  it('orders by dependencies, then by template order', () => {
    const e = edges({ a: ['c'], b: [], c: [], d: ['a', 'b'] });
    expect(creationOrder(['a', 'b', 'c', 'd'], e, [])).toEqual(['b', 'c', 'a', 'd']);
  });

  it('finds each cycle once, as a path from its first member', () => {
    const e = edges({ x: [], a: ['b'], b: ['c'], c: ['a'], s: ['s'], t: ['a'] });
    const cycles = findCycles(['x', 'a', 'b', 'c', 's', 't'], e);
    expect(cycles).toEqual([['a', 'b', 'c', 'a'], ['s', 's']]);
    expect(creationOrder(['x', 'a', 'b', 'c', 's', 't'], e, cycles)).toHaveLength(6);
  });

  it('handles a long chain without deep recursion', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `r${i}`);
    const e = new Map(ids.map((id, i) => [id, new Set(i ? [`r${i - 1}`] : [])]));
    expect(findCycles(ids, e)).toEqual([]);
  });
});

describe('diagnostic sink', () => {
  it('formats property paths', () => {
    expect(formatPath(['A', 0, 'B'])).toBe('Properties.A[0].B');
    expect(formatPath(['A'], '')).toBe('A');
  });

  it('counts errors and warnings left out', () => {
    const s = new DiagnosticSink('f.yaml');
    for (let i = 0; i < 51; i++) s.warning({ code: 'W', message: 'w' });
    s.error({ code: 'E', message: 'e' });
    const list = s.list();
    expect(list).toHaveLength(51);
    expect(list[50]).toMatchObject({ severity: 'error', message: '… and 1 more error and 1 more warning; fix the ones above first' });
    expect(s.hasErrors).toBe(true);
  });
});
