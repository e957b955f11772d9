import type { Cloud } from '../cloud.js';
import { canonicalDnsName } from '../dns-targets.js';
import { connectionGiveUpSeconds, type Distribution, originTarget } from '../cloudfront/distribution.js';
import { CLOUDFRONT } from '../cloudfront/kinds.js';
import type { CfOrigin } from '../cloudfront/origins.js';
import { EC2 } from '../ec2/kinds.js';
import { nodeInterfaces } from '../elbv2/forward.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { ELB_SERVICE } from './elb-participant.js';
import type { EndRef } from './network-view.js';
import type { Participant, Route, SimContext } from './participant.js';
import type { Protocol } from './scenario.js';

export const CLOUDFRONT_SERVICE = 'CloudFront';

/** Where CloudFront's requests to an origin come from: its edge locations, on the internet. */
const EDGE: EndRef = { kind: 'internet', name: 'CloudFront edge' };

/** An origin as the simulation sees it: the end requests go to, and the interfaces that must answer for it to be up. */
interface OriginEnd {
  origin: CfOrigin;
  to: EndRef;
  /** Interfaces one of which must be reachable from the edge; none for an origin outside the submission (taken to answer). */
  probes: EndRef[];
}

/**
 * CloudFront over time (CF-02 to CF-04). A distribution is a traffic end (by logical id, id or
 * its cloudfront.net name, or through a Route 53 alias). Its requests are viewer GETs (the
 * scenario gives no method or path): the default cache behavior's target serves them, reached
 * from the edge on the origin's port. When that target is an origin group, each request tries
 * the primary first; while the primary does not answer (none of its interfaces is reachable
 * from the edge), every request goes to the secondary after ConnectionAttempts ×
 * ConnectionTimeout (CF-04) — slower, but served, not dropped. An origin group's behavior
 * allows only GET, HEAD and OPTIONS (CF-03, refused otherwise when loaded), the methods that
 * fail over. Not played: caching (every request goes to an origin), failover status codes
 * from an origin that answers, path-pattern behaviors, origins outside the submission (taken to answer).
 */
export class CloudFrontParticipant implements Participant {
  readonly service = CLOUDFRONT_SERVICE;
  /** Whether each origin group's primary answered at the last change, by distribution id and group id. */
  private readonly primaryUp = new Map<string, boolean>();

  resolveEnd(cloud: Cloud, text: string): EndRef | undefined {
    const d = findDistribution(cloud, text);
    return d ? distributionEnd(d, text) : undefined;
  }

  observe(ctx: SimContext): void {
    for (const d of ctx.cloud.table(CLOUDFRONT.distribution).values()) {
      const group = d.originGroups.find((g) => g.id === d.defaultBehavior.targetOriginId);
      if (!group || !d.defaultBehavior.targetIsGroup) continue;
      const [primary, secondary] = group.members.map((id) => d.origins.find((o) => o.id === id)!);
      const key = `${d.id}/${group.id}`;
      const up = this.answers(ctx, originEnd(ctx.cloud, primary));
      if (this.primaryUp.get(key) === up) continue;
      const first = !this.primaryUp.has(key);
      this.primaryUp.set(key, up);
      if (first && up) continue;
      const name = d.logicalId ?? d.id;
      ctx.emit(
        up ? 'origin-primary-back' : 'origin-failover',
        name,
        up
          ? `${name}: the primary origin ${primary.id} answers again; requests go to it`
          : `${name}: the primary origin ${primary.id} does not answer; each request tries it for ${connectionGiveUpSeconds(primary)} s (${primary.connectionAttempts} attempts × ${primary.connectionTimeout} s, CF-04), then goes to the secondary origin ${secondary.id} of group ${group.id}: served, ${connectionGiveUpSeconds(primary)} s slower`,
      );
      ctx.changed();
    }
  }

