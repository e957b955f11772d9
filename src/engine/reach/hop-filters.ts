import type { NetworkAcl, NetworkInterface, Subnet } from '../model.js';
import { describeRule } from '../cloud.js';
import { describeNaclEntry, evaluateNetworkAcl, evaluateSecurityGroups, type NaclVerdict, type SgVerdict } from './filters.js';
import type { Branch, Outcome } from './walker-types.js';
import type { WalkerBase } from './walker-base.js';

/**
 * The filters a walk meets on its way, as hops: security groups of an interface and the
 * network ACL of a subnet. Each narrows the branch to the flows that pass and records the
 * hop, or returns the drop when none pass.
 */

export function securityGroupHop(w: WalkerBase, b: Branch, eni: NetworkInterface, direction: 'ingress' | 'egress'): Outcome | undefined {
  // ELB-10: a network load balancer created without security groups has none; all traffic reaches its listeners and leaves.
  if (eni.securityGroupIds.length === 0 && eni.owner.kind === 'load-balancer') {
    w.hop(b, { component: 'load-balancer', ...loadBalancerNodeName(w, eni), action: 'allow', detail: 'no security groups: a network load balancer without them lets all traffic through (ELB-10)' });
    return undefined;
  }
  // A summary walks many flows through the same groups: it reuses one verdict per place and
  // names no rule in the hop (filter-cache.ts); a trace evaluates the rules on its own flows.
  const verdict: SgVerdict = w.opts.brief
    ? { allowed: b.flows.intersect(w.filters.securityGroups(eni.securityGroupIds, direction, b.packet)), matched: [] }
    : evaluateSecurityGroups(w.cloud, eni.securityGroupIds, direction, b.packet, b.flows, w.membersOf);
  const groups = eni.securityGroupIds.map((g) => w.cloud.securityGroups.get(g)).filter((g) => g !== undefined);
  if (verdict.allowed.isEmpty) {
    const { peer, many } = w.peerOf(direction === 'ingress' ? b.packet.src : b.packet.dst, b.flows);
    return w.dropped(
      b,
      { component: 'security-group', id: groups.map((g) => g!.id).join(','), logicalId: groups.map((g) => g!.logicalId ?? g!.id).join(','), detail: `no ${direction === 'ingress' ? 'inbound' : 'outbound'} rule matches` },
      {
        code: direction === 'ingress' ? 'SecurityGroupNoInboundRule' : 'SecurityGroupNoOutboundRule',
        groups: groups.map((g) => g!.id),
        networkInterface: eni.id,
        protocol: w.protocolOf(b.packet),
        port: w.portOf(b.flows, b.packet),
        peer,
        ...(many ? { many } : {}),
      },
    );
  }
  const first = verdict.matched[0] ?? { group: groups[0]!, rule: undefined };
  w.hop(b, {
    component: 'security-group',
    id: first.group.id,
    logicalId: first.group.logicalId,
    action: 'allow',
    detail: `${direction === 'ingress' ? 'inbound' : 'outbound'} rule allows ${first.rule ? describeRule(first.rule, direction) : 'it'}${verdict.matched.length > 1 ? ` (+${verdict.matched.length - 1} more)` : ''}`,
    only: w.narrowed(b.flows, verdict.allowed, b.packet),
  });
  b.flows = verdict.allowed;
  return undefined;
}

export function networkAclHop(w: WalkerBase, b: Branch, subnet: Subnet, egress: boolean): Outcome | undefined {
  const acl: NetworkAcl = w.cloud.networkAclOf(subnet.id);
  const verdict: NaclVerdict = w.opts.brief ? { allowed: b.flows.intersect(w.filters.networkAcl(acl, egress, b.packet)), decided: [] } : evaluateNetworkAcl(acl, egress, b.packet, b.flows);
  const dir = egress ? 'outbound' : 'inbound';
  if (verdict.allowed.isEmpty) {
    const s = b.flows.sample();
    const decider = verdict.decided.find((d) => s && d.flows.project('x').has(s.x) && (b.packet.dstPort.kind === 'const' || d.flows.project(b.packet.dstPort.dim).has(s[b.packet.dstPort.dim])));
    const { peer, many } = w.peerOf(egress ? b.packet.dst : b.packet.src, b.flows);
    return w.dropped(
      b,
      { component: 'network-acl', id: acl.id, logicalId: acl.logicalId, detail: `${dir}: ${decider ? describeNaclEntry(decider.entry) : 'no rule allows it (* denies)'}` },
      {
        code: 'NetworkAclDenies',
        networkAcl: acl.id,
        subnet: subnet.id,
        egress,
        leg: b.mode,
        ...(decider ? { ruleNumber: decider.entry.ruleNumber } : {}),
        protocol: w.protocolOf(b.packet),
        port: w.portOf(b.flows, b.packet),
        peer,
        ...(many ? { many } : {}),
      },
    );
  }
  const allowRule = verdict.decided.find((d) => d.entry.action === 'allow');
  w.hop(b, {
    component: 'network-acl',
    id: acl.id,
    logicalId: acl.logicalId,
    action: 'allow',
    detail: `${dir} ${allowRule ? describeNaclEntry(allowRule.entry) : ''} (subnet ${subnet.logicalId ?? subnet.id})`,
    only: w.narrowed(b.flows, verdict.allowed, b.packet),
  });
  b.flows = verdict.allowed;
  return undefined;
}

/** Leaving one subnet and entering another: both network ACLs; none inside one subnet. */
export function crossSubnetsHop(w: WalkerBase, b: Branch, from: Subnet, to: Subnet): Outcome | undefined {
  if (from.id === to.id) return undefined;
  return networkAclHop(w, b, from, true) ?? networkAclHop(w, b, to, false);
}

function loadBalancerNodeName(w: WalkerBase, eni: NetworkInterface): { id: string; logicalId?: string } {
  const { id, logicalId } = w.ownerHop(eni);
  return { id, logicalId };
}
