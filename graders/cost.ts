import { estimateCost } from '../src/engine/cost/estimate.js';
import { instanceTypesOf } from '../src/formats/instance-types.js';
import { instanceType } from './placement.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';

/** Cost under a ceiling: the monthly estimate of the modelled resources stays at or below `max` dollars. */
export const costUnder: CheckKind = {
  kind: 'cost-under',
  description: 'the monthly cost of the modelled resources (instances, NAT gateways, public IPv4 addresses) is at most `max` dollars',
  args: { max: 'US dollars per month (730 hours)' },
  run(ctx, args): CheckOutcome {
    const max = Number(args.max);
    if (!Number.isFinite(max) || max < 0) throw new CheckArgumentError('cost-under needs max, dollars per month');
    // An auto scaling group's instances have the type their launch template gives, as `cloudlab cost` prices them.
    const types = instanceTypesOf({ cloud: ctx.cloud, resources: [] });
    for (const i of ctx.cloud.instances.values()) if (!types.has(i.logicalId ?? i.id)) types.set(i.logicalId ?? i.id, instanceType(ctx.resources, i.logicalId));
    const est = estimateCost({ cloud: ctx.cloud, instanceTypes: types });
    const lines = est.lines.map((l) => `${l.what} ×${l.quantity} $${l.monthlyUsd.toFixed(2)}`).join(', ');
    if (est.unpriced.length) return { passed: false, detail: `cannot price ${est.unpriced.map((u) => `${u.resource} (${u.reason})`).join(', ')}; priced so far $${est.monthlyUsd.toFixed(2)} a month`, evidence: { resources: est.unpriced.map((u) => u.resource) } };
    const passed = est.monthlyUsd <= max;
    return { passed, detail: `about $${est.monthlyUsd.toFixed(2)} a month (${lines || 'nothing billed'}); the ceiling is $${max.toFixed(2)}`, evidence: { resources: est.lines.flatMap((l) => l.resources) } };
  },
};