  route(ctx: SimContext, end: Extract<EndRef, { kind: 'service' }>, port: number, protocol: Protocol): Route {
    const d = ctx.cloud.table(CLOUDFRONT.distribution).get(end.id)!;
    if (!d.enabled) return { shares: [], dropped: `${d.logicalId ?? d.id} is disabled (Enabled: false)` };
    const target = d.defaultBehavior.targetOriginId;
    const group = d.defaultBehavior.targetIsGroup ? d.originGroups.find((g) => g.id === target) : undefined;
    let origin = d.origins.find((o) => o.id === (group ? group.members[0] : target))!;
    if (group && this.primaryUp.get(`${d.id}/${group.id}`) === false) origin = d.origins.find((o) => o.id === group.members[1])!;
    const o = originEnd(ctx.cloud, origin);
    const originPort = origin.protocolPolicy === 'http-only' || (origin.protocolPolicy === 'match-viewer' && port !== 443) ? origin.httpPort : origin.httpsPort;
    if (o.to.kind === 'service') return { shares: [{ share: 1, legs: [], to: o.to, port: originPort, protocol, client: EDGE }] };
    if (o.to.kind === 'internet') return { shares: [{ share: 1, legs: [], to: o.to, port: originPort, protocol }] };
    return { shares: [{ share: 1, legs: [{ from: EDGE, to: o.to, port: originPort, protocol }], to: o.to, port: originPort, protocol }] };
  }

  /** Which origin each group sends requests to now. */
  sample(ctx: SimContext): Record<string, Record<string, string>> {
    const out: Record<string, string> = {};
    for (const d of ctx.cloud.table(CLOUDFRONT.distribution).values()) {
      const group = d.defaultBehavior.targetIsGroup ? d.originGroups.find((g) => g.id === d.defaultBehavior.targetOriginId) : undefined;
      if (!group) continue;
      const up = this.primaryUp.get(`${d.id}/${group.id}`) !== false;
      const primary = d.origins.find((o) => o.id === group.members[0])!;
      out[d.logicalId ?? d.id] = up ? `primary ${primary.id}` : `secondary ${group.members[1]} (+${connectionGiveUpSeconds(primary)} s a request)`;
    }
    return Object.keys(out).length ? { origins: out } : {};
  }

  private answers(ctx: SimContext, o: OriginEnd): boolean {
    const port = o.origin.protocolPolicy === 'http-only' ? o.origin.httpPort : o.origin.httpsPort;
    return o.probes.length === 0 || o.probes.some((p) => ctx.reaches(EDGE, p, port, 'tcp'));
  }
}

export function findDistribution(cloud: Cloud, text: string): Distribution | undefined {
  const t = text.trim();
  for (const d of cloud.table(CLOUDFRONT.distribution).values()) {
    if (d.logicalId === t || d.id === t || canonicalDnsName(d.dnsName) === canonicalDnsName(t)) return d;
  }
  return undefined;
}

export function distributionEnd(d: Distribution, name = d.logicalId ?? d.id): EndRef {
  return { kind: 'service', name, service: CLOUDFRONT_SERVICE, id: d.id };
}

/** What an origin's DomainName is in the submission: a load balancer, an instance, or something outside it. */
function originEnd(cloud: Cloud, origin: CfOrigin): OriginEnd {
  const r = originTarget(cloud, origin);
  const lb = r ? cloud.table(ELBV2.loadBalancer).get(r.id) : undefined;
  if (lb) {
    const probes = nodeInterfaces(cloud, lb).map(({ zone, eni }): EndRef => ({ kind: 'interface', name: `${lb.logicalId ?? lb.name} node in ${zone}`, eniId: eni.id }));
    return { origin, to: { kind: 'service', name: lb.logicalId ?? lb.name, service: ELB_SERVICE, id: lb.arn }, probes };
  }
  const inst = r ? cloud.table(EC2.instance).get(r.id) : undefined;
  const eniId = inst?.networkInterfaceIds[0] ?? (r && cloud.interfaces.has(r.id) ? r.id : undefined);
  if (eniId) {
    const end: EndRef = { kind: 'interface', name: origin.domainName, eniId, only: 'public' };
    return { origin, to: end, probes: [end] };
  }
  return { origin, to: { kind: 'internet', name: origin.domainName }, probes: [] };
}
