import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { type Action, type ActionSpec, checkActions } from './actions.js';
import { ELBV2, ELBV2_QUOTAS } from './kinds.js';
import { loadBalancer } from './load-balancer.js';
import { elbArn, hexId } from './names.js';

/**
 * Listeners (ELB-12) and their rules (ELB-13): a protocol and port on a load balancer, one
 * listener per port, a default rule of actions, a server certificate on HTTPS and TLS; rules
 * with a priority unique per listener, conditions and actions.
 */

export interface Listener extends Named {
  readonly arn: string;
  loadBalancerArn: string;
  protocol: string;
  port: number;
  defaultActions: Action[];
  /** The default certificate first, then those added by ListenerCertificate. */
  certificates: string[];
  sslPolicy?: string;
  alpnPolicy?: string[];
}

export interface ListenerSpec {
  loadBalancerArn?: string;
  protocol?: string;
  port?: number;
  defaultActions?: ActionSpec[];
  certificates?: string[];
  sslPolicy?: string;
  alpnPolicy?: string[];
}

export interface Condition {
  field: string;
  values: string[];
}

export interface ListenerRule extends Named {
  readonly arn: string;
  listenerArn: string;
  priority: number;
  conditions: Condition[];
  actions: Action[];
}

export interface ConditionSpec {
  field?: string;
  values?: string[];
  /** The values of HostHeaderConfig, PathPatternConfig, … (and HttpHeaderName for http-header). */
  configValues?: string[];
  httpHeaderName?: string;
}

export interface ListenerRuleSpec {
  listenerArn?: string;
  priority?: number;
  conditions?: ConditionSpec[];
  actions?: ActionSpec[];
}

const ALB_PROTOCOLS = ['HTTP', 'HTTPS'];
const NLB_PROTOCOLS = ['TCP', 'TLS', 'UDP', 'TCP_UDP'];
/** The policy a listener gets when it names none (a decision: ELB-12 leaves the default unconfirmed). */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/** CreateListener. */
export function createListener(cloud: Cloud, spec: ListenerSpec, origin?: Origin): Listener {
  if (spec.loadBalancerArn === undefined) throw new CloudError('ValidationError', 'a listener needs LoadBalancerArn', 'LoadBalancerArn');
  const lb = loadBalancer(cloud, spec.loadBalancerArn);
  const allowed = lb.type === 'application' ? ALB_PROTOCOLS : NLB_PROTOCOLS;
  if (spec.protocol === undefined) throw new CloudError('ValidationError', `a listener of ${lb.type} load balancer ${lb.logicalId ?? lb.name} needs a Protocol: ${allowed.join(', ')}`, 'Protocol');
  const protocol = spec.protocol.toUpperCase();
  if (!allowed.includes(protocol)) {
    throw new CloudError('ValidationError', `Protocol ${spec.protocol} is not valid for ${lb.type === 'application' ? 'an application' : 'a network'} load balancer; use ${allowed.join(', ')}`, 'Protocol');
  }
  if (spec.port === undefined) throw new CloudError('ValidationError', 'a listener needs a Port (1-65535)', 'Port');
  if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) throw new CloudError('ValidationError', `Port ${spec.port} is out of range: a listener port is from 1 to 65535`, 'Port');
  const existing = [...cloud.table(ELBV2.listener).values()].filter((l) => l.loadBalancerArn === lb.arn);
  const same = existing.find((l) => l.port === spec.port);
  if (same) {
    throw new CloudError('DuplicateListener', `load balancer ${lb.logicalId ?? lb.name} already has a listener on port ${spec.port} (${same.logicalId ?? same.arn}); one listener per port`, 'Port');
  }
  if (existing.length >= ELBV2_QUOTAS.listenersPerLoadBalancer) {
    throw new CloudError('TooManyListeners', `load balancer ${lb.logicalId ?? lb.name} has ${existing.length} listeners; the quota is ${ELBV2_QUOTAS.listenersPerLoadBalancer}`, 'Port');
  }
  const secure = protocol === 'HTTPS' || protocol === 'TLS';
  const certificates = spec.certificates ?? [];
  if (secure && certificates.length === 0) {
    throw new CloudError('ValidationError', `A certificate must be specified for ${protocol} listeners: give one server certificate (an ACM or IAM certificate ARN) in Certificates`, 'Certificates');
  }
  if (secure && certificates.length > 1) {
    throw new CloudError('ValidationError', `Certificates holds the one default certificate of a ${protocol} listener; add others with a ListenerCertificate`, 'Certificates');
  }
  if (!secure && (certificates.length || spec.sslPolicy !== undefined)) {
    throw new CloudError('ValidationError', `${certificates.length ? 'Certificates' : 'SslPolicy'} applies to HTTPS and TLS listeners, not ${protocol}`, certificates.length ? 'Certificates' : 'SslPolicy');
  }
  const defaultActions = checkActions(cloud, spec.defaultActions, { lb, listenerProtocol: protocol, field: 'DefaultActions' });
  const hex = hexId(cloud, 'listener', lb.region, origin, 'listener');
  const arn = elbArn(lb.region, `listener/${lb.fullName}/${hex}`);
  const listener: Listener = {
    ...named(arn, lb.region, origin),
    arn,
    loadBalancerArn: lb.arn,
    protocol,
    port: spec.port,
    defaultActions,
    certificates: [...certificates],
    ...(secure ? { sslPolicy: spec.sslPolicy ?? DEFAULT_SSL_POLICY } : {}),
    ...(spec.alpnPolicy ? { alpnPolicy: spec.alpnPolicy } : {}),
  };
  cloud.table(ELBV2.listener).set(arn, listener);
  return listener;
}

