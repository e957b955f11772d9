import type { Cloud } from '../cloud.js';
import { canonicalDnsName } from '../dns-targets.js';
import { ELBV2 } from '../elbv2/kinds.js';
import type { LoadBalancer } from '../elbv2/load-balancer.js';
import type { TargetGroup } from '../elbv2/target-group.js';
import { isRegion } from '../regions.js';

/** A load balancer by logical id, name, ARN or DNS name, optionally as region/LogicalId; undefined when none or several match. */
export function findLoadBalancer(cloud: Cloud, text: string): LoadBalancer | undefined {
  const name = text.trim();
  const slash = name.indexOf('/');
  const [region, bare] = !name.startsWith('arn:') && slash > 0 && isRegion(name.slice(0, slash)) ? [name.slice(0, slash), name.slice(slash + 1)] : [undefined, name];
  const found = [...cloud.table(ELBV2.loadBalancer).values()].filter(
    (lb) => (!region || lb.region === region) && (lb.logicalId === bare || lb.name === bare || lb.arn === name || canonicalDnsName(lb.dnsName) === canonicalDnsName(name)),
  );
  return found.length === 1 ? found[0] : undefined;
}

/** A target group by logical id, name or ARN. */
export function findTargetGroup(cloud: Cloud, text: string): TargetGroup | undefined {
  const name = text.trim();
  const found = [...cloud.table(ELBV2.targetGroup).values()].filter((g) => g.logicalId === name || g.name === name || g.arn === name);
  return found.length === 1 ? found[0] : undefined;
}

export const lbLabel = (lb: LoadBalancer): string => lb.logicalId ?? lb.name;
export const groupLabel = (g: TargetGroup): string => g.logicalId ?? g.name;
