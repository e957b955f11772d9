import { formatIp } from '../../engine/address.js';
import { AUTOSCALING } from '../../engine/autoscaling/kinds.js';
import type { Cloud } from '../../engine/cloud.js';
import type { Action } from '../../engine/elbv2/actions.js';
import type { HealthCheck } from '../../engine/elbv2/health-check.js';
import { ELBV2 } from '../../engine/elbv2/kinds.js';

/**
 * The load balancers, target groups and auto scaling groups of one region, for describe's
 * text and JSON: scheme, zones and nodes, listeners → target groups → registered targets,
 * groups with min/desired/max and their instances per zone.
 */

export interface ActionView {
  type: string;
  targetGroups?: { name: string; weight: number }[];
  redirect?: string;
  statusCode?: string;
}

export interface LoadBalancerView {
  id: string;
  name: string;
  loadBalancerName: string;
  type: 'application' | 'network';
  scheme: 'internet-facing' | 'internal';
  dnsName: string;
  canonicalHostedZoneId: string;
  vpc: string;
  securityGroups: string[];
  nodes: { zone: string; subnet: string; privateIp: string; publicIp?: string }[];
  listeners: {
    id: string;
    name: string;
    protocol: string;
    port: number;
    certificates: string[];
    sslPolicy?: string;
    defaultActions: ActionView[];
    rules: { id: string; name: string; priority: number; conditions: { field: string; values: string[] }[]; actions: ActionView[] }[];
  }[];
}

export interface TargetGroupView {
  id: string;
  name: string;
  targetGroupName: string;
  targetType: string;
  protocol?: string;
  port?: number;
  vpc?: string;
  healthCheck: HealthCheck;
  loadBalancers: string[];
  targets: { id: string; name: string; port?: number; zone?: string; registeredBy: string }[];
}

export interface AutoScalingGroupView {
  name: string;
  groupName: string;
  minSize: number;
  desiredCapacity: number;
  maxSize: number;
  healthCheckType: string;
  healthCheckGracePeriod: number;
  launch: string;
  targetGroups: string[];
  zones: { zone: string; instances: { id: string; name: string; subnet: string; privateIp: string; publicIp?: string }[] }[];
  policies: { name: string; type: string; summary: string }[];
  scheduledActions: { name: string; when: string; sets: string }[];
}

export interface ServicesView {
  loadBalancers: LoadBalancerView[];
  targetGroups: TargetGroupView[];
  autoScalingGroups: AutoScalingGroupView[];
}

const nameOf = (r: { id: string; logicalId?: string } | undefined, fallback = '?'): string => (r ? r.logicalId ?? r.id : fallback);

