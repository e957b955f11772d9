import type { Cloud } from '../../cloud.js';
import { ELBV2 } from '../../elbv2/kinds.js';
import { IntervalSet } from '../../intervals.js';
import { RDS } from '../../rds/kinds.js';
import { recordsOf } from '../../route53/record-set.js';
import { ROUTE53 } from '../../route53/kinds.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import { answerFlow } from '../trace.js';
import type { Walker } from '../walker.js';
import type { ServiceEnd } from './ends.js';
import { DEFAULT_CLIENT_PORTS } from '../trace.js';
import { loadBalancerPorts, type TargetLegCache } from './load-balancer-ports.js';
import { chainTo } from './service-trace.js';

/**
 * `reach` rows whose end is a service: load balancers (the listener ports on which a target
 * answers), databases (their port) and the DNS names of the submission's hosted zones (the
 * ports of what each name leads to, resolved from where the client asks). TCP only: these
 * services serve TCP.
 */
export interface ServiceReachRow {
  from: string;
  fromMembers: string[];
  to: string;
  kind: 'load-balancer' | 'database' | 'dns';
  tcp: IntervalSet;
}

export interface ReachFrom {
  label: string;
  members: string[];
  endpoint: ResolvedEndpoint;
}

const WEB_PORTS = [80, 443];

export function serviceReachRows(cloud: Cloud, froms: readonly ReachFrom[], walker: Walker): ServiceReachRow[] {
  const rows: ServiceReachRow[] = [];
  const cache: TargetLegCache = new Map();
  const lbs = [...cloud.table(ELBV2.loadBalancer).values()];
  const dbs = [...cloud.table(RDS.dbInstance).values()];
  const names = [...new Set([...cloud.table(ROUTE53.hostedZone).values()].flatMap((z) => recordsOf(cloud, z.zoneId).filter((r) => ['A', 'AAAA', 'CNAME'].includes(r.type)).map((r) => r.name)))].sort();
  const ctxOf = { cloud, walker, protocol: 'tcp' as const, clientPorts: DEFAULT_CLIENT_PORTS };
  const label = regionQualified([...lbs, ...dbs].map((r) => ({ r, name: r.logicalId ?? r.id })));
  for (const f of froms) {
    const push = (to: string, kind: ServiceReachRow['kind'], tcp: IntervalSet): void => {
      if (!tcp.isEmpty) rows.push({ from: f.label, fromMembers: f.members, to, kind, tcp });
    };
    for (const lb of lbs) push(label.get(lb)!, 'load-balancer', loadBalancerPorts(cloud, lb, f.endpoint, walker, cache));
    for (const db of dbs) {
      const eni = db.networkInterfaceId ? cloud.interfaces.get(db.networkInterfaceId) : undefined;
      if (!eni || (f.endpoint.kind === 'interface' && f.endpoint.eni.id === eni.id)) continue;
      if (f.endpoint.kind === 'internet' && eni.publicIp === undefined) continue;
      const inVpc = f.endpoint.kind === 'interface' && cloud.vpcOfSubnet(f.endpoint.eni.subnetId).id === cloud.vpcOfSubnet(eni.subnetId).id;
      const a = answerFlow(cloud, { from: f.endpoint, to: { kind: 'interface', eni, name: db.identifier, only: inVpc || eni.publicIp === undefined ? 'private' : 'public' }, protocol: 'tcp', ports: IntervalSet.point(db.port) }, walker, { brief: true });
      push(label.get(db)!, 'database', a.ports);
    }
    for (const name of names) {
      const end: ServiceEnd = { kind: 'dns', dnsName: name, name: name.replace(/\.$/, '') };
      let tcp = IntervalSet.EMPTY;
      for (const port of candidatePorts(cloud, lbs, dbs)) {
        if (chainTo(ctxOf, f.endpoint, end, port).reachable) tcp = tcp.union(IntervalSet.point(port));
      }
      push(end.name, 'dns', tcp);
    }
  }
  return rows;
}

/** The ports a DNS name's end can serve on: the web ports, every listener port and every database port. */
function candidatePorts(cloud: Cloud, lbs: { arn: string }[], dbs: { port: number }[]): number[] {
  const ports = new Set<number>(WEB_PORTS);
  for (const l of cloud.table(ELBV2.listener).values()) if (lbs.some((lb) => lb.arn === l.loadBalancerArn)) ports.add(l.port);
  for (const d of dbs) ports.add(d.port);
  return [...ports].sort((a, b) => a - b);
}

/** Each resource's printed name: `region/LogicalId` when two regions use the logical id. */
function regionQualified<T extends { region: string }>(items: { r: T; name: string }[]): Map<T, string> {
  const regions = new Map<string, Set<string>>();
  for (const { r, name } of items) regions.set(name, (regions.get(name) ?? new Set()).add(r.region));
  return new Map(items.map(({ r, name }) => [r, regions.get(name)!.size > 1 ? `${r.region}/${name}` : name]));
}
