import {
  AWS_MAX_PREFIX,
  AWS_MIN_PREFIX,
  AddressFormatError,
  PRIVATE_RANGES,
  awsReservedAddresses,
  blockSize,
  cidrContains,
  cidrOverlaps,
  formatCidr,
  formatIp,
  isIp,
  lastAddress,
  maskOf,
  parseCidr,
  parseIp,
  smallestAwsPrefixFor,
  splitCidr,
  type Cidr,
} from './address.js';

/**
 * The address calculator's answer for one block: what `cloudlab cidr` prints and the
 * terminal app shows. Pure: text in, plain data out (JSON field names are part of the
 * command-line contract).
 */

export interface CidrReportOptions {
  /** List the subnets of this prefix length inside the block ("24" or "/24"). */
  readonly split?: string | number;
  /** Size the smallest AWS subnet that holds this many instances. */
  readonly hosts?: string | number;
  /** Most subnets a split may list (default 4096). */
  readonly limit?: number;
}

export interface ReservedAddress {
  readonly address: string;
  readonly purpose: 'network address' | 'VPC router' | 'reserved (DNS is at the VPC base + 2)' | 'future use' | 'last address';
}

export interface SubnetRow {
  readonly network: string;
  readonly first: string;
  readonly last: string;
  readonly awsUsable: number;
}

export interface HostsFit {
  readonly hosts: number;
  /** The smallest AWS subnet (longest prefix, /16 … /28) that holds the instances. */
  readonly prefixLength: number;
  readonly awsUsable: number;
  /** How many subnets of that size fit in the block (0 when the block is smaller). */
  readonly subnetsInBlock: number;
}

export interface CidrReport {
  /** The text as given, trimmed. */
  readonly input: string;
  /** The block in canonical form, host bits cleared: "10.0.0.0/16". */
  readonly network: string;
  readonly prefixLength: number;
  readonly netmask: string;
  readonly wildcard: string;
  /** The network address in dotted binary. */
  readonly binary: string;
  readonly first: string;
  readonly last: string;
  readonly total: number;
  /** Addresses instances can use in a subnet of this size; 0 when AWS allows no such subnet. */
  readonly awsUsable: number;
  /** The five addresses AWS keeps in a subnet of this block; empty when the block is too small. */
  readonly awsReserved: readonly ReservedAddress[];
  readonly hostBitsSet: boolean;
  /** The whole block lies inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. */
  readonly private: boolean;
  /** The prefix is one AWS accepts for a VPC or subnet (/16 … /28). */
  readonly awsValidVpcOrSubnetSize: boolean;
  readonly notes: readonly string[];
  /** With `split`: the subnets, in address order. */
  readonly subnets?: readonly SubnetRow[];
  /** With `hosts`: the subnet that holds them, or null when no AWS subnet is large enough. */
  readonly hostsFit?: HostsFit | null;
}

export const DEFAULT_SPLIT_LIMIT = 4096;

// Base + 2 is reserved in every subnet, but the DNS server answers only at the VPC's primary
// block's base + 2 ("We also reserve the IP address at the base of each subnet range plus two"):
// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
const PURPOSES: ReservedAddress['purpose'][] = ['network address', 'VPC router', 'reserved (DNS is at the VPC base + 2)', 'future use', 'last address'];
const PRIVATE_LIST = PRIVATE_RANGES.map(formatCidr).join(', ');
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Builds the calculator's answer for a block ("10.0.0.0/16", host bits allowed) or a single
 * address (read as /32).
 * @throws AddressFormatError for text that is not a block or address, a split prefix
 *   outside the block's prefix … 32, a split of more than `limit` subnets, or a host
 *   count that is not a positive whole number.
 * @example cidrReport('10.0.0.0/24').awsUsable === 251
 */
