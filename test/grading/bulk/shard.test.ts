import { describe, expect, it } from 'vitest';
import { formatShard, inShard, parseShard, ShardError } from '../../../src/grading/bulk/shard.js';

describe('--shard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(formatShard({ index: 3, count: 4 })).toBe('3/4');
  });

  it('explains what is wrong with a bad one', () => {
    expect(() => parseShard('2')).toThrow(ShardError);
    expect(() => parseShard('2')).toThrow('is not i/n');
    expect(() => parseShard('0/4')).toThrow('numbered from 1 to 4');
    expect(() => parseShard('5/4')).toThrow('numbered from 1 to 4');
    expect(() => parseShard('1/0')).toThrow('from 1 to 10000');
    expect(() => parseShard('-1/4')).toThrow('is not i/n');
  });

  it('splits the positions of a sorted list between the shards, each once', () => {
    const shards = [1, 2, 3].map((index) => ({ index, count: 3 }));
    const owners = Array.from({ length: 10 }, (_, pos) => shards.filter((s) => inShard(pos, s)).map((s) => s.index));
    expect(owners).toEqual([[1], [2], [3], [1], [2], [3], [1], [2], [3], [1]]);
    expect(inShard(5, undefined)).toBe(true);
  });
});
