import { cidrContainsIp, formatIp, isIp, isPrivateIp, parseCidr, parseIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { EC2 } from '../ec2/kinds.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { type Family, healthCheck, type HealthCheck, type HealthCheckSpec } from './health-check.js';
import { ELBV2, ELBV2_QUOTAS } from './kinds.js';
import { checkName, elbArn, generatedName, hexId } from './names.js';

/** Target groups (ELB-14, ELB-15, ELB-23): protocol and port, VPC, health check, registered targets. */

export type TargetType = 'instance' | 'ip' | 'lambda' | 'alb';

export interface Target {
  /** An instance id, an IP address, a Lambda function or an ALB ARN. */
  id: string;
  port?: number;
  availabilityZone?: string;
  /** Who registered it: the template's Targets, or an auto scaling group (its name). */
  registeredBy: { kind: 'template' } | { kind: 'auto-scaling'; group: string };
}

export interface TargetGroup extends Named {
  readonly arn: string;
  name: string;
  targetType: TargetType;
  protocol?: string;
  protocolVersion?: string;
  port?: number;
  vpcId?: string;
  family: Family;
  healthCheck: HealthCheck;
  targets: Target[];
  /** The load balancer whose listeners or rules forward to it (at most one, ELB-14). */
  loadBalancerArns: string[];
  fullName: string;
  attributes: Record<string, string>;
}

export interface TargetSpec {
  id: string;
  port?: number;
  availabilityZone?: string;
}

export interface TargetGroupSpec {
  healthCheck?: HealthCheckSpec;
  name?: string;
  targetType?: string;
  protocol?: string;
  protocolVersion?: string;
  port?: number;
  vpcId?: string;
  targets?: TargetSpec[];
  attributes?: Record<string, string>;
}

const ALB_PROTOCOLS = ['HTTP', 'HTTPS'];
const NLB_PROTOCOLS = ['TCP', 'TLS', 'UDP', 'TCP_UDP'];

function port(v: number | undefined, field: string | (string | number)[]): number | undefined {
  if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 65535)) {
    throw new CloudError('ValidationError', `port ${v} is out of range: a port is from 1 to 65535`, field);
  }
  return v;
}

/** CreateTargetGroup, then RegisterTargets for the Targets given. */
export function createTargetGroup(cloud: Cloud, region: string, spec: TargetGroupSpec, origin?: Origin): TargetGroup {
  const targetType = (spec.targetType ?? 'instance') as TargetType;
  if (!['instance', 'ip', 'lambda', 'alb'].includes(targetType)) {
    throw new CloudError('ValidationError', `TargetType "${spec.targetType}" is not valid; it is one of instance, ip, lambda, alb`, 'TargetType');
  }
  const name = spec.name ?? generatedName(cloud, region, origin?.logicalId, 'tg');
  checkName(name, 'the target group', 'Name');
  let family: Family = 'lambda';
  let protocol: string | undefined;
  if (targetType === 'lambda') {
    for (const [k, v] of [['Protocol', spec.protocol], ['Port', spec.port], ['VpcId', spec.vpcId]] as const) {
      if (v !== undefined) throw new CloudError('ValidationError', `${k} cannot be given for a target group of target type lambda`, k);
    }
  } else {
    if (spec.protocol === undefined) throw new CloudError('ValidationError', `a target group of target type ${targetType} needs a Protocol (HTTP, HTTPS for an application load balancer; TCP, TLS, UDP, TCP_UDP for a network one)`, 'Protocol');
    protocol = spec.protocol.toUpperCase();
    if (![...ALB_PROTOCOLS, ...NLB_PROTOCOLS].includes(protocol)) {
      throw new CloudError('ValidationError', `Protocol "${spec.protocol}" is not valid for a target group; use ${[...ALB_PROTOCOLS, ...NLB_PROTOCOLS].join(', ')}`, 'Protocol');
    }
    if (targetType === 'alb' && protocol !== 'TCP') {
      throw new CloudError('ValidationError', 'a target group of target type alb (an application load balancer behind a network one) uses Protocol TCP', 'Protocol');
    }
    family = ALB_PROTOCOLS.includes(protocol) ? 'application' : 'network';
    if (spec.port === undefined) throw new CloudError('ValidationError', `a target group of target type ${targetType} needs a Port`, 'Port');
    port(spec.port, 'Port');
    if (spec.vpcId === undefined) throw new CloudError('ValidationError', `a target group of target type ${targetType} needs a VpcId`, 'VpcId');
    cloud.vpc(spec.vpcId);
  }
  const hc = healthCheck(spec.healthCheck ?? {}, family, targetType);
  const hex = hexId(cloud, 'tg', region, origin, 'target-group');
  const arn = elbArn(region, `targetgroup/${name}/${hex}`);
  const tg: TargetGroup = {
    ...named(arn, region, origin),
    arn,
    name,
    targetType,
    protocol,
    protocolVersion: family === 'application' ? spec.protocolVersion ?? 'HTTP1' : undefined,
    port: spec.port,
    vpcId: spec.vpcId,
    family,
    healthCheck: hc,
    targets: [],
    loadBalancerArns: [],
    fullName: `targetgroup/${name}/${hex}`,
    attributes: { 'deregistration_delay.timeout_seconds': '300', ...(family === 'application' ? { 'slow_start.duration_seconds': '0', 'load_balancing.algorithm.type': 'round_robin', 'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration' } : {}), ...(spec.attributes ?? {}) },
  };
  cloud.table(ELBV2.targetGroup).set(arn, tg);
  (spec.targets ?? []).forEach((t, i) => registerTarget(cloud, tg, t, { kind: 'template' }, ['Targets', i]));
  return tg;
}