export function cidrReport(text: string, options: CidrReportOptions = {}): CidrReport {
  const input = String(text).trim();
  const block = parseBlockOrAddress(input);
  const { network, prefix } = block;
  const total = blockSize(prefix);
  const awsSized = prefix >= AWS_MIN_PREFIX && prefix <= AWS_MAX_PREFIX;
  const name = formatCidr(block);
  const notes = baseNotes(input, block);

  let subnets: SubnetRow[] | undefined;
  if (options.split !== undefined) {
    const splitPrefix = parseSplit(options.split, block);
    subnets = splitRows(block, splitPrefix, options.limit ?? DEFAULT_SPLIT_LIMIT);
    if (splitPrefix > AWS_MAX_PREFIX) {
      notes.push(`/${splitPrefix} subnets are smaller than AWS allows (/${AWS_MAX_PREFIX}, 16 addresses, is the smallest), so none has addresses AWS lets instances use.`);
    } else if (splitPrefix < AWS_MIN_PREFIX) {
      notes.push(`/${splitPrefix} subnets are larger than AWS allows (/${AWS_MIN_PREFIX}, 65,536 addresses, is the largest).`);
    }
  }

  let hostsFit: HostsFit | null | undefined;
  if (options.hosts !== undefined) {
    hostsFit = fitHosts(parseHosts(options.hosts), block, notes);
  }

  return {
    input,
    network: name,
    prefixLength: prefix,
    netmask: formatIp(maskOf(prefix)),
    wildcard: formatIp(~maskOf(prefix) >>> 0),
    binary: toBinary(network),
    first: formatIp(network),
    last: formatIp(lastAddress(block)),
    total,
    awsUsable: usable(prefix),
    awsReserved: prefix <= AWS_MAX_PREFIX
      ? awsReservedAddresses(block).map((a, i) => ({ address: formatIp(a), purpose: PURPOSES[i] }))
      : [],
    hostBitsSet: block.hostBitsSet,
    private: PRIVATE_RANGES.some((r) => cidrContains(r, block)),
    awsValidVpcOrSubnetSize: awsSized,
    notes,
    ...(subnets ? { subnets } : {}),
    ...(hostsFit !== undefined ? { hostsFit } : {}),
  };
}

function parseBlockOrAddress(input: string): Cidr {
  if (input === '') {
    throw new AddressFormatError('no block given; write a block such as 10.0.0.0/16 or an address such as 10.0.1.5', input);
  }
  refuseLeadingZeros(input);
  if (input.includes('/')) return parseCidr(input);
  if (isIp(input)) return { network: parseIp(input), prefix: 32, hostBitsSet: false };
  throw new AddressFormatError(
    `"${input}" is not an IPv4 address or CIDR block; write a block such as 10.0.0.0/16 (four numbers from 0 to 255, a slash, a length from 0 to 32) or an address such as 10.0.1.5`,
    input,
  );
}

/** parseIp refuses leading zeros; name that problem rather than "not an address". */
function refuseLeadingZeros(input: string): void {
  const address = input.split('/')[0];
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)?.slice(1);
  const padded = octets?.find((o) => o.length > 1 && o.startsWith('0'));
  if (octets && padded && octets.every((o) => Number(o) <= 255)) {
    const fixed = octets.map((o) => String(Number(o))).join('.') + input.slice(address.length);
    throw new AddressFormatError(
      `"${input}" has a number with a leading zero (${padded}), which some tools read as octal; write each number without leading zeros, such as ${fixed}`,
      input,
    );
  }
}

/** Addresses AWS lets instances use; blocks longer than /28 cannot be subnets at all. */
function usable(prefix: number): number {
  return prefix > AWS_MAX_PREFIX ? 0 : blockSize(prefix) - 5;
}

function toBinary(n: number): string {
  return [24, 16, 8, 0].map((s) => ((n >>> s) & 255).toString(2).padStart(8, '0')).join('.');
}

