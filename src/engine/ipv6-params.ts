import { CloudError } from './errors.js';
import { type Ipv6Cidr, parseIpv6Cidr } from './ipv6-address.js';
import type { Field } from './store.js';

/**
 * Reads an IPv6 block of a request (Ipv6CidrBlock, CidrIpv6, DestinationIpv6CidrBlock). A
 * block written with host bits names its network, as AWS canonicalises blocks
 * (aws-semantics item 3); `hostBitsSet` on the result says it was.
 */
export function requireIpv6Block(text: unknown, field: Field, what: string): Ipv6Cidr {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CloudError('MissingParameter', `${what} needs an IPv6 block such as 2001:db8:1234:1a00::/64`, field);
  }
  if (!text.includes(':')) {
    throw new CloudError('InvalidParameterValue', `${text} is an IPv4 block, but this parameter takes an IPv6 block such as 2001:db8:1234:1a00::/64`, field);
  }
  try {
    return parseIpv6Cidr(text);
  } catch (e) {
    throw new CloudError('InvalidParameterValue', (e as Error).message, field);
  }
}
