import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  AWS_MAX_PREFIX,
  AWS_MIN_PREFIX,
  awsReservedAddresses,
  awsUsableCount,
  blockSize,
  cidrContains,
  cidrContainsIp,
  cidrOverlaps,
  formatCidr,
  formatIp,
  isPrivateIp,
  lastAddress,
  maskOf,
  parseCidr,
  parseIp,
  smallestAwsPrefixFor,
  splitCidr,
  type Cidr,
} from '../../src/engine/address.js';

/*
 * Every number a lesson computes about addresses is written next to it as a claim,
 * `<!-- check: VERB ARGS = VALUE -->`, and quiz questions carry the same claims in a
 * `checks:` list. This suite recomputes each claim with the engine's own address math,
 * so a lesson can never teach a number the engine disagrees with. The verbs:
 *
 *   size 10.0.0.0/20 = 4096                  addresses in the block
 *   usable 10.0.1.0/24 = 251                 AWS-usable (size - 5; /16 to /28 only)
 *   network 10.0.1.5/16 = 10.0.0.0/16        the network a block with host bits names
 *   range 10.0.1.0/24 = 10.0.1.0-10.0.1.255  first and last address
 *   first / last 10.0.32.0/20 = 10.0.47.255  one end of the block
 *   first-usable / last-usable 10.0.5.0/24 = 10.0.5.4   what AWS can hand out
 *   router 10.0.5.0/24 = 10.0.5.1            the VPC router's address in a subnet
 *   dns 10.0.0.0/16 = 10.0.0.2               the Amazon-provided DNS server of a VPC
 *   netmask /20 = 255.255.240.0
 *   split 10.0.0.0/16 /24 = 256              how many /24s fit
 *   split-list 10.0.0.0/22 /24 = 10.0.0.0/24,10.0.1.0/24,…
 *   nth 10.0.1.0/24 /26 3 = 10.0.1.128/26    the 3rd /26, counting from 1
 *   contains 10.0.0.0/16 10.0.4.0/22 = true  (the second may be a single address)
 *   overlaps 10.0.0.0/16 10.0.255.0/24 = true
 *   hosts 200 = /24                          smallest AWS subnet for N instances, or none
 *   binary 192.168.1.10 = 11000000.10101000.00000001.00001010
 *   private 172.31.5.4 = true                inside an RFC 1918 range
 *   reserved 10.0.1.0/24 = 10.0.1.0,10.0.1.1,10.0.1.2,10.0.1.3,10.0.1.255
 *   route 10.0.1.7 0.0.0.0/0,10.0.0.0/16 = 10.0.0.0/16   longest matching prefix, or none
 *   rate 80000*5/300 = 1333.33               + - * / ( ) ceil() floor(), to 2 decimals
 *   asg-percent 4 +30 = 1                    instances a PercentChangeInCapacity step adds to a group
 *                                            of 4 (AWS's rounding; see percentAdjustment below)
 */

const LESSONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');

class ClaimError extends Error {}

/** What a claim says and what the address math says, both in canonical text. */
interface Verdict {
  expected: string;
  actual: string;
}

function cidrArg(text: string | undefined, verb: string): Cidr {
  if (text === undefined) throw new ClaimError(`"${verb}" needs a CIDR block, such as 10.0.0.0/16`);
  try {
    return parseCidr(text);
  } catch (e) {
    throw new ClaimError((e as Error).message);
  }
}

function canonicalCidrArg(text: string | undefined, verb: string): Cidr {
  const c = cidrArg(text, verb);
  if (c.hostBitsSet) {
    throw new ClaimError(`"${text}" has host bits set; write the network ${formatCidr(c)} (only "network" takes such a block)`);
  }
  return c;
}

function ipArg(text: string | undefined, verb: string): number {
  if (text === undefined) throw new ClaimError(`"${verb}" needs an IPv4 address, such as 10.0.1.5`);
  try {
    return parseIp(text);
  } catch (e) {
    throw new ClaimError((e as Error).message);
  }
}