function baseNotes(input: string, block: Cidr): string[] {
  const name = formatCidr(block);
  const notes: string[] = [];
  if (!input.includes('/')) {
    notes.push(`${input} has no prefix length, so it is read as ${name}: a single address.`);
  }
  if (block.hostBitsSet) {
    notes.push(`${input} has host bits set: it names the network ${name}; AWS refuses blocks written this way, write ${name}.`);
  }
  if (block.prefix === 0) {
    notes.push(`${name} is every IPv4 address: in a route or a security group rule it means anywhere, including the internet.`);
  } else if (!PRIVATE_RANGES.some((r) => cidrContains(r, block))) {
    const where = PRIVATE_RANGES.some((r) => cidrOverlaps(r, block)) ? 'only partly inside' : 'outside';
    notes.push(`${name} is ${where} the private ranges (${PRIVATE_LIST}); to a VPC, addresses outside them are the internet. For a VPC's own block, choose one inside them, such as 10.0.0.0/16.`);
  }
  if (block.prefix < AWS_MIN_PREFIX || block.prefix > AWS_MAX_PREFIX) {
    const size = block.prefix < AWS_MIN_PREFIX ? 'larger' : 'smaller';
    notes.push(`/${block.prefix} is ${size} than AWS allows for a VPC or subnet, which run from /${AWS_MIN_PREFIX} (65,536 addresses) to /${AWS_MAX_PREFIX} (16 addresses); it is fine in a route or a security group rule.`);
  }
  return notes;
}

function parseSplit(value: string | number, block: Cidr): number {
  const text = String(value).trim();
  const m = /^\/?(\d{1,2})$/.exec(text);
  const range = block.prefix === 32 ? 'only /32' : `a prefix length from ${block.prefix} to 32`;
  const example = `such as /${block.prefix + 8 <= AWS_MAX_PREFIX ? block.prefix + 8 : Math.min(block.prefix + 4, 32)}`;
  if (!m) {
    throw new AddressFormatError(
      `"${text}" is not a prefix length to split ${formatCidr(block)} by; choose ${range}, ${example}`,
      text,
    );
  }
  const prefix = Number(m[1]);
  if (prefix < block.prefix || prefix > 32) {
    const why = prefix < block.prefix ? ': they are larger than the block itself' : '';
    throw new AddressFormatError(
      `cannot split ${formatCidr(block)} into /${prefix} blocks${why}; choose ${range}, ${example}`,
      text,
    );
  }
  return prefix;
}

function splitRows(block: Cidr, prefix: number, limit: number): SubnetRow[] {
  const n = 2 ** (prefix - block.prefix);
  const max = limit >= 1 ? Math.floor(limit) : 1;
  if (n > max) {
    const longest = block.prefix + Math.floor(Math.log2(max));
    throw new AddressFormatError(
      `splitting ${formatCidr(block)} into /${prefix} blocks gives ${count(n)} subnets, more than the ${count(max)} that can be listed; choose a shorter split, /${longest} or less (${count(2 ** (longest - block.prefix))} subnets)`,
      String(prefix),
    );
  }
  return splitCidr(block, prefix).map((c) => ({
    network: formatCidr(c),
    first: formatIp(c.network),
    last: formatIp(lastAddress(c)),
    awsUsable: usable(prefix),
  }));
}

function parseHosts(value: string | number): number {
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new AddressFormatError(
      `"${text}" is not a number of instances; write a positive whole number, such as 50`,
      text,
    );
  }
  return n;
}

function fitHosts(hosts: number, block: Cidr, notes: string[]): HostsFit | null {
  const prefix = smallestAwsPrefixFor(hosts);
  const largest = usable(AWS_MIN_PREFIX);
  if (prefix === undefined) {
    notes.push(`No AWS subnet holds ${count(hosts)} instances: the largest, a /${AWS_MIN_PREFIX}, has ${count(largest)} usable addresses; spread them over several subnets.`);
    return null;
  }
  const subnetsInBlock = prefix >= block.prefix ? 2 ** (prefix - block.prefix) : 0;
  if (subnetsInBlock === 0) {
    notes.push(`${count(hosts)} instances need a /${prefix} subnet (${count(usable(prefix))} usable addresses), which is larger than ${formatCidr(block)}.`);
  }
  return { hosts, prefixLength: prefix, awsUsable: usable(prefix), subnetsInBlock };
}
