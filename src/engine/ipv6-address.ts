import { Address6 } from 'ip-address';

/**
 * IPv6 blocks: parsing (ip-address does it), containment and overlap, and the documentation
 * range (RFC 3849, 2001:db8::/32) the virtual cloud draws its stand-in VPC blocks from.
 */

export interface Ipv6Cidr {
  /** The network address as a 128-bit number. */
  network: bigint;
  prefix: number;
  /** True when the text had host bits set (it was canonicalised to its network). */
  hostBitsSet: boolean;
}

const ALL = (1n << 128n) - 1n;

/** The size of a block, in addresses. */
export function ipv6Size(prefix: number): bigint {
  return 1n << BigInt(128 - prefix);
}

export function ipv6Last(c: Ipv6Cidr): bigint {
  return c.network + ipv6Size(c.prefix) - 1n;
}

/**
 * "2001:db8::/56" → its block. An address without a length is refused (AWS asks for a
 * block); a block with host bits names its network (hostBitsSet tells).
 */
export function parseIpv6Cidr(text: string): Ipv6Cidr {
  const t = text.trim();
  if (!/\/\d{1,3}$/.test(t)) throw new RangeError(`"${text}" is not an IPv6 block; write an address and a prefix length, such as 2001:db8::/56`);
  let a: Address6;
  try {
    a = new Address6(t);
  } catch {
    throw new RangeError(`"${text}" is not an IPv6 block; write an address and a prefix length, such as 2001:db8::/56`);
  }
  const prefix = a.subnetMask;
  if (prefix < 0 || prefix > 128) throw new RangeError(`"${text}": an IPv6 prefix length is 0 to 128`);
  const n = a.bigInt();
  const mask = prefix === 0 ? 0n : (ALL >> BigInt(128 - prefix)) << BigInt(128 - prefix);
  const network = n & mask;
  return { network, prefix, hostBitsSet: network !== n };
}

/** True for text that looks like an IPv6 block (it has a colon); an IPv4 block has none. */
export function looksIpv6(text: unknown): boolean {
  return typeof text === 'string' && text.includes(':');
}

export function formatIpv6(n: bigint): string {
  return Address6.fromBigInt(n).correctForm();
}

export function formatIpv6Cidr(c: Ipv6Cidr): string {
  return `${formatIpv6(c.network)}/${c.prefix}`;
}

export function ipv6Contains(outer: Ipv6Cidr, inner: Ipv6Cidr): boolean {
  return outer.prefix <= inner.prefix && inner.network >= outer.network && ipv6Last(inner) <= ipv6Last(outer);
}

export function ipv6Overlaps(a: Ipv6Cidr, b: Ipv6Cidr): boolean {
  return a.network <= ipv6Last(b) && b.network <= ipv6Last(a);
}

export function sameIpv6(a: Ipv6Cidr | undefined, b: Ipv6Cidr | undefined): boolean {
  return a?.network === b?.network && a?.prefix === b?.prefix;
}

/** The documentation range of RFC 3849: the stand-in blocks come from here, never a real network. */
export const DOCUMENTATION_RANGE = parseIpv6Cidr('2001:db8::/32');

/**
 * The n-th stand-in /56 (0-based): 2001:db8::/56, 2001:db8:0:100::/56, … — AWS gives each
 * VPC a /56 from its pool; the virtual cloud gives them out in creation order.
 */
export function standInBlock(n: number): Ipv6Cidr {
  if (n < 0 || n >= 2 ** 24) throw new RangeError('no stand-in IPv6 block left in 2001:db8::/32');
  return { network: DOCUMENTATION_RANGE.network + BigInt(n) * ipv6Size(56), prefix: 56, hostBitsSet: false };
}

export const ANY_IPV6 = parseIpv6Cidr('::/0');
