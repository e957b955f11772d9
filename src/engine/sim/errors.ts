import type { ScenarioPath } from './scenario.js';

/**
 * A scenario the simulation cannot play: an end or a resource it does not know, an action
 * whose service is not modelled. The message names resources and scenario keys; `path` says
 * where in the scenario the value was written, for the front door to turn into file:line.
 */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: ScenarioPath,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

/** Every mistake found in one scenario, in the order written; `errors[0]` is the first. */
export class ScenarioErrors extends Error {
  constructor(readonly errors: readonly SimError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ScenarioErrors';
  }
}

/**
 * Resource types of services the virtual cloud does not model yet, by the prefix of their
 * CloudFormation type (they load as unmodelled resources): a failure or an action naming one
 * is refused with "not modelled yet: needs <service>", never ignored. Modelled services whose
 * simulation is still to come are in pending.ts.
 */
export const PENDING_SERVICES: readonly (readonly [string, string])[] = [
  ['AWS::ElasticLoadBalancing::', 'Elastic Load Balancing (Classic Load Balancers)'],
  ['AWS::RDS::', 'RDS'],
  ['AWS::Route53::', 'Route 53'],
  ['AWS::ElastiCache::', 'ElastiCache'],
];

/** The service a resource type waits for, if it is one of them. */
export function pendingService(type: string): string | undefined {
  return PENDING_SERVICES.find(([prefix]) => type.startsWith(prefix))?.[1];
}

export function notModelled(service: string, what: string, path: ScenarioPath): SimError {
  return new SimError('NotModelled', `not modelled yet: needs ${service}: ${what}`, path);
}
