import type { Distribution } from '../../cloudfront/distribution.js';
import { originTarget } from '../../cloudfront/distribution.js';
import type { CfOrigin } from '../../cloudfront/origins.js';
import { internetAddresses, type ResolvedEndpoint } from '../endpoints.js';
import type { Hop } from '../hops.js';
import { type Chain, type LegContext, type MemberVerdict, serviceHop, serviceStop, stopped, vpcLeg } from './legs.js';
import { endOfResource, type NextEnd } from './targets.js';

/**
 * A CloudFront distribution as a trace end (CF-01..03): the viewer reaches the edge from the
 * internet on 80 (HTTP) or 443 (HTTPS) as the default cache behaviour's viewer protocol policy
 * allows (https-only answers HTTP with 403, redirect-to-https with a 301: neither passes to the
 * origin); then CloudFront connects to the origin with the protocol and port its origin
 * protocol policy gives (http-only → HTTPPort, https-only → HTTPSPort, match-viewer → the
 * viewer's). An origin group: the primary, and the secondary as the failover path.
 *
 * The origin sees CloudFront's origin-facing addresses: public internet addresses AWS
 * publishes (the managed prefix list com.amazonaws.global.cloudfront.origin-facing) and
 * changes over time. The virtual cloud does not hold that list, so the origin leg comes from
 * the whole internet: an origin reachable only from part of it is reported as such.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/LocationsOfEdgeServers.html
 */

export type NextLeg = (from: ResolvedEndpoint, to: NextEnd, port: number) => Chain;

/** The port CloudFront connects to an origin on, for a viewer on `viewerPort` (CF-02). */
export function originPort(o: CfOrigin, viewerPort: number): { port: number; protocol: 'HTTP' | 'HTTPS' } {
  const policy = o.protocolPolicy ?? 'https-only';
  if (policy === 'http-only' || (policy === 'match-viewer' && viewerPort === 80)) return { port: o.httpPort, protocol: 'HTTP' };
  return { port: o.httpsPort, protocol: 'HTTPS' };
}