export function listener(cloud: Cloud, arn: string, field = 'ListenerArn'): Listener {
  return cloud.get(ELBV2.listener, arn, field);
}

/** AddListenerCertificates: more certificates for an HTTPS or TLS listener, 25 at most per load balancer. */
export function addListenerCertificates(cloud: Cloud, spec: { listenerArn?: string; certificates?: string[] }): Listener {
  if (spec.listenerArn === undefined) throw new CloudError('ValidationError', 'a listener certificate needs ListenerArn', 'ListenerArn');
  const l = listener(cloud, spec.listenerArn);
  if (l.protocol !== 'HTTPS' && l.protocol !== 'TLS') {
    throw new CloudError('ValidationError', `listener ${l.logicalId ?? l.arn} is ${l.protocol}; certificates go on HTTPS and TLS listeners`, 'ListenerArn');
  }
  const certs = spec.certificates ?? [];
  if (certs.length === 0) throw new CloudError('ValidationError', 'Certificates needs at least one certificate ARN', 'Certificates');
  const total = [...cloud.table(ELBV2.listener).values()].filter((x) => x.loadBalancerArn === l.loadBalancerArn).reduce((n, x) => n + Math.max(0, x.certificates.length - 1), 0);
  const added = certs.filter((c) => !l.certificates.includes(c));
  if (total + added.length > ELBV2_QUOTAS.certificatesPerLoadBalancer) {
    throw new CloudError('TooManyCertificates', `the load balancer would have ${total + added.length} certificates besides the defaults; the quota is ${ELBV2_QUOTAS.certificatesPerLoadBalancer}`, 'Certificates');
  }
  l.certificates.push(...added);
  return l;
}

const CONDITION_FIELDS = ['host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip'];

/** CreateRule. */
export function createRule(cloud: Cloud, spec: ListenerRuleSpec, origin?: Origin): ListenerRule {
  if (spec.listenerArn === undefined) throw new CloudError('ValidationError', 'a listener rule needs ListenerArn', 'ListenerArn');
  const l = listener(cloud, spec.listenerArn);
  const lb = loadBalancer(cloud, l.loadBalancerArn);
  if (lb.type !== 'application') {
    throw new CloudError('ValidationError', `listener ${l.logicalId ?? l.arn} belongs to a network load balancer; only application load balancers' listeners have rules`, 'ListenerArn');
  }
  const p = spec.priority;
  if (p === undefined || !Number.isInteger(p) || p < 1 || p > 50000) {
    throw new CloudError('ValidationError', `Priority ${p ?? '(none)'} is not valid: a rule's priority is a whole number from 1 to 50000 (the default rule has none)`, 'Priority');
  }
  const rules = [...cloud.table(ELBV2.rule).values()];
  const taken = rules.find((r) => r.listenerArn === l.arn && r.priority === p);
  if (taken) throw new CloudError('PriorityInUse', `priority ${p} is already used by rule ${taken.logicalId ?? taken.arn} on listener ${l.logicalId ?? l.arn}; priorities are unique per listener`, 'Priority');
  const onLb = rules.filter((r) => cloud.table(ELBV2.listener).get(r.listenerArn)?.loadBalancerArn === lb.arn).length;
  if (onLb >= ELBV2_QUOTAS.rulesPerLoadBalancer) {
    throw new CloudError('TooManyRules', `load balancer ${lb.logicalId ?? lb.name} has ${onLb} rules besides the defaults; the quota is ${ELBV2_QUOTAS.rulesPerLoadBalancer}`, 'Priority');
  }
  const conds = spec.conditions ?? [];
  if (conds.length === 0) throw new CloudError('ValidationError', 'a rule needs at least one condition (host-header, path-pattern, http-header, http-request-method, query-string, source-ip)', 'Conditions');
  let count = 0;
  const conditions: Condition[] = conds.map((c, i) => {
    if (c.field === undefined || !CONDITION_FIELDS.includes(c.field)) {
      throw new CloudError('ValidationError', `condition Field "${c.field ?? ''}" is not valid; it is one of ${CONDITION_FIELDS.join(', ')}`, ['Conditions', i, 'Field']);
    }
    if (c.values?.length && c.configValues?.length) {
      throw new CloudError('ValidationError', `give the values of the ${c.field} condition in Values or in its config, not both`, ['Conditions', i, 'Values']);
    }
    const values = c.values?.length ? c.values : (c.configValues ?? []);
    if (values.length === 0) throw new CloudError('ValidationError', `the ${c.field} condition needs at least one value`, ['Conditions', i]);
    if (c.field === 'http-header' && !c.httpHeaderName) throw new CloudError('ValidationError', 'an http-header condition needs HttpHeaderConfig.HttpHeaderName', ['Conditions', i, 'HttpHeaderConfig']);
    count += values.length;
    return { field: c.field, values };
  });
  if (count > ELBV2_QUOTAS.conditionValuesPerRule) {
    throw new CloudError('ValidationError', `the rule's conditions hold ${count} values; a rule holds at most ${ELBV2_QUOTAS.conditionValuesPerRule}`, 'Conditions');
  }
  const actions = checkActions(cloud, spec.actions, { lb, listenerProtocol: l.protocol, field: 'Actions' });
  const hex = hexId(cloud, 'rule', lb.region, origin, 'listener-rule');
  const arn = elbArn(lb.region, `listener-rule/${lb.fullName}/${l.arn.split('/').pop()}/${hex}`);
  const rule: ListenerRule = { ...named(arn, lb.region, origin), arn, listenerArn: l.arn, priority: p, conditions, actions };
  cloud.table(ELBV2.rule).set(arn, rule);
  return rule;
}