export function servicesView(cloud: Cloud, region: string): ServicesView {
  const tgName = (arn: string) => nameOf(cloud.table(ELBV2.targetGroup).get(arn), arn);
  const actionView = (a: Action): ActionView => {
    if (a.type === 'forward') return { type: a.type, targetGroups: a.targetGroups.map((g) => ({ name: tgName(g.arn), weight: g.weight })) };
    if (a.type === 'redirect') return { type: a.type, statusCode: a.statusCode, redirect: `${a.protocol}://${a.host}:${a.port}${a.path}?${a.query}` };
    if (a.type === 'fixed-response') return { type: a.type, statusCode: a.statusCode };
    return { type: a.type };
  };
  const eniView = (id: string) => {
    const e = cloud.interfaces.get(id)!;
    return { privateIp: formatIp(e.privateIp), ...(e.publicIp !== undefined ? { publicIp: formatIp(e.publicIp) } : {}) };
  };
  const listeners = [...cloud.table(ELBV2.listener).values()];
  const rules = [...cloud.table(ELBV2.rule).values()];
  const loadBalancers = [...cloud.table(ELBV2.loadBalancer).values()]
    .filter((lb) => lb.region === region)
    .map((lb) => ({
      id: lb.arn,
      name: nameOf(lb),
      loadBalancerName: lb.name,
      type: lb.type,
      scheme: lb.scheme,
      dnsName: lb.dnsName,
      canonicalHostedZoneId: lb.canonicalHostedZoneId,
      vpc: nameOf(cloud.vpcs.get(lb.vpcId), lb.vpcId),
      securityGroups: lb.securityGroupIds.map((g) => nameOf(cloud.securityGroups.get(g), g)),
      nodes: lb.nodes.map((n) => ({ zone: n.availabilityZone, subnet: nameOf(cloud.subnets.get(n.subnetId), n.subnetId), ...eniView(n.networkInterfaceId) })),
      listeners: listeners
        .filter((l) => l.loadBalancerArn === lb.arn)
        .sort((a, b) => a.port - b.port)
        .map((l) => ({
          id: l.arn,
          name: nameOf(l),
          protocol: l.protocol,
          port: l.port,
          certificates: [...l.certificates],
          ...(l.sslPolicy ? { sslPolicy: l.sslPolicy } : {}),
          defaultActions: l.defaultActions.map(actionView),
          rules: rules
            .filter((r) => r.listenerArn === l.arn)
            .sort((a, b) => a.priority - b.priority)
            .map((r) => ({ id: r.arn, name: nameOf(r), priority: r.priority, conditions: r.conditions.map((c) => ({ field: c.field, values: [...c.values] })), actions: r.actions.map(actionView) })),
        })),
    }));
  const instanceName = (id: string) => nameOf(cloud.instances.get(id), id);
  const targetGroups = [...cloud.table(ELBV2.targetGroup).values()]
    .filter((tg) => tg.region === region)
    .map((tg) => ({
      id: tg.arn,
      name: nameOf(tg),
      targetGroupName: tg.name,
      targetType: tg.targetType,
      protocol: tg.protocol,
      port: tg.port,
      vpc: tg.vpcId ? nameOf(cloud.vpcs.get(tg.vpcId), tg.vpcId) : undefined,
      healthCheck: { ...tg.healthCheck },
      loadBalancers: tg.loadBalancerArns.map((a) => nameOf(cloud.table(ELBV2.loadBalancer).get(a), a)),
      targets: tg.targets.map((t) => ({
        id: t.id,
        name: tg.targetType === 'instance' ? instanceName(t.id) : t.id,
        ...(t.port !== undefined ? { port: t.port } : {}),
        zone: t.availabilityZone ?? (tg.targetType === 'instance' ? cloud.instances.get(t.id)?.availabilityZone : undefined),
        registeredBy: t.registeredBy.kind === 'template' ? 'template' : `auto scaling group ${t.registeredBy.group}`,
      })),
    }));
  const policies = [...cloud.table(AUTOSCALING.policy).values()];
  const actions = [...cloud.table(AUTOSCALING.scheduledAction).values()];
  const autoScalingGroups = [...cloud.table(AUTOSCALING.group).values()]
    .filter((g) => g.region === region)
    .map((g) => {
      const zones = g.availabilityZones.map((zone) => ({
        zone,
        instances: g.instanceIds
          .map((id) => cloud.instances.get(id)!)
          .filter((i) => i.availabilityZone === zone)
          .map((i) => ({ id: i.id, name: nameOf(i), subnet: nameOf(cloud.subnets.get(i.subnetId), i.subnetId), ...eniView(i.networkInterfaceIds[0]) })),
      }));
      const lt = g.launch.kind === 'launch-template' ? cloud.table(AUTOSCALING.launchTemplate).get(g.launch.id) : undefined;
      return {
        name: nameOf(g),
        groupName: g.name,
        minSize: g.minSize,
        desiredCapacity: g.desiredCapacity,
        maxSize: g.maxSize,
        healthCheckType: g.healthCheckType,
        healthCheckGracePeriod: g.healthCheckGracePeriod,
        launch: g.launch.kind === 'launch-template' ? `launch template ${nameOf(lt, g.launch.id)} version ${g.launch.version}` : `launch configuration ${g.launch.name}`,
        targetGroups: g.targetGroupArns.map(tgName),
        zones,
        policies: policies
          .filter((p) => p.group === g.name)
          .map((p) => ({
            name: nameOf({ id: p.name, logicalId: p.logicalId }),
            type: p.policyType,
            summary:
              p.policyType === 'TargetTrackingScaling'
                ? `keep ${p.targetTracking!.metric} at ${p.targetTracking!.targetValue}`
                : p.policyType === 'StepScaling'
                  ? `${p.stepAdjustments!.length} steps, ${p.adjustmentType}`
                  : p.policyType === 'SimpleScaling'
                    ? `${p.scalingAdjustment! >= 0 && p.adjustmentType !== 'ExactCapacity' ? '+' : ''}${p.scalingAdjustment}${p.adjustmentType === 'PercentChangeInCapacity' ? '%' : ''} (${p.adjustmentType})`
                    : 'predictive',
          })),
        scheduledActions: actions
          .filter((a) => a.group === g.name)
          .map((a) => ({
            name: nameOf({ id: a.name, logicalId: a.logicalId }),
            when: a.recurrence ? `cron ${a.recurrence}${a.timeZone ? ` ${a.timeZone}` : ' UTC'}` : `at ${a.startTime}`,
            sets: [a.minSize !== undefined ? `min ${a.minSize}` : '', a.desiredCapacity !== undefined ? `desired ${a.desiredCapacity}` : '', a.maxSize !== undefined ? `max ${a.maxSize}` : ''].filter(Boolean).join(', '),
          })),
      };
    });
  return { loadBalancers, targetGroups, autoScalingGroups };
}

