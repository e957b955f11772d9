import {
  awsUsableCount,
  blockSize,
  cidrContains,
  cidrOverlaps,
  formatCidr,
  formatIp,
  lastAddress,
  maskOf,
  smallestAwsPrefixFor,
  type Cidr,
} from '../../engine/address.js';
import { createRng, type Rng } from '../../engine/random.js';
import { formatNumber } from './check.js';
import type { Question } from './types.js';

/**
 * Subnetting questions made from a seed, so practice never runs out. The id
 * gen-<kind>-<seed>-<n> names the question completely: the same id always gives the same
 * question, on every machine.
 */
export const GENERATED_KINDS = [
  'network',
  'size',
  'usable',
  'smallest',
  'contains',
  'overlap',
  'nth',
  'netmask',
  'last',
  'count',
] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];

/** The topic name of generated questions (`cloudlab quiz cidr`). */
export const GENERATED_TOPIC = 'cidr';

export const SEED_PATTERN = /^[A-Za-z0-9_]+$/;

export function generateQuestion(kind: GeneratedKind, seed: string | number, n: number): Question {
  const id = `gen-${kind}-${seed}-${n}`;
  const rng = createRng(id);
  return { ...MAKERS[kind](rng), id, topic: GENERATED_TOPIC } as Question;
}

/**
 * `count` questions, one kind after another in `kinds` order (default: all kinds, shuffled
 * by the seed), numbered from `first`.
 */
export function generateQuestions(
  seed: string | number,
  count: number,
  kinds: readonly GeneratedKind[] = createRng(`kinds-${seed}`).shuffle(GENERATED_KINDS),
  first = 0,
): Question[] {
  return Array.from({ length: count }, (_, i) => generateQuestion(kinds[i % kinds.length], seed, first + i));
}

/** The question behind a generated id, or undefined when `id` is not one. */
export function questionFromId(id: string): Question | undefined {
  const m = /^gen-([a-z]+)-([A-Za-z0-9_]+)-(\d+)$/.exec(id);
  if (!m || !(GENERATED_KINDS as readonly string[]).includes(m[1])) return undefined;
  return generateQuestion(m[1] as GeneratedKind, m[2], Number(m[3]));
}

/** The kind of a generated id ("gen-network-42-0" → "network"). */
export function kindOf(id: string): GeneratedKind | undefined {
  const m = /^gen-([a-z]+)-/.exec(id);
  return m && (GENERATED_KINDS as readonly string[]).includes(m[1]) ? (m[1] as GeneratedKind) : undefined;
}

type Made = Omit<Question, 'id' | 'topic'>;

