import { formatIpv6Cidr, parseIpv6Cidr } from '../../../engine/ipv6-address.js';
import type { BuildWarning } from './resource-type.js';

/**
 * The warning for a reference to a prefix list the virtual cloud does not hold: an
 * AWS-managed list (S3, DynamoDB, CloudFront's origin-facing list, …) whose entries AWS
 * changes over time and which cannot be known offline.
 */
export function prefixListNotKnown(logicalId: string, id: string, path: (string | number)[]): BuildWarning {
  return {
    logicalId,
    code: 'PrefixListNotKnown',
    message: `${id} is not a prefix list of this submission; AWS-managed lists are not known offline, so this ${path.includes('DestinationPrefixListId') && path.length === 1 ? 'route' : 'rule'} matches no address in traces and reach (declare the list as an AWS::EC2::PrefixList to have it traced)`,
    path,
  };
}

/**
 * The warning for an IPv6 block written with host bits (2001:db8::5/64): AWS canonicalises it
 * to its network (aws-semantics item 3), and so does the engine; the template door names the network.
 */
export function ipv6HostBits(logicalId: string, text: unknown, path: (string | number)[]): BuildWarning | undefined {
  if (typeof text !== 'string' || !text.includes(':')) return undefined;
  let c;
  try {
    c = parseIpv6Cidr(text);
  } catch {
    return undefined;
  }
  if (!c.hostBitsSet) return undefined;
  const network = formatIpv6Cidr(c);
  return { logicalId, code: 'CidrCanonicalised', message: `${text} has host bits set; AWS reads it as the network ${network}, and so does the virtual cloud: write ${network}`, path };
}