/** A block of a size AWS allows for a VPC or subnet; the AWS-specific verbs mean nothing outside it. */
function awsSubnetArg(text: string | undefined, verb: string): Cidr {
  const c = canonicalCidrArg(text, verb);
  if (c.prefix < AWS_MIN_PREFIX || c.prefix > AWS_MAX_PREFIX) {
    throw new ClaimError(`"${verb}" is about AWS subnets, which are /${AWS_MIN_PREFIX} to /${AWS_MAX_PREFIX}; got /${c.prefix}`);
  }
  return c;
}

/** A block, or a single address taken as a /32. */
function blockOrIpArg(text: string | undefined, verb: string): Cidr {
  if (text !== undefined && !text.includes('/')) return { network: ipArg(text, verb), prefix: 32, hostBitsSet: false };
  return canonicalCidrArg(text, verb);
}

function prefixArg(text: string | undefined, verb: string): number {
  const m = /^\/(\d{1,2})$/.exec(text ?? '');
  if (!m || Number(m[1]) > 32) throw new ClaimError(`"${verb}" needs a prefix length written /0 … /32, got "${text ?? ''}"`);
  return Number(m[1]);
}

function integerValue(text: string): string {
  if (!/^\d+$/.test(text)) throw new ClaimError(`expected a whole number without separators, got "${text}"`);
  return String(Number(text));
}

function booleanValue(text: string): string {
  if (text !== 'true' && text !== 'false') throw new ClaimError(`expected true or false, got "${text}"`);
  return text;
}

function listValue(text: string, each: (item: string) => string): string {
  return text
    .split(',')
    .map((s) => each(s.trim()))
    .join(',');
}

function cidrValue(text: string): string {
  const c = cidrArg(text, 'value');
  if (c.hostBitsSet) throw new ClaimError(`the value "${text}" has host bits set; a claimed network must be canonical`);
  return formatCidr(c);
}

function ipValue(text: string): string {
  return formatIp(ipArg(text, 'value'));
}

function binaryOf(ip: number): string {
  return formatIp(ip)
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('.');
}

function requireArgs(verb: string, args: string[], count: number, usage: string): void {
  if (args.length !== count) throw new ClaimError(`"${verb}" takes ${usage}; got "${args.join(' ')}"`);
}

/** Drops binary noise first, so ceil(0.1 * 3 * 10) is 3, not 4. */
const tidy = (n: number): number => Number(n.toFixed(9));

/** Rounding a count up or down is the only function a sizing example needs. */
const FUNCTIONS: Record<string, (n: number) => number> = {
  ceil: (n) => Math.ceil(tidy(n)),
  floor: (n) => Math.floor(tidy(n)),
};

