import { type Cidr, formatCidr, parseCidr } from './address.js';
import { CloudError } from './errors.js';
import type { Field, Store } from './store.js';

/** Reading the values of a request the way AWS does; each refusal names the parameter. */

/**
 * Parses a block for a request. A block written with host bits set names its network, and
 * AWS canonicalises it ("if you specify 100.68.0.18/18, we modify it to 100.68.0.0/18":
 * CreateVpc, CreateSubnet, CreateRoute, CreateNetworkAclEntry,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html; and
 * AuthorizeSecurityGroupIngress/Egress, which also refuse the canonical form of an existing
 * rule as a duplicate, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html).
 * So does the virtual cloud, with a warning naming the network (aws-semantics 3).
 */
export function requireBlock(text: unknown, field: Field, what: string, store: Store): Cidr {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CloudError('MissingParameter', `${what} needs a CIDR block such as 10.0.0.0/16`, field);
  }
  let c: Cidr;
  try {
    c = parseCidr(text);
  } catch (e) {
    throw new CloudError('InvalidParameterValue', (e as Error).message, field);
  }
  if (c.hostBitsSet) {
    const network = formatCidr(c);
    store.warn({
      code: 'CidrCanonicalised',
      message: `${text.trim()} has host bits set: AWS deploys it as ${network}, the network it names (write ${network} to say so)`,
      field,
    });
    c = { ...c, hostBitsSet: false };
  }
  return c;
}

/** -1 is every protocol; tcp 6, udp 17, icmp 1; other numbers are kept as they are. */
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'all' | number;

const PROTOCOL_NAMES: Record<string, Protocol> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  '-1': 'all',
  all: 'all',
};

export function parseProtocol(value: unknown, field: Field): Protocol {
  const text = String(value ?? '').trim().toLowerCase();
  if (text in PROTOCOL_NAMES) return PROTOCOL_NAMES[text];
  if (/^\d+$/.test(text) && Number(text) <= 255) return Number(text);
  throw new CloudError(
    'InvalidParameterValue',
    `"${String(value)}" is not a protocol; use tcp, udp, icmp, -1 (all traffic) or a protocol number from 0 to 255`,
    field,
  );
}

export function parsePort(value: unknown, field: Field): number {
  const n = Number(value);
  if (value === '' || value === null || !Number.isInteger(n) || n < -1 || n > 65535) {
    throw new CloudError('InvalidParameterValue', `"${String(value)}" is not a port; ports are whole numbers from 0 to 65535`, field);
  }
  return n;
}

export function parseIcmp(value: unknown, field: Field, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1 || n > 255) {
    throw new CloudError('InvalidParameterValue', `"${String(value)}" is not an ICMP ${what}; use a number from 0 to 255, or -1 for any`, field);
  }
  return n;
}

/** A parameter inside a nested one: `NetworkInterfaces.0.SubnetId`, or just `SubnetId` at the top. */
export function fieldOf(base: Field | undefined, name: string): Field {
  if (base === undefined) return name;
  const b = ([] as (string | number)[]).concat(base);
  return b.length ? [...b, name] : name;
}
