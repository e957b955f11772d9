import type { Cloud } from '../cloud.js';
import type { AsgParticipant } from './asg-participant.js';
import { SimError } from './errors.js';
import type { Claim, Participant, SimContext } from './participant.js';
import type { RdsParticipant } from './rds-participant.js';
import type { ActionEvent } from './scenario.js';
import { nearest } from '../suggest.js';

interface Timer {
  region: string;
}

/**
 * `failover: <region>`, DR-02's runbook in one step, into the region named: every lost
 * database with a read replica there gets it promoted (as `promote:` does); every other lost
 * database with a recovery point usable there is restored there (as `restore:` does); then
 * every auto scaling group of the region is scaled to its counterpart's desired capacity
 * (asg-participant.ts, scaleForFailover). Data first: the groups are scaled once the
 * databases the runbook brings back are writable (the promotion's or the restore's time), as
 * DR-02 orders backup and restore ("restore data from backups, deploy code") and pilot light
 * ("promote replica, deploy/scale up compute"); a group that already serves (warm standby,
 * multi-site) keeps serving meanwhile. Switching traffic is Route 53's, by its health checks
 * (DR-06). Into a region that is down, it is refused on the timeline.
 */
export class FailoverRunbook implements Participant {
  readonly service = 'the failover runbook';
  private readonly regionsDown = new Set<string>();

  constructor(
    private readonly rds: RdsParticipant | undefined,
    private readonly asg: AsgParticipant | undefined,
  ) {}

  claimAction(cloud: Cloud, event: ActionEvent): boolean {
    if (event.action !== 'failover') return false;
    const regions = [...new Set([...cloud.vpcs.values()].map((v) => v.region))].sort();
    if (!regions.includes(event.region)) {
      const close = nearest(event.region, regions);
      throw new SimError('UnknownRegion', `the submission has nothing in ${event.region} to fail over to; its regions: ${regions.join(', ') || 'none'}${close && close !== event.region ? `. Did you mean ${close}?` : ''}`, event.path);
    }
    return true;
  }

  witness(_ctx: SimContext, claim: Claim, action: 'fail' | 'recover'): void {
    if (!claim.key.startsWith('region:')) return;
    const region = claim.key.slice('region:'.length);
    if (action === 'fail') this.regionsDown.add(region);
    else this.regionsDown.delete(region);
  }

  act(ctx: SimContext, event: ActionEvent): void {
    if (event.action !== 'failover') return;
    const region = event.region;
    if (this.regionsDown.has(region)) {
      ctx.emit('failover-refused', region, `failover to ${region} is refused: region ${region} is down`);
      return;
    }
    ctx.emit('failover-started', region, `failover to ${region} (DR-02's runbook): promote the lost databases' replicas there, restore the other lost databases there, then scale its auto scaling groups to their counterparts' desired capacity`);
    const wait = this.rds?.runbook(ctx, region) ?? 0;
    if (wait > 0) ctx.after(wait, this, { region } satisfies Timer);
    else this.scale(ctx, region);
  }

  timer(ctx: SimContext, payload: unknown): void {
    this.scale(ctx, (payload as Timer).region);
  }

  private scale(ctx: SimContext, region: string): void {
    if (this.regionsDown.has(region)) {
      ctx.emit('failover-refused', region, `failover to ${region}: the groups are not scaled, region ${region} is down`);
      return;
    }
    this.asg?.scaleForFailover(ctx, region, `failover to ${region}`);
    ctx.changed();
  }
}
