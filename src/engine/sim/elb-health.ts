import type { HealthCheck } from '../elbv2/health-check.js';
import type { TargetState } from './elb-shares.js';

/**
 * One target's health checks over time (ELB-15, ELB-16): checks run every interval from the
 * moment the target was registered (the first one interval after it); a check of a target that
 * is up passes at once, one of a target that is down fails when its timeout runs out. A healthy
 * target becomes unhealthy at its UnhealthyThreshold-th consecutive failure; an unhealthy one
 * healthy at its HealthyThreshold-th consecutive success; a new (initial) target is healthy
 * after its first passing check, unhealthy after UnhealthyThreshold failures. Only the moments
 * where the state changes are scheduled, not each check, so a day of checks costs nothing.
 */
export class TargetHealth {
  state: TargetState;
  /** Whether its checks pass now (the target is up and the load balancer reaches it on the check port). */
  up: boolean;
  registeredAt: number;
  /** Bumped on every change of `up`, so that a transition scheduled before it is ignored. */
  generation = 0;

  constructor(
    readonly check: HealthCheck,
    state: TargetState,
    up: boolean,
    registeredAt: number,
  ) {
    this.state = state;
    this.up = up;
    this.registeredAt = registeredAt;
  }

  /** The first check at or after `t`. */
  nextCheck(t: number): number {
    const i = this.check.intervalSeconds;
    const k = Math.max(1, Math.ceil((t - this.registeredAt) / i));
    return this.registeredAt + k * i;
  }

  /**
   * What the checks will make of the target from `now`, given whether it is up: the state it
   * reaches and when, or undefined when it stays as it is.
   */
  transition(now: number): { at: number; to: TargetState } | undefined {
    const c = this.nextCheck(now);
    const { intervalSeconds: i, timeoutSeconds: timeout, healthyThreshold: h, unhealthyThreshold: u } = this.check;
    if (this.up && this.state === 'initial') return { at: c, to: 'healthy' };
    if (this.up && this.state === 'unhealthy') return { at: c + (h - 1) * i, to: 'healthy' };
    if (!this.up && (this.state === 'healthy' || this.state === 'initial')) return { at: c + (u - 1) * i + timeout, to: 'unhealthy' };
    return undefined;
  }
}