/** RegisterTargets, for one target (ELB-14): an instance of the group's VPC, or a private address of it. */
export function registerTarget(cloud: Cloud, tg: TargetGroup, t: TargetSpec, by: Target['registeredBy'], field: string | (string | number)[] = 'Targets'): Target {
  const at = (k: string) => (Array.isArray(field) ? [...field, k] : [field, k]);
  if (tg.targets.length >= ELBV2_QUOTAS.targetsPerTargetGroup) {
    throw new CloudError('TooManyTargets', `target group ${tg.logicalId ?? tg.name} has ${tg.targets.length} targets; the quota is ${ELBV2_QUOTAS.targetsPerTargetGroup}`, field);
  }
  port(t.port, at('Port'));
  if (tg.targetType === 'instance') {
    const inst = cloud.table(EC2.instance).get(t.id);
    if (!inst) throw new CloudError('InvalidTarget', `the instance "${t.id}" does not exist`, at('Id'));
    if (cloud.vpcOfSubnet(inst.subnetId).id !== tg.vpcId) {
      throw new CloudError('InvalidTarget', `instance ${inst.logicalId ?? inst.id} is not in the target group's VPC ${tg.vpcId}`, at('Id'));
    }
  } else if (tg.targetType === 'ip') {
    if (!isIp(t.id)) throw new CloudError('InvalidTarget', `"${t.id}" is not an IP address; a target group of target type ip registers addresses`, at('Id'));
    const ip = parseIp(t.id);
    const vpc = cloud.vpc(tg.vpcId!);
    const shared = parseCidr('100.64.0.0/10');
    if (!vpc.cidrs.some((c) => cidrContainsIp(c, ip)) && !isPrivateIp(ip) && !cidrContainsIp(shared, ip)) {
      throw new CloudError('InvalidTarget', `${formatIp(ip)} is publicly routable; ip targets are addresses of the VPC or of 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10`, at('Id'));
    }
  }
  if (tg.targets.some((x) => x.id === t.id && (x.port ?? tg.port) === (t.port ?? tg.port))) {
    return tg.targets.find((x) => x.id === t.id)!;
  }
  const target: Target = { id: t.id, ...(t.port !== undefined ? { port: t.port } : {}), ...(t.availabilityZone ? { availabilityZone: t.availabilityZone } : {}), registeredBy: by };
  tg.targets.push(target);
  return target;
}

export function targetGroup(cloud: Cloud, arn: string, field: string | (string | number)[] = 'TargetGroupArn'): TargetGroup {
  return cloud.get(ELBV2.targetGroup, arn, field);
}