const MAKERS: Record<GeneratedKind, (rng: Rng) => Made> = {
  network(rng) {
    const prefix = rng.int(16, 28);
    const ip = privateAddress(rng);
    const network = (ip & maskOf(prefix)) >>> 0;
    const host = network === ip ? (ip | 1) >>> 0 : ip;
    const answer = formatCidr({ network, prefix });
    return {
      type: 'cidr',
      prompt: `Which network does ${formatIp(host)}/${prefix} name? Write it as a block, such as 10.0.0.0/16.`,
      answer,
      explanation: `${maskWalkthrough(host, prefix)} So ${formatIp(host)}/${prefix} names ${answer}.`,
    };
  },
  size(rng) {
    const prefix = rng.int(8, 32);
    const size = blockSize(prefix);
    return {
      type: 'numeric',
      prompt: `How many addresses does a /${prefix} block hold?`,
      answer: size,
      tolerance: 0,
      explanation: `A /${prefix} leaves ${32 - prefix} host bits, and 2^${32 - prefix} = ${formatNumber(size)}.`,
    };
  },
  usable(rng) {
    const prefix = rng.int(16, 28);
    const block = randomBlock(rng, prefix);
    const usable = awsUsableCount(prefix);
    return {
      type: 'numeric',
      prompt: `In AWS, how many addresses can instances use in the subnet ${formatCidr(block)}?`,
      answer: usable,
      tolerance: 0,
      explanation:
        `A /${prefix} holds 2^${32 - prefix} = ${formatNumber(blockSize(prefix))} addresses. AWS reserves five in every ` +
        `subnet: the network address, the next three (VPC router, DNS, future use) and the last ` +
        `(broadcast), so ${formatNumber(blockSize(prefix))} - 5 = ${formatNumber(usable)}.`,
    };
  },
  smallest(rng) {
    const prefix = rng.int(16, 28);
    const lower = prefix === 28 ? 0 : awsUsableCount(prefix + 1);
    const hosts = rng.int(lower + 1, awsUsableCount(prefix));
    const answer = smallestAwsPrefixFor(hosts) as number;
    const smaller =
      answer < 28
        ? ` A /${answer + 1} would leave only ${formatNumber(awsUsableCount(answer + 1))}.`
        : ' A /28 is the smallest subnet AWS allows.';
    return {
      type: 'numeric',
      prompt: `What is the smallest subnet (the longest prefix length) AWS allows that holds ${formatNumber(hosts)} instances? Answer with the prefix length, such as 24.`,
      answer,
      tolerance: 0,
      explanation: `A /${answer} gives ${formatNumber(blockSize(answer))} - 5 reserved = ${formatNumber(awsUsableCount(answer))} usable addresses, enough for ${formatNumber(hosts)}.${smaller}`,
    };
  },
  contains(rng) {
    const outerPrefix = rng.int(16, 24);
    const outer = randomBlock(rng, outerPrefix);
    const innerPrefix = rng.int(outerPrefix + 1, 28);
    const inside = rng.next() < 0.5;
    const inner = inside ? randomBlockIn(rng, outer, innerPrefix) : neighbourBlock(rng, outer, innerPrefix);
    const yes = cidrContains(outer, inner);
    return {
      type: 'single',
      prompt: `Does ${formatCidr(outer)} contain ${formatCidr(inner)}?`,
      choices: ['Yes', 'No'],
      answer: yes ? 0 : 1,
      explanation:
        `${formatCidr(outer)} runs from ${formatIp(outer.network)} to ${formatIp(lastAddress(outer))}; ` +
        `${formatCidr(inner)} runs from ${formatIp(inner.network)} to ${formatIp(lastAddress(inner))}, ` +
        `${yes ? 'all of it inside' : 'outside'} the first block.`,
    };
  },
  overlap(rng) {
    const a = randomBlock(rng, rng.int(16, 26));
    const bPrefix = rng.int(16, 28);
    const shared = Math.min(a.prefix, bPrefix);
    let b =
      rng.next() < 0.5
        ? randomBlockIn(rng, { network: (a.network & maskOf(shared)) >>> 0, prefix: shared }, bPrefix)
        : neighbourBlock(rng, a, bPrefix);
    // Never a block and itself: a block of the same length inside a is a; take a half of it.
    if (b.network === a.network && b.prefix === a.prefix) b = randomBlockIn(rng, a, a.prefix + 1);
    const yes = cidrOverlaps(a, b);
    const [first, second] = rng.next() < 0.5 ? [a, b] : [b, a];
    return {
      type: 'single',
      prompt: `Do ${formatCidr(first)} and ${formatCidr(second)} overlap? (Two VPCs that overlap cannot be peered.)`,
      choices: ['Yes', 'No'],
      answer: yes ? 0 : 1,
      explanation:
        `${formatCidr(first)} is ${formatIp(first.network)}–${formatIp(lastAddress(first))} and ` +
        `${formatCidr(second)} is ${formatIp(second.network)}–${formatIp(lastAddress(second))}. ` +
        (yes ? 'They share addresses: CIDR blocks that overlap always nest, one inside the other.' : 'No address is in both.'),
    };
  },
  nth(rng) {
    const outerPrefix = rng.int(16, 24);
    const outer = randomBlock(rng, outerPrefix);
    const prefix = rng.int(outerPrefix + 1, Math.min(28, outerPrefix + 8));
    const count = 2 ** (prefix - outerPrefix);
    const nth = rng.int(2, Math.min(count, 16));
    const network = outer.network + (nth - 1) * blockSize(prefix);
    const answer = formatCidr({ network, prefix });
    return {
      type: 'cidr',
      prompt: `${formatCidr(outer)} is split into /${prefix} subnets. Counting from 1 (the first is ${formatCidr({ network: outer.network, prefix })}), which block is subnet number ${nth}?`,
      answer,
      explanation: `Each /${prefix} holds ${formatNumber(blockSize(prefix))} addresses, so subnet ${nth} starts ${nth - 1} × ${formatNumber(blockSize(prefix))} = ${formatNumber((nth - 1) * blockSize(prefix))} addresses after ${formatIp(outer.network)}: ${answer}.`,
    };
  },
  netmask(rng) {
    const prefix = rng.int(8, 30);
    const answer = formatIp(maskOf(prefix));
    return {
      type: 'address',
      prompt: `What is the netmask of a /${prefix}? Write it as four numbers, such as 255.255.0.0.`,
      answer,
      explanation: `A /${prefix} mask is ${prefix} one-bits followed by ${32 - prefix} zero-bits: ${binaryOctets(maskOf(prefix))} = ${answer}.`,
    };
  },
  last(rng) {
    const block = randomBlock(rng, rng.int(16, 28));
    const answer = formatIp(lastAddress(block));
    return {
      type: 'address',
      prompt: `What is the last address of ${formatCidr(block)}?`,
      answer,
      explanation: `${formatCidr(block)} holds ${formatNumber(blockSize(block.prefix))} addresses starting at ${formatIp(block.network)}, so the last is ${formatIp(block.network)} + ${formatNumber(blockSize(block.prefix) - 1)} = ${answer}. (AWS reserves it: instances cannot use it.)`,
    };
  },
  count(rng) {
    const outerPrefix = rng.int(16, 24);
    const outer = randomBlock(rng, outerPrefix);
    const prefix = rng.int(outerPrefix + 1, 28);
    const answer = 2 ** (prefix - outerPrefix);
    return {
      type: 'numeric',
      prompt: `How many /${prefix} subnets fit in ${formatCidr(outer)}?`,
      answer,
      tolerance: 0,
      explanation: `Going from /${outerPrefix} to /${prefix} adds ${prefix - outerPrefix} network bits, and 2^${prefix - outerPrefix} = ${formatNumber(answer)}.`,
    };
  },
};

