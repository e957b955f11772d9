import type { ScalingPolicy } from '../autoscaling/policy.js';

/**
 * ASG-06: target tracking on the group's metric, one datapoint a minute (detailed monitoring).
 * The alarms Auto Scaling creates are not documented exactly (UNCONFIRMED); the course takes
 * scale-out after 3 datapoints in a row above the target and scale-in after 15 in a row below
 * it. Scale-out asks for ceil(measured × metric / target) instances plus those still warming up
 * (ASG-10: they count toward the next scale-out but their metrics are not used); scale-in asks
 * for floor(measured × metric / target), never while an instance warms up, never with
 * DisableScaleIn.
 */
export const SCALE_OUT_DATAPOINTS = 3;
export const SCALE_IN_DATAPOINTS = 15;
export const METRIC_PERIOD = 60;

export type Want = { kind: 'out' | 'in'; desired: number; why: string } | undefined;

export class Tracking {
  private above = 0;
  private below = 0;

  constructor(readonly policy: ScalingPolicy) {}

  get metric(): string {
    return this.policy.targetTracking!.metric;
  }

  /** A new datapoint (undefined: no data, which breaks the streaks); what the policy wants now. */
  datapoint(value: number | undefined, measured: number, warming: number): Want {
    const tt = this.policy.targetTracking!;
    if (value === undefined || measured === 0) {
      this.above = 0;
      this.below = 0;
      return undefined;
    }
    this.above = value > tt.targetValue ? this.above + 1 : 0;
    this.below = value < tt.targetValue ? this.below + 1 : 0;
    const shown = `${tt.metric} ${round(value)} ${value > tt.targetValue ? 'above' : 'below'} the target ${tt.targetValue}`;
    if (this.above >= SCALE_OUT_DATAPOINTS) {
      this.above = 0;
      return { kind: 'out', desired: Math.ceil((measured * value) / tt.targetValue - 1e-9) + warming, why: `${shown} for ${SCALE_OUT_DATAPOINTS} minutes` };
    }
    if (this.below >= SCALE_IN_DATAPOINTS && warming === 0 && !tt.disableScaleIn) {
      this.below = 0;
      return { kind: 'in', desired: Math.floor((measured * value) / tt.targetValue + 1e-9), why: `${shown} for ${SCALE_IN_DATAPOINTS} minutes` };
    }
    return undefined;
  }
}

/** Several policies: scale out if any wants to, to the most asked; scale in only if all want to, to the most asked (ASG-06). */
export function combine(wants: Want[], current: number): Want {
  const outs = wants.filter((w) => w?.kind === 'out') as Exclude<Want, undefined>[];
  if (outs.length) {
    const best = outs.reduce((a, b) => (b.desired > a.desired ? b : a));
    return best.desired > current ? best : undefined;
  }
  if (wants.length && wants.every((w) => w?.kind === 'in')) {
    const best = (wants as Exclude<Want, undefined>[]).reduce((a, b) => (b.desired > a.desired ? b : a));
    return best.desired < current ? best : undefined;
  }
  return undefined;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
