import { parseIp } from '../address.js';
import { resourceByDnsName } from '../dns-targets.js';
import { EC2 } from '../ec2/kinds.js';
import type { Named, Store } from '../store.js';

/**
 * What an origin's DomainName names in the submission: a resource that answers at a DNS name
 * (a load balancer, …), or an instance by the public DNS name EC2 gives its public address
 * (`ec2-203-0-113-25.compute-1.amazonaws.com` in us-east-1,
 * `ec2-203-0-113-25.eu-west-1.compute.amazonaws.com` elsewhere).
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html
 */
const EC2_PUBLIC = /^ec2-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.(?:compute-1|([a-z0-9-]+)\.compute)\.amazonaws\.com\.?$/;

export function resourceAtName(store: Store, name: string): Named | undefined {
  const found = resourceByDnsName(store, name);
  if (found) return found;
  const m = EC2_PUBLIC.exec(name.trim().toLowerCase());
  if (!m) return undefined;
  const region = m[5] ?? 'us-east-1';
  let ip: number;
  try {
    ip = parseIp(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
  } catch {
    return undefined;
  }
  for (const e of store.table(EC2.networkInterface).values()) {
    if (e.publicIp !== ip || e.region !== region) continue;
    return (e.owner.kind === 'none' ? undefined : store.find(e.owner.id)) ?? e;
  }
  return undefined;
}