/** Evaluates `+ - * /`, parentheses, ceil(…) and floor(…) over decimal numbers; no other syntax. */
function evaluateArithmetic(expr: string): number {
  const tokens = expr.match(/\d+(?:\.\d+)?|[a-z]+|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (): string | undefined => tokens[i++];
  function primary(): number {
    const t = take();
    if (t === '(') {
      const v = sum();
      if (take() !== ')') throw new ClaimError(`unbalanced parentheses in "${expr}"`);
      return v;
    }
    if (t === '-') return -primary();
    if (t !== undefined && Object.prototype.hasOwnProperty.call(FUNCTIONS, t) && peek() === '(') {
      take();
      const v = sum();
      if (take() !== ')') throw new ClaimError(`unbalanced parentheses in "${expr}"`);
      return FUNCTIONS[t](v);
    }
    if (t !== undefined && /^\d/.test(t)) return Number(t);
    throw new ClaimError(`"${expr}" is not arithmetic: unexpected "${t ?? 'end'}" (use numbers, + - * / and parentheses)`);
  }
  function product(): number {
    let v = primary();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      const r = primary();
      if (op === '/' && r === 0) throw new ClaimError(`"${expr}" divides by zero`);
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }
  function sum(): number {
    let v = product();
    while (peek() === '+' || peek() === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  }
  const value = sum();
  if (i !== tokens.length) throw new ClaimError(`"${expr}" has something left over after "${tokens.slice(0, i).join('')}"`);
  return value;
}

/**
 * The instances a PercentChangeInCapacity adjustment adds (or removes) from a group of
 * `capacity`, rounded as EC2 Auto Scaling rounds it (shared/aws-semantics-services.md
 * ASG-08; https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html):
 * a result above 1 is rounded down, one between 0 and 1 becomes 1, one between -1 and 0
 * becomes -1, and one below -1 is rounded up (towards zero).
 */
function percentAdjustment(capacity: number, percent: number): number {
  const raw = tidy((capacity * percent) / 100);
  if (raw > 1) return Math.floor(raw);
  if (raw > 0) return 1;
  if (raw === 0) return 0;
  if (raw >= -1) return -1;
  return Math.ceil(raw);
}

/** Rounds to hundredths, absorbing binary floating-point noise (16.424999… counts as 16.425). */
function hundredths(n: number): number {
  return Math.round(n * 100 + (n >= 0 ? 1e-9 : -1e-9));
}

const VERBS: Record<string, (args: string[], value: string) => Verdict> = {
  size(args, value) {
    requireArgs('size', args, 1, 'one block');
    return { expected: integerValue(value), actual: String(blockSize(canonicalCidrArg(args[0], 'size').prefix)) };
  },
  usable(args, value) {
    requireArgs('usable', args, 1, 'one block');
    return { expected: integerValue(value), actual: String(awsUsableCount(awsSubnetArg(args[0], 'usable').prefix)) };
  },
  network(args, value) {
    requireArgs('network', args, 1, 'one block');
    return { expected: cidrValue(value), actual: formatCidr(cidrArg(args[0], 'network')) };
  },
  range(args, value) {
    requireArgs('range', args, 1, 'one block');
    const c = canonicalCidrArg(args[0], 'range');
    const parts = value.split('-');
    if (parts.length !== 2) throw new ClaimError(`a range is written FIRST-LAST, got "${value}"`);
    return {
      expected: `${ipValue(parts[0].trim())}-${ipValue(parts[1].trim())}`,
      actual: `${formatIp(c.network)}-${formatIp(lastAddress(c))}`,
    };
  },
  netmask(args, value) {
    requireArgs('netmask', args, 1, 'one prefix length, such as /20');
    return { expected: ipValue(value), actual: formatIp(maskOf(prefixArg(args[0], 'netmask'))) };
  },
  split(args, value) {
    requireArgs('split', args, 2, 'a block and a prefix length, such as 10.0.0.0/16 /24');
    const c = canonicalCidrArg(args[0], 'split');
    const p = prefixArg(args[1], 'split');
    if (p < c.prefix) throw new ClaimError(`cannot split ${formatCidr(c)} into larger /${p} blocks`);
    return { expected: integerValue(value), actual: String(blockSize(c.prefix) / blockSize(p)) };
  },
  'split-list'(args, value) {
    requireArgs('split-list', args, 2, 'a block and a prefix length');
    const c = canonicalCidrArg(args[0], 'split-list');
    const p = prefixArg(args[1], 'split-list');
    if (p < c.prefix) throw new ClaimError(`cannot split ${formatCidr(c)} into larger /${p} blocks`);
    if (blockSize(c.prefix) / blockSize(p) > 64) throw new ClaimError('split-list is for short lists (64 blocks at most); use split for a count');
    return { expected: listValue(value, cidrValue), actual: splitCidr(c, p).map(formatCidr).join(',') };
  },
  /** The Nth (counting from 1) block of a split: nth 10.0.1.0/24 /26 3 = 10.0.1.128/26. */
  nth(args, value) {
    requireArgs('nth', args, 3, 'a block, a prefix length and a position counted from 1');
    const c = canonicalCidrArg(args[0], 'nth');
    const p = prefixArg(args[1], 'nth');
    if (p < c.prefix) throw new ClaimError(`cannot split ${formatCidr(c)} into larger /${p} blocks`);
    const n = Number(integerValue(args[2]));
    const count = blockSize(c.prefix) / blockSize(p);
    if (n < 1 || n > count) throw new ClaimError(`${formatCidr(c)} holds ${count} /${p} blocks; position ${n} is not one of them`);
    return { expected: cidrValue(value), actual: formatCidr({ network: c.network + (n - 1) * blockSize(p), prefix: p }) };
  },
  contains(args, value) {
    requireArgs('contains', args, 2, 'two blocks (or a block and an address)');
    const outer = canonicalCidrArg(args[0], 'contains');
    return { expected: booleanValue(value), actual: String(cidrContains(outer, blockOrIpArg(args[1], 'contains'))) };
  },
  overlaps(args, value) {
    requireArgs('overlaps', args, 2, 'two blocks');
    const a = canonicalCidrArg(args[0], 'overlaps');
    return { expected: booleanValue(value), actual: String(cidrOverlaps(a, canonicalCidrArg(args[1], 'overlaps'))) };
  },
  hosts(args, value) {
    requireArgs('hosts', args, 1, 'a number of instances');
    const n = Number(integerValue(args[0]));
    const p = smallestAwsPrefixFor(n);
    const expected = value === 'none' ? 'none' : `/${prefixArg(value, 'hosts')}`;
    return { expected, actual: p === undefined ? 'none' : `/${p}` };
  },
  binary(args, value) {
    requireArgs('binary', args, 1, 'one address');
    if (!/^[01]{8}(\.[01]{8}){3}$/.test(value)) throw new ClaimError(`binary is written as four groups of eight bits, got "${value}"`);
    return { expected: value, actual: binaryOf(ipArg(args[0], 'binary')) };
  },
  private(args, value) {
    requireArgs('private', args, 1, 'one address');
    return { expected: booleanValue(value), actual: String(isPrivateIp(ipArg(args[0], 'private'))) };
  },
  reserved(args, value) {
    requireArgs('reserved', args, 1, 'one block');
    const c = canonicalCidrArg(args[0], 'reserved');
    return { expected: listValue(value, ipValue), actual: awsReservedAddresses(c).map(formatIp).join(',') };
  },
  first(args, value) {
    requireArgs('first', args, 1, 'one block');
    return { expected: ipValue(value), actual: formatIp(canonicalCidrArg(args[0], 'first').network) };
  },
  last(args, value) {
    requireArgs('last', args, 1, 'one block');
    return { expected: ipValue(value), actual: formatIp(lastAddress(canonicalCidrArg(args[0], 'last'))) };
  },
  /** The first and last addresses AWS can give an instance: after the four reserved at the start, before the last. */
  'first-usable'(args, value) {
    requireArgs('first-usable', args, 1, 'one subnet block');
    return { expected: ipValue(value), actual: formatIp(awsReservedAddresses(awsSubnetArg(args[0], 'first-usable'))[3] + 1) };
  },
  'last-usable'(args, value) {
    requireArgs('last-usable', args, 1, 'one subnet block');
    return { expected: ipValue(value), actual: formatIp(awsReservedAddresses(awsSubnetArg(args[0], 'last-usable'))[4] - 1) };
  },
  /** The address AWS reserves for the VPC router in a subnet (base + 1). */
  router(args, value) {
    requireArgs('router', args, 1, 'one subnet block');
    return { expected: ipValue(value), actual: formatIp(awsReservedAddresses(awsSubnetArg(args[0], 'router'))[1]) };
  },
  /** The Amazon-provided DNS server of a VPC: its primary block's base + 2. */
  dns(args, value) {
    requireArgs('dns', args, 1, 'one VPC block');
    return { expected: ipValue(value), actual: formatIp(awsReservedAddresses(awsSubnetArg(args[0], 'dns'))[2]) };
  },
  /** The route a packet to ADDRESS takes among the listed destinations: the longest prefix that contains it. */
  route(args, value) {
    requireArgs('route', args, 2, 'an address and a comma-separated list of route destinations');
    const ip = ipArg(args[0], 'route');
    const routes = args[1].split(',').map((r) => canonicalCidrArg(r.trim(), 'route'));
    const best = routes.filter((r) => cidrContainsIp(r, ip)).sort((a, b) => b.prefix - a.prefix)[0];
    return { expected: value === 'none' ? 'none' : cidrValue(value), actual: best ? formatCidr(best) : 'none' };
  },
  /** asg-percent CAPACITY PERCENT = CHANGE: what a percent step does to a group of CAPACITY instances. */
  'asg-percent'(args, value) {
    requireArgs('asg-percent', args, 2, 'a current capacity and a signed percentage, such as 4 +30');
    const capacity = Number(integerValue(args[0]));
    const m = /^([+-]?)(\d+(?:\.\d+)?)$/.exec(args[1]);
    if (!m) throw new ClaimError(`"asg-percent" needs a percentage such as +30 or -25, got "${args[1]}"`);
    const percent = Number(m[2]) * (m[1] === '-' ? -1 : 1);
    if (!/^[+-]?\d+$/.test(value)) throw new ClaimError(`"asg-percent" values are a whole number of instances, such as +3 or -1, got "${value}"`);
    return { expected: String(Number(value)), actual: String(percentAdjustment(capacity, percent)) };
  },
  rate(args, value) {
    if (args.length === 0) throw new ClaimError('"rate" needs an arithmetic expression');
    if (!/^-?\d+(\.\d{1,2})?$/.test(value)) throw new ClaimError(`"rate" values are written with at most two decimals, got "${value}"`);
    const actual = evaluateArithmetic(args.join(' '));
    const same = hundredths(actual) === hundredths(Number(value));
    return { expected: value, actual: same ? value : (hundredths(actual) / 100).toFixed(2) };
  },
};

/** Parses and recomputes one claim (the text after `check:`). Throws ClaimError when it cannot be read. */
function evaluateClaim(claim: string): Verdict {
  const eq = claim.lastIndexOf('=');
  if (eq < 0) throw new ClaimError(`"${claim}" has no "= VALUE"`);
  const [verb, ...args] = claim.slice(0, eq).trim().split(/\s+/);
  const value = claim.slice(eq + 1).trim();
  const fn = Object.prototype.hasOwnProperty.call(VERBS, verb) ? VERBS[verb] : undefined;
  if (!fn) throw new ClaimError(`unknown verb "${verb}"; known verbs: ${Object.keys(VERBS).join(', ')}`);
  if (value === '') throw new ClaimError(`"${claim}" has nothing after "="`);
  return fn(args, value);
}

/** Undefined when the claim holds; otherwise a sentence saying what is wrong. */
function checkClaim(claim: string): string | undefined {
  try {
    const { expected, actual } = evaluateClaim(claim);
    return expected === actual ? undefined : `claims ${expected}, but the address math gives ${actual}`;
  } catch (e) {
    if (e instanceof ClaimError) return e.message;
    throw e;
  }
}

/** The claimed value, used to tie a quiz answer to its claim. */
function claimValue(claim: string): string {
  return claim.slice(claim.lastIndexOf('=') + 1).trim();
}

interface LocatedClaim {
  line: number;
  text: string;
}

const CLAIM = /<!--\s*check:\s*(.*?)\s*-->/g;

function claimsOf(markdown: string): { claims: LocatedClaim[]; problems: string[] } {
  const claims: LocatedClaim[] = [];
  const problems: string[] = [];
  let inFence = false;
  markdown.split('\n').forEach((lineText, index) => {
    const line = index + 1;
    if (/^\s*(```|~~~)/.test(lineText)) inFence = !inFence;
    const found = [...lineText.matchAll(CLAIM)];
    if (/<!--\s*check/.test(lineText) && found.length === 0) problems.push(`line ${line}: a check comment that does not read "<!-- check: VERB … = VALUE -->"`);
    for (const m of found) {
      if (inFence) problems.push(`line ${line}: a claim inside a code block would be shown to the reader`);
      claims.push({ line, text: m[1] });
    }
  });
  return { claims, problems };
}

const CIDR_IN_TEXT = /\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b/;

function lessonFiles(): string[] {
  return readdirSync(LESSONS_DIR)
    .filter((f) => /^\d\d-.+\.md$/.test(f))
    .sort();
}

function bankFiles(): string[] {
  return readdirSync(LESSONS_DIR)
    .filter((f) => /^\d\d-.+\.quiz\.yaml$/.test(f))
    .sort();
}

interface Question {
  id: string;
  type: string;
  answer: unknown;
  choices?: unknown[];
  tolerance?: number;
  checks?: unknown;
}

/** True when a quiz answer, read the way its question type reads it, equals a claimed value. */
function answerAgrees(q: Question, value: string): boolean {
  try {
    switch (q.type) {
      case 'numeric': {
        const v = Number(value);
        return Number.isFinite(v) && Math.abs(Number(q.answer) - v) <= Math.max(q.tolerance ?? 0, 0.005);
      }
      case 'cidr':
        return formatCidr(parseCidr(String(q.answer))) === formatCidr(parseCidr(value));
      case 'address':
        return formatIp(parseIp(String(q.answer))) === formatIp(parseIp(value));
      case 'single':
        return singleChoiceText(q) === value;
      default:
        return true;
    }
  } catch {
    return false;
  }
}

function singleChoiceText(q: Question): string {
  return String(q.choices?.[Number(q.answer)] ?? '')
    .trim()
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
}

/** The kind of value a text is, so a computed choice is tied only to a claim of its own kind. */
function valueKind(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return 'number';
  if (/^\/\d{1,2}$/.test(text)) return 'prefix';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return 'address';
  if (/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text)) return 'cidr';
  if (/^[01]{8}(\.[01]{8}){3}$/.test(text)) return 'binary';
  return 'prose';
}

/**
 * Whether a question's answer must equal one of its claimed values: always for numeric,
 * cidr and address answers; for a single choice when the choice is a computed value and a
 * claim computes a value of that kind (a prose choice is only supported by its claims).
 */
function mustAgree(q: Question, checks: string[]): boolean {
  if (q.type === 'multiple') return false;
  if (q.type !== 'single') return true;
  const kind = valueKind(singleChoiceText(q));
  return kind !== 'prose' && checks.some((c) => valueKind(claimValue(c)) === kind);
}

describe('the claim checker', () => {
  it.each([
    'size 10.0.0.0/20 = 4096',
    'usable 10.0.1.0/24 = 251',
    'usable 10.0.0.0/28 = 11',
    'network 10.0.1.5/16 = 10.0.0.0/16',
    'range 10.0.1.0/24 = 10.0.1.0-10.0.1.255',
    'netmask /20 = 255.255.240.0',
    'split 10.0.0.0/16 /24 = 256',
    'split-list 10.0.0.0/22 /24 = 10.0.0.0/24,10.0.1.0/24,10.0.2.0/24,10.0.3.0/24',
    'nth 10.0.1.0/24 /26 3 = 10.0.1.128/26',
    'asg-percent 4 +30 = 1',
    'asg-percent 10 +30 = 3',
    'asg-percent 11 +30 = 3',
    'asg-percent 2 +30 = 1',
    'asg-percent 10 +10 = +1',
    'asg-percent 3 -25 = -1',
    'asg-percent 20 -33 = -6',
    'nth 10.20.0.0/16 /20 16 = 10.20.240.0/20',
    'contains 10.0.0.0/16 10.0.4.0/22 = true',
    'contains 10.0.0.0/16 10.1.0.7 = false',
    'overlaps 10.0.0.0/16 10.0.255.0/24 = true',
    'hosts 200 = /24',
    'hosts 70000 = none',
    'binary 192.168.1.10 = 11000000.10101000.00000001.00001010',
    'private 172.31.5.4 = true',
    'private 172.32.0.1 = false',
    'reserved 10.0.1.0/24 = 10.0.1.0,10.0.1.1,10.0.1.2,10.0.1.3,10.0.1.255',
    'route 10.0.1.7 0.0.0.0/0,10.0.0.0/16,10.0.1.0/24 = 10.0.1.0/24',
    'route 8.8.8.8 10.0.0.0/16 = none',
    'first 10.0.32.0/20 = 10.0.32.0',
    'last 10.0.32.0/20 = 10.0.47.255',
    'first-usable 10.0.5.0/24 = 10.0.5.4',
    'last-usable 10.0.5.0/24 = 10.0.5.254',
    'router 10.0.5.0/24 = 10.0.5.1',
    'dns 10.0.0.0/16 = 10.0.0.2',
    'rate 1000000*5/31536000 = 0.16',
    'rate 80000 * 5 / 300 = 1333.33',
    'rate (2 + 3) * 4 - 1 = 19',
    'rate ceil(80000*5/300/200) = 7',
    'rate floor(7/2) = 3',
    'rate ceil(0.1*3*10) = 3',
  ])('accepts the true claim "%s"', (claim) => {
    expect(checkClaim(claim)).toBeUndefined();
  });

  it.each([
    ['size 10.0.0.0/20 = 4000', '4096'],
    ['usable 10.0.1.0/24 = 254', '251'],
    ['network 10.0.1.5/16 = 10.0.1.0/16', 'host bits'],
    ['range 10.0.1.0/24 = 10.0.1.1-10.0.1.254', '10.0.1.0-10.0.1.255'],
    ['netmask /20 = 255.255.0.0', '255.255.240.0'],
    ['split 10.0.0.0/16 /24 = 255', '256'],
    ['split-list 10.0.0.0/23 /24 = 10.0.0.0/24,10.0.2.0/24', '10.0.1.0/24'],
    ['nth 10.0.1.0/24 /26 3 = 10.0.1.192/26', '10.0.1.128/26'],
    ['contains 10.0.4.0/22 10.0.0.0/16 = true', 'false'],
    ['overlaps 10.0.0.0/24 10.0.1.0/24 = true', 'false'],
    ['hosts 12 = /28', '/27'],
    ['binary 10.0.0.1 = 00001010.00000000.00000000.00000010', '00000001'],
    ['private 172.32.0.1 = true', 'false'],
    ['reserved 10.0.1.0/24 = 10.0.1.0,10.0.1.255', '10.0.1.1'],
    ['route 10.0.1.7 0.0.0.0/0,10.0.0.0/16 = 0.0.0.0/0', '10.0.0.0/16'],
    ['last 10.0.32.0/20 = 10.0.47.254', '10.0.47.255'],
    ['first-usable 10.0.5.0/24 = 10.0.5.1', '10.0.5.4'],
    ['last-usable 10.0.5.0/24 = 10.0.5.255', '10.0.5.254'],
    ['router 10.0.5.0/24 = 10.0.5.254', '10.0.5.1'],
    ['dns 10.0.0.0/16 = 10.0.0.53', '10.0.0.2'],
    ['rate 80000*5/300 = 1333', '1333.33'],
    ['asg-percent 11 +30 = 4', '3'],
    ['asg-percent 4 +30 = 2', '1'],
  ])('rejects the deliberately wrong claim "%s" and gives the right value', (claim, shown) => {
    const problem = checkClaim(claim);
    expect(problem).toBeDefined();
    expect(problem).toContain(shown);
  });

  it.each([
    ['area 10.0.0.0/16 = 65536', 'unknown verb "area"'],
    ['size 10.0.0.0/16', 'no "= VALUE"'],
    ['size 10.0.0.0/33 = 1', 'prefix length'],
    ['size 10.0.1.5/16 = 65536', 'host bits'],
    ['size 10.0.0.0/16 = 65,536', 'whole number'],
    ['usable 10.0.0.0/30 = 0', '/16 to /28'],
    ['split 10.0.0.0/24 /16 = 0', 'larger'],
    ['nth 10.0.0.0/24 /26 5 = 10.0.1.0/26', 'position 5'],
    ['contains 10.0.0.0/16 = true', 'takes two blocks'],
    ['rate 2 ** 3 = 8', 'not arithmetic'],
    ['rate sqrt(4) = 2', 'not arithmetic'],
    ['rate 1/0 = 0', 'divides by zero'],
    ['rate 1/3 = 0.333', 'two decimals'],
    ['asg-percent 4 30% = 1', 'percentage such as +30'],
    ['asg-percent 4 +30 = 1.2', 'whole number of instances'],
  ])('refuses the unreadable claim "%s"', (claim, message) => {
    expect(checkClaim(claim)).toContain(message);
  });

  it('finds claims with their line numbers and flags malformed ones and ones inside code', () => {
    const md = [
      'A /20 holds 4,096 addresses.',
      '<!-- check: size 10.0.0.0/20 = 4096 -->',
      '<!-- check size 10.0.0.0/20 = 4096 -->',
      '```',
      '<!-- check: size 10.0.0.0/24 = 256 -->',
      '```',
    ].join('\n');
    const { claims, problems } = claimsOf(md);
    expect(claims).toEqual([
      { line: 2, text: 'size 10.0.0.0/20 = 4096' },
      { line: 5, text: 'size 10.0.0.0/24 = 256' },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 3:/);
    expect(problems[1]).toMatch(/^line 5: .*code block/);
  });

  it('ties a quiz answer to a claimed value by question type', () => {
    expect(answerAgrees({ id: 'a', type: 'numeric', answer: 251 }, '251')).toBe(true);
    expect(answerAgrees({ id: 'a', type: 'numeric', answer: 250 }, '251')).toBe(false);
    expect(answerAgrees({ id: 'a', type: 'numeric', answer: 1333, tolerance: 1 }, '1333.33')).toBe(true);
    expect(answerAgrees({ id: 'a', type: 'cidr', answer: '10.0.0.0/16' }, '10.0.0.0/16')).toBe(true);
    expect(answerAgrees({ id: 'a', type: 'address', answer: '10.0.1.255' }, '10.0.1.254')).toBe(false);
    expect(answerAgrees({ id: 'a', type: 'single', choices: ['256', '4,096'], answer: 1 }, '4096')).toBe(true);
    const netmask = { id: 'a', type: 'single', choices: ['255.255.0.0', '255.255.240.0'], answer: 0 };
    expect(mustAgree(netmask, ['netmask /20 = 255.255.240.0'])).toBe(true);
    expect(answerAgrees(netmask, '255.255.240.0')).toBe(false);
    const prose = { id: 'a', type: 'single', choices: ['Yes, it lies inside', 'No'], answer: 0 };
    expect(mustAgree(prose, ['overlaps 10.0.0.0/16 10.0.255.0/24 = true'])).toBe(false);
  });
});

describe('the lessons compute correctly', () => {
  const files = lessonFiles();

  it('there are lessons to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(files)('%s', (file) => {
    const markdown = readFileSync(join(LESSONS_DIR, file), 'utf8');
    const { claims, problems } = claimsOf(markdown);

    it('has only well-formed claims, outside code blocks', () => {
      expect(problems).toEqual([]);
    });

    it('backs its worked address examples with at least one claim', () => {
      const prose = markdown.replace(/<!--[\s\S]*?-->/g, '');
      if (CIDR_IN_TEXT.test(prose)) expect(claims.length).toBeGreaterThan(0);
    });

    it('states only what the address math confirms', () => {
      const wrong = claims
        .map((c) => ({ c, problem: checkClaim(c.text) }))
        .filter((x) => x.problem !== undefined)
        .map((x) => `${file}:${x.c.line}: "${x.c.text}": ${x.problem}`);
      expect(wrong).toEqual([]);
    });
  });
});

describe('the quiz banks compute correctly', () => {
  const files = bankFiles();

  it('there are quiz banks to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(files)('%s', (file) => {
    const bank = parseYaml(readFileSync(join(LESSONS_DIR, file), 'utf8')) as { questions?: Question[] };
    const questions = bank?.questions ?? [];

    it('backs every numeric, cidr and address answer with a claim it agrees with', () => {
      const missing = questions
        .filter((q) => ['numeric', 'cidr', 'address'].includes(q.type))
        .filter((q) => !Array.isArray(q.checks) || q.checks.length === 0)
        .map((q) => `${file}: ${q.id} (${q.type}) has no checks`);
      expect(missing).toEqual([]);
    });

    it('states only what the address math confirms, and answers what it claims', () => {
      const wrong: string[] = [];
      for (const q of questions) {
        if (q.checks === undefined) continue;
        if (!Array.isArray(q.checks) || !q.checks.every((c) => typeof c === 'string')) {
          wrong.push(`${file}: ${q.id}: checks must be a list of claim strings`);
          continue;
        }
        const checks = q.checks as string[];
        for (const claim of checks) {
          const problem = checkClaim(claim);
          if (problem) wrong.push(`${file}: ${q.id}: "${claim}": ${problem}`);
        }
        if (mustAgree(q, checks) && !checks.some((c) => answerAgrees(q, claimValue(c)))) {
          wrong.push(`${file}: ${q.id}: the answer ${JSON.stringify(q.answer)} matches none of its claims`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});