export function distributionLeg(ctx: LegContext, d: Distribution, from: ResolvedEndpoint, port: number, name: string, next: NextLeg): Chain {
  const edgeLeg = `${from.name} → CloudFront edge (${name})`;
  const cfHop = { component: 'cloudfront' as const, id: d.id, logicalId: d.logicalId };
  if (ctx.protocol !== 'tcp') return stopped([], serviceStop(edgeLeg, { ...cfHop, detail: `${ctx.protocol} is not served` }, { code: 'NotATcpService', service: name, protocol: ctx.protocol }), 0);
  if (!d.enabled) return stopped([], serviceStop(edgeLeg, { ...cfHop, detail: 'disabled' }, { code: 'CloudFrontDisabled', distribution: name }), 0);
  if (port !== 80 && port !== 443) return stopped([], serviceStop(edgeLeg, { ...cfHop, detail: `nothing listens on port ${port}` }, { code: 'CloudFrontPort', distribution: name, port }), 0);
  const edge: ResolvedEndpoint = { kind: 'internet', addresses: internetAddresses(ctx.cloud), name: 'the CloudFront edge' };
  let hops: Hop[] = [];
  let outcomes = 0;
  let first;
  if (from.kind === 'interface') {
    const a = vpcLeg(ctx, from, edge, port, edgeLeg);
    outcomes += a.outcomes;
    first = a;
    if (!a.reachable) return { reachable: false, hops: a.path, drop: a.drop, first: a, outcomes, explanation: a.explanation };
    hops = a.path;
  }
  const behavior = d.defaultBehavior;
  const viewer = port === 443 ? 'HTTPS' : 'HTTP';
  if (port === 80 && behavior.viewerProtocolPolicy !== 'allow-all') {
    const policy = behavior.viewerProtocolPolicy;
    return stopped(hops, serviceStop(edgeLeg, { ...cfHop, detail: `viewer protocol policy ${policy}: HTTP gets ${policy === 'https-only' ? '403' : 'a 301 redirect'}` }, { code: 'CloudFrontViewerPolicy', distribution: name, policy, port }), outcomes, first);
  }
  const group = behavior.targetIsGroup ? d.originGroups.find((g) => g.id === behavior.targetOriginId) : undefined;
  const originIds = group ? group.members : [behavior.targetOriginId];
  hops.push(serviceHop(edgeLeg, { ...cfHop, detail: `${viewer}:${port} from the viewer (${behavior.viewerProtocolPolicy}); default behaviour → ${group ? `origin group ${group.id} (primary ${group.members[0]}, secondary ${group.members[1]})` : `origin ${behavior.targetOriginId}`}` }));
  const cloudfront: ResolvedEndpoint = { kind: 'internet', addresses: internetAddresses(ctx.cloud), name: 'CloudFront' };
  const members: MemberVerdict[] = [];
  const chains: Chain[] = [];
  for (const [i, id] of originIds.entries()) {
    const o = d.origins.find((x) => x.id === id);
    const role = group ? (i === 0 ? 'primary' : 'secondary (failover)') : 'origin';
    const leg = `CloudFront → origin ${id}`;
    let c: Chain;
    if (!o) {
      c = stopped([], serviceStop(leg, { ...cfHop, detail: `no origin ${id}` }, { code: 'OriginNotTraced', distribution: name, origin: id, domainName: '?', why: 'the distribution has no such origin' }), 0);
    } else {
      const { port: oPort, protocol } = originPort(o, port);
      const target = o.type === 's3' ? undefined : originTarget(ctx.cloud, o);
      const end = target ? endOfResource(ctx.cloud, target) : undefined;
      const head = serviceHop(leg, { ...cfHop, detail: `origin ${o.id} (${o.domainName}): ${o.protocolPolicy ?? 's3'} → ${protocol} port ${oPort}` });
      if (!end) {
        const why = o.type === 's3' ? 'an S3 origin is not in the virtual cloud' : 'its domain name is not a resource of the submission';
        c = stopped([head], serviceStop(leg, { ...cfHop, detail: `${o.domainName} is not traced` }, { code: 'OriginNotTraced', distribution: name, origin: o.id, domainName: o.domainName, why }), 0);
      } else {
        const sub = next(cloudfront, end, oPort);
        c = { ...sub, hops: [head, ...sub.hops] };
        if (!sub.reachable && sub.drop && sub.drop.cause.code === 'ListenerMissing') {
          const policy = o.protocolPolicy === 'match-viewer' ? `match-viewer sends the viewer's ${protocol} on to port ${oPort}` : `${o.protocolPolicy} sends ${protocol} to port ${oPort}`;
          c.drop = { ...sub.drop, reason: `${sub.drop.reason} Origin ${o.id} of ${name}: ${policy}.`, fix: `${sub.drop.fix} Or change the origin's OriginProtocolPolicy or ${protocol === 'HTTPS' ? 'HTTPSPort' : 'HTTPPort'} to a port the origin listens on.` };
          c.explanation = c.drop.reason;
        }
      }
    }
    outcomes += c.outcomes;
    chains.push(c);
    members.push({ name: id, role, reachable: c.reachable, ...(c.reachable ? {} : { reason: c.explanation }) });
  }
  const shown = chains.find((c) => c.reachable) ?? chains[0];
  const path = [...hops, ...shown.hops];
  if (!shown.reachable) return { ...shown, hops: path, outcomes, first, members: group ? members : undefined };
  const failover = group && !chains[0].reachable ? ` The primary origin ${originIds[0]} is not reachable; the secondary ${originIds[1]} serves as its failover.` : '';
  const secondary = group && chains[0].reachable && !chains[1]?.reachable ? ` The secondary origin ${originIds[1]} is not reachable, so failover would not help.` : '';
  const explanation = `${from.name} can reach ${name} on ${viewer} (port ${port}); CloudFront reaches ${shown === chains[0] ? 'its origin' : 'the secondary origin'}: ${shown.explanation}${failover}${secondary}`;
  return { reachable: true, hops: path, outcomes, first, explanation, targets: shown.targets, members: group ? members : undefined };
}