function actionText(a: ActionView): string {
  if (a.type === 'forward') return `forward ${a.targetGroups!.map((g) => (a.targetGroups!.length > 1 ? `${g.name} (weight ${g.weight})` : g.name)).join(', ')}`;
  if (a.type === 'redirect') return `redirect ${a.statusCode!.replace('HTTP_', '')} ${a.redirect}`;
  if (a.type === 'fixed-response') return `fixed response ${a.statusCode}`;
  return a.type;
}

/** The services of a region as tree items: a head line and its children. */
export function servicesItems(view: Partial<ServicesView>): [string, string[]][] {
  const items: [string, string[]][] = [];
  for (const lb of view.loadBalancers ?? []) {
    const kids = [`DNS ${lb.dnsName} (hosted zone ${lb.canonicalHostedZoneId || 'unknown'})`];
    for (const n of lb.nodes) kids.push(`node ${n.zone} in ${n.subnet}  ${n.privateIp}${n.publicIp ? `  public ${n.publicIp}` : ''}`);
    if (lb.listeners.length === 0) kids.push('no listeners: it accepts no traffic');
    for (const l of lb.listeners) {
      kids.push(`listener ${l.protocol}:${l.port} → ${l.defaultActions.map(actionText).join(' then ')}${l.certificates.length ? `  (${l.certificates.length} certificate${l.certificates.length > 1 ? 's' : ''}, ${l.sslPolicy})` : ''}`);
      for (const r of l.rules) kids.push(`  rule ${r.priority}: ${r.conditions.map((c) => `${c.field} ${c.values.join(' | ')}`).join(' and ')} → ${r.actions.map(actionText).join(' then ')}`);
    }
    items.push([`${lb.type} load balancer ${lb.name} (${lb.loadBalancerName})  ${lb.scheme}  VPC ${lb.vpc}  [${lb.securityGroups.join(', ') || 'no security groups'}]`, kids]);
  }
  for (const tg of view.targetGroups ?? []) {
    const hc = tg.healthCheck;
    const head = `target group ${tg.name}  ${tg.protocol ?? 'lambda'}${tg.port !== undefined ? `:${tg.port}` : ''} ${tg.targetType} targets  health ${hc.protocol}${hc.path ? ` ${hc.path}` : ''} port ${hc.port} every ${hc.intervalSeconds}s${tg.loadBalancers.length ? `  ← ${tg.loadBalancers.join(', ')}` : '  (no load balancer forwards to it)'}`;
    const kids = tg.targets.length ? tg.targets.map((t) => `${t.name}${t.name !== t.id ? ` (${t.id})` : ''}${t.port !== undefined ? ` port ${t.port}` : ''}${t.zone ? `  ${t.zone}` : ''}`) : ['no registered targets'];
    items.push([head, kids]);
  }
  for (const g of view.autoScalingGroups ?? []) {
    const kids = g.zones.map((z) => `${z.zone}: ${z.instances.length ? z.instances.map((i) => `${i.name} ${i.privateIp}`).join(', ') : 'no instances'}`);
    for (const p of g.policies) kids.push(`policy ${p.name} ${p.type}: ${p.summary}`);
    for (const a of g.scheduledActions) kids.push(`scheduled ${a.name} ${a.when}: ${a.sets}`);
    items.push([
      `auto scaling group ${g.name}  min ${g.minSize} desired ${g.desiredCapacity} max ${g.maxSize}  health ${g.healthCheckType}${g.healthCheckType !== 'EC2' ? ` (grace ${g.healthCheckGracePeriod}s)` : ''}  ${g.launch}${g.targetGroups.length ? `  → ${g.targetGroups.join(', ')}` : ''}`,
      kids,
    ]);
  }
  return items;
}
