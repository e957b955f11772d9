import type { RuleSpec } from '../../../engine/ec2/security-group.js';
import { prefixListKnown } from '../../../engine/ec2/prefix-list.js';
import { CloudError } from '../../../engine/errors.js';
import { ipv6HostBits, prefixListNotKnown } from './reference-warnings.js';
import type { BuildContext } from './resource-type.js';

/** Reading one security group rule (inline in a group, or a rule resource of its own) into the engine's parameters. */

type Props = Record<string, unknown>;

export function ruleSpec(raw: unknown, direction: 'ingress' | 'egress', base: (string | number)[]): RuleSpec {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CloudError('InvalidParameterValue', 'a security group rule is a map with IpProtocol, ports and a source or destination', base);
  }
  const r = raw as Props;
  const groupKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const prefixKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  return {
    ipProtocol: r.IpProtocol,
    fromPort: r.FromPort,
    toPort: r.ToPort,
    cidrIp: r.CidrIp,
    cidrIpv6: r.CidrIpv6,
    groupId: r[groupKey] === undefined ? undefined : String(r[groupKey]),
    groupName: direction === 'ingress' && r.SourceSecurityGroupName !== undefined ? String(r.SourceSecurityGroupName) : undefined,
    prefixListId: r[prefixKey] === undefined ? undefined : String(r[prefixKey]),
    description: r.Description === undefined ? undefined : String(r.Description),
    field: base.length ? base : undefined,
  };
}

/** Adds one rule through the engine; a reference to a prefix list the virtual cloud does not know gets a warning. */
export function addRule(
  ctx: BuildContext,
  groupId: string | undefined,
  logicalId: string,
  spec: RuleSpec,
  direction: 'ingress' | 'egress',
  path: (string | number)[] | undefined,
  origin?: { logicalId: string },
  target?: { groupName?: string; region?: string },
  opts?: { ignoreRepeat?: boolean },
): void {
  ctx.cloud.addSecurityGroupRule(groupId, direction, spec, origin, target, opts);
  const hb = ipv6HostBits(logicalId, spec.cidrIpv6, [...(path ?? []), 'CidrIpv6']);
  if (hb) ctx.warn(hb);
  if (spec.prefixListId && !prefixListKnown(ctx.cloud, spec.prefixListId)) {
    const key = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
    ctx.warn(prefixListNotKnown(logicalId, spec.prefixListId, [...(path ?? []), key]));
  }
}

/** The inline rules of a group (SecurityGroupIngress or SecurityGroupEgress); CloudFormation deploys a repeated one once (aws-semantics 31). */
export function addInlineRules(ctx: BuildContext, groupId: string, logicalId: string, list: unknown, direction: 'ingress' | 'egress', key: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new CloudError('InvalidParameterValue', `${key} must be a list of rules`, key);
  list.forEach((raw, i) => addRule(ctx, groupId, logicalId, ruleSpec(raw, direction, [key, i]), direction, [key, i], undefined, undefined, { ignoreRepeat: true }));
}
