import { isIp } from '../../address.js';
import { resourceByDnsName } from '../../dns-targets.js';
import { resolve, type Resolution } from '../../route53/resolve.js';
import type { RecordSet } from '../../route53/record-set.js';
import { EndpointError, resolveEndpoint, type ResolvedEndpoint } from '../endpoints.js';
import { type Chain, type LegContext, type MemberVerdict, serviceHop, serviceStop, stopped } from './legs.js';
import { endOfResource, type NextEnd } from './targets.js';
import type { NextLeg } from './cloudfront-leg.js';

/**
 * A DNS name the submission serves as a trace end (R53-02, 03, 05, 06): the client resolves it
 * as Route 53 would answer from where it is (a private zone inside its VPC, else the public
 * zone), the record that answered and why; an alias leads to the resource, a CNAME chain is
 * followed, an A record's address is that address. A failover name answers with its PRIMARY
 * (every health check is healthy in the static picture; health over time is the simulation's).
 * A weighted name: the heaviest record is traced, and each answer's verdict is reported.
 */
export function dnsLeg(ctx: LegContext, dnsName: string, from: ResolvedEndpoint, port: number, name: string, next: NextLeg): Chain {
  const fromVpc = from.kind === 'interface' ? ctx.cloud.vpcOfSubnet(from.eni.subnetId).id : undefined;
  const r = resolve(ctx.cloud, dnsName, fromVpc);
  const leg = `${from.name} resolves ${name}`;
  const end = endOfResolution(ctx, r);
  const dnsHop = { component: 'dns' as const, id: r.zone?.zoneId ?? 'dns', logicalId: r.zone?.logicalId ?? r.zone?.name };
  const why = r.why.join('; ');
  if ('error' in end) {
    const cause = end.external ? { code: 'DnsOutside' as const, name, target: end.external } : { code: 'DnsNoAnswer' as const, name, why: end.error };
    return stopped([], serviceStop(leg, { ...dnsHop, detail: `${name}: ${why}` }, cause), 0);
  }
  const hop = serviceHop(leg, { ...dnsHop, action: 'resolve', detail: `${name} → ${end.name}: ${why}` });
  const chain = next(from, end, port);
  const out: Chain = { ...chain, hops: [hop, ...chain.hops], explanation: `${name} resolves to ${end.name}. ${chain.explanation}` };
  // Weighted: each answer's verdict, the heaviest shown.
  if (r.candidates.length > 1 && r.candidates[0].record.policy === 'weighted') {
    const members: MemberVerdict[] = [];
    for (const c of r.candidates) {
      const role = `weight ${c.record.weight ?? 0}, ${Math.round((c.share ?? 0) * 100)}%`;
      const e = c.record === r.answered[0]?.record ? end : endOfRecord(ctx, c.record, fromVpc);
      if (!e || 'error' in e) {
        members.push({ name: c.record.setIdentifier ?? c.record.name, role, reachable: false, reason: e && 'error' in e ? e.error : 'no answer' });
        continue;
      }
      const sub = c.record === r.answered[0]?.record ? chain : next(from, e, port);
      members.push({ name: `${c.record.setIdentifier ?? c.record.name} → ${e.name}`, role, reachable: sub.reachable, ...(sub.reachable ? {} : { reason: sub.explanation }) });
    }
    out.members = members;
  }
  return out;
}

type Found = NextEnd | { error: string; external?: string };

function endOfResolution(ctx: LegContext, r: Resolution): Found {
  if (r.target) return endOfResource(ctx.cloud, r.target) ?? { error: `${r.target.logicalId ?? r.target.id} is not a trace end`, external: r.target.logicalId ?? r.target.id };
  if (r.external) return { error: `it ends at ${r.external}`, external: r.external };
  const ip = r.values.find((v) => isIp(v));
  if (ip) {
    try {
      return resolveEndpoint(ctx.cloud, ip);
    } catch (e) {
      if (e instanceof EndpointError) return { error: e.message, external: ip };
      throw e;
    }
  }
  return { error: r.why[r.why.length - 1] ?? 'no record answers' };
}

function endOfRecord(ctx: LegContext, record: RecordSet, fromVpc: string | undefined): Found | undefined {
  if (record.alias) {
    const t = resourceByDnsName(ctx.cloud, record.alias.dnsName);
    if (t) return endOfResource(ctx.cloud, t);
    return endOfResolution(ctx, resolve(ctx.cloud, record.alias.dnsName, fromVpc));
  }
  const ip = record.values.find((v) => isIp(v));
  if (ip) {
    try {
      return resolveEndpoint(ctx.cloud, ip);
    } catch (e) {
      if (e instanceof EndpointError) return { error: e.message, external: ip };
      throw e;
    }
  }
  if (record.type === 'CNAME' && record.values[0]) return endOfResolution(ctx, resolve(ctx.cloud, record.values[0], fromVpc));
  return undefined;
}
