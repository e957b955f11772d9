import { dnsTargetKind } from '../dns-targets.js';
import { kind } from '../store.js';
import type { Listener, ListenerRule } from './listener.js';
import type { LoadBalancer } from './load-balancer.js';
import type { TargetGroup } from './target-group.js';

/**
 * Elastic Load Balancing v2's kinds, keyed by ARN as the API keys them, with the NotFound code
 * the API gives (LoadBalancerNotFound, TargetGroupNotFound, ListenerNotFound, RuleNotFound).
 */
export const ELBV2 = {
  loadBalancer: dnsTargetKind(kind<LoadBalancer>({ noun: 'the load balancer', notFound: 'LoadBalancerNotFound', field: 'LoadBalancerArn' })),
  targetGroup: kind<TargetGroup>({ noun: 'the target group', notFound: 'TargetGroupNotFound', field: 'TargetGroupArn' }),
  listener: kind<Listener>({ noun: 'the listener', notFound: 'ListenerNotFound', field: 'ListenerArn' }),
  rule: kind<ListenerRule>({ noun: 'the listener rule', notFound: 'RuleNotFound', field: 'RuleArn' }),
} as const;

/** ELBv2's default quotas (ELB-12, ELB-13, ELB-14). */
export const ELBV2_QUOTAS = {
  listenersPerLoadBalancer: 50,
  certificatesPerLoadBalancer: 25,
  rulesPerLoadBalancer: 100,
  targetGroupsPerAction: 5,
  targetsPerTargetGroup: 1000,
  conditionValuesPerRule: 5,
} as const;
