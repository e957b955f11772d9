/** `--shard i/n`: grade only the submissions whose index in the sorted list is ≡ i-1 (mod n). */
export interface Shard {
  index: number;
  count: number;
}

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

export const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ShardError(`--shard "${text}" is not i/n; give the shard's number and the number of shards, such as 2/8`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new ShardError(`--shard ${text}: the number of shards is from 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new ShardError(`--shard ${text}: shards are numbered from 1 to ${count}`);
  return { index, count };
}

export function formatShard(s: Shard): string {
  return `${s.index}/${s.count}`;
}

export function inShard(position: number, s: Shard | undefined): boolean {
  return !s || position % s.count === s.index - 1;
}