/** An address in one of the private ranges: 10/8, 172.16/12 or 192.168/16. */
function privateAddress(rng: Rng): number {
  const r = rng.int(0, 2);
  const base = r === 0 ? 0x0a000000 : r === 1 ? 0xac100000 : 0xc0a80000;
  const hostBits = r === 0 ? 24 : r === 1 ? 20 : 16;
  return (base + rng.int(0, 2 ** hostBits - 1)) >>> 0;
}

function randomBlock(rng: Rng, prefix: number): Cidr {
  return { network: (privateAddress(rng) & maskOf(prefix)) >>> 0, prefix, hostBitsSet: false };
}

function randomBlockIn(rng: Rng, outer: Pick<Cidr, 'network' | 'prefix'>, prefix: number): Cidr {
  const slots = 2 ** (prefix - outer.prefix);
  return { network: outer.network + rng.int(0, slots - 1) * blockSize(prefix), prefix, hostBitsSet: false };
}

/**
 * A block of `prefix` just before or after `near` (or after the block of `prefix` holding
 * it, when `prefix` is shorter), so the two look alike but share no address.
 */
function neighbourBlock(rng: Rng, near: Cidr, prefix: number): Cidr {
  const p = Math.min(near.prefix, prefix);
  const anchor = { network: (near.network & maskOf(p)) >>> 0, prefix: p };
  const start = rng.next() < 0.5 ? lastAddress(anchor) + 1 : anchor.network - blockSize(prefix);
  return { network: start >>> 0, prefix, hostBitsSet: false };
}

function maskWalkthrough(ip: number, prefix: number): string {
  const octet = Math.min(3, Math.floor(prefix / 8));
  const keep = prefix - octet * 8;
  const value = (ip >>> (24 - octet * 8)) & 255;
  const kept = keep === 0 ? 0 : (value >> (8 - keep)) << (8 - keep);
  const full = octet === 0 ? 'no whole octets' : `the first ${octet} octet${octet > 1 ? 's' : ''}`;
  if (keep === 0) return `A /${prefix} keeps ${full} and clears the rest.`;
  return (
    `A /${prefix} keeps ${full} and the top ${keep} bit${keep > 1 ? 's' : ''} of octet ${octet + 1}: ` +
    `${value} is ${value.toString(2).padStart(8, '0')}, keeping ${keep} bit${keep > 1 ? 's' : ''} gives ` +
    `${kept.toString(2).padStart(8, '0')} = ${kept}; the octets after it become 0.`
  );
}

function binaryOctets(n: number): string {
  return [24, 16, 8, 0].map((s) => ((n >>> s) & 255).toString(2).padStart(8, '0')).join('.');
}
