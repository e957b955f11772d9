import { Address4 } from 'ip-address';

/**
 * IPv4 address math for the engine. Addresses are unsigned 32-bit integers held in
 * JavaScript numbers (0 … 4294967295); blocks are a network address and a prefix length.
 * Parsing is ip-address's job; this module adds what AWS needs on top of it.
 */

/** A problem with an address or block a person typed; the message says what would be valid. */
export class AddressFormatError extends Error {
  constructor(message: string, readonly input: string) {
    super(message);
    this.name = 'AddressFormatError';
  }
}

export interface Cidr {
  /** The network address (host bits cleared). */
  readonly network: number;
  readonly prefix: number;
  /** True when the text had host bits set (10.0.1.5/16 names 10.0.0.0/16). */
  readonly hostBitsSet: boolean;
}

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parses a dotted-quad IPv4 address.
 * @example parseIp('10.0.1.5') === 167772421
 */
export function parseIp(text: string): number {
  const t = String(text).trim();
  const m = DOTTED.exec(t);
  if (!m || !Address4.isValid(t) || m.slice(1).some((o) => o.length > 1 && o.startsWith('0'))) {
    throw new AddressFormatError(
      `"${text}" is not an IPv4 address; write four numbers from 0 to 255 separated by dots, such as 10.0.1.5`,
      String(text),
    );
  }
  return Number(new Address4(t).bigInt());
}

/** @example formatIp(167772421) === '10.0.1.5' */
export function formatIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function isIp(text: string): boolean {
  try {
    parseIp(text);
    return true;
  } catch {
    return false;
  }
}

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The netmask as an integer (/24 → 255.255.255.0). */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses a block such as 10.0.0.0/16. Host bits are accepted and reported through
 * `hostBitsSet`, because the student must be told which network the text names (AWS
 * canonicalises such a block to its network; params.ts requireBlock).
 * @example parseCidr('10.0.1.5/16') → { network: 10.0.0.0, prefix: 16, hostBitsSet: true }
 */
export function parseCidr(text: string): Cidr {
  const t = String(text).trim();
  const slash = t.indexOf('/');
  if (slash < 0) {
    throw new AddressFormatError(
      `"${text}" is not a CIDR block: it has no prefix length; write an address, a slash and a length from 0 to 32, such as 10.0.0.0/16`,
      String(text),
    );
  }
  const addrText = t.slice(0, slash).trim();
  const lenText = t.slice(slash + 1).trim();
  if (!/^\d{1,2}$/.test(lenText) || Number(lenText) > 32) {
    throw new AddressFormatError(
      `"${text}" has prefix length "${lenText}"; a prefix length is a whole number from 0 to 32`,
      String(text),
    );
  }
  let addr: number;
  try {
    addr = parseIp(addrText);
  } catch {
    throw new AddressFormatError(
      `"${text}" does not start with an IPv4 address; write four numbers from 0 to 255 separated by dots, then /prefix, such as 10.0.0.0/16`,
      String(text),
    );
  }
  const prefix = Number(lenText);
  // ip-address agrees on the network; it is the reference the tests check against.
  const network = (addr & maskOf(prefix)) >>> 0;
  return { network, prefix, hostBitsSet: network !== addr };
}

/** Canonical text of a block: 10.0.0.0/16. */
export function formatCidr(c: Pick<Cidr, 'network' | 'prefix'>): string {
  return `${formatIp(c.network)}/${c.prefix}`;
}

export function firstAddress(c: Pick<Cidr, 'network'>): number {
  return c.network;
}

export function lastAddress(c: Pick<Cidr, 'network' | 'prefix'>): number {
  return c.network + blockSize(c.prefix) - 1;
}

export function cidrContainsIp(c: Pick<Cidr, 'network' | 'prefix'>, ip: number): boolean {
  return ip >= c.network && ip <= lastAddress(c);
}

/** True when every address of `inner` lies in `outer`. */
export function cidrContains(outer: Pick<Cidr, 'network' | 'prefix'>, inner: Pick<Cidr, 'network' | 'prefix'>): boolean {
  return inner.prefix >= outer.prefix && cidrContainsIp(outer, inner.network);
}

export function cidrOverlaps(a: Pick<Cidr, 'network' | 'prefix'>, b: Pick<Cidr, 'network' | 'prefix'>): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/**
 * The five addresses AWS reserves in every subnet: the network address, base+1 (VPC
 * router), base+2 (DNS), base+3 (future use) and the last address.
 */
export function awsReservedAddresses(c: Pick<Cidr, 'network' | 'prefix'>): number[] {
  return [c.network, c.network + 1, c.network + 2, c.network + 3, lastAddress(c)];
}

/** Addresses AWS lets instances use in a subnet of this prefix (a /24 has 251, a /28 has 11). */
export function awsUsableCount(prefix: number): number {
  return Math.max(0, blockSize(prefix) - 5);
}

export const AWS_MIN_PREFIX = 16;
export const AWS_MAX_PREFIX = 28;

/** The private ranges of RFC 1918. */
export const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(parseCidr);

export function isPrivateIp(ip: number): boolean {
  return PRIVATE_RANGES.some((r) => cidrContainsIp(r, ip));
}

/** Splits a block into consecutive blocks of a longer prefix. */
export function splitCidr(c: Pick<Cidr, 'network' | 'prefix'>, prefix: number): Cidr[] {
  if (prefix < c.prefix || prefix > 32) {
    throw new AddressFormatError(
      `cannot split ${formatCidr(c)} into /${prefix} blocks; choose a prefix from ${c.prefix} to 32`,
      String(prefix),
    );
  }
  const out: Cidr[] = [];
  const step = blockSize(prefix);
  for (let n = c.network; n <= lastAddress(c); n += step) out.push({ network: n, prefix, hostBitsSet: false });
  return out;
}

/**
 * The longest prefix whose subnet holds `hosts` instances in AWS (five addresses reserved),
 * or undefined when no subnet AWS allows (/16 … /28) is large enough.
 * @example smallestAwsPrefixFor(11) === 28; smallestAwsPrefixFor(12) === 27
 */
export function smallestAwsPrefixFor(hosts: number): number | undefined {
  for (let p = AWS_MAX_PREFIX; p >= AWS_MIN_PREFIX; p--) if (awsUsableCount(p) >= hosts) return p;
  return undefined;
}
