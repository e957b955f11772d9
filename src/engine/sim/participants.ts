import { BackupParticipant } from './backup-participant.js';
import { CloudFrontParticipant } from './cloudfront-participant.js';
import type { Cloud } from '../cloud.js';
import { AsgParticipant } from './asg-participant.js';
import type { RateOf } from './capacity.js';
import type { GroupPool } from './asg-spares.js';
import { Ec2Participant } from './ec2-participant.js';
import { ElbParticipant } from './elb-participant.js';
import type { Participant } from './participant.js';
import { RdsParticipant } from './rds-participant.js';
import type { RestoreSpare } from './rds-restore-room.js';
import { FailoverRunbook } from './failover-runbook.js';
import { RecoveryPointLedger } from './recovery-points.js';
import { Route53Participant } from './route53-participant.js';

/** What a participant may need from the submission to play. */
export interface ParticipantInput {
  /** InstanceType by instance logical id (or id); what is missing is m1.small. */
  instanceTypes: ReadonlyMap<string, string>;
  /** The cloud played (the submission with room for its groups to scale, asg-spares.ts). */
  cloud?: Cloud;
  /** The instances each auto scaling group may launch. */
  pools?: readonly GroupPool[];
  /** The new instances restores may make, when the scenario restores (rds-restore-room.ts). */
  restoreSpares?: readonly RestoreSpare[];
  /** The scenario restores or fails over: a database's end follows its writes. */
  restores?: boolean;
  /** Requests a second at full CPU by instance type (the scenario's `capacity:` over the table). */
  rateOf?: RateOf;
}

/** What participants of one run share: the recovery points AWS Backup made, which RDS reads. */
export interface SharedState {
  recoveryPoints: RecoveryPointLedger;
}

/**
 * The participants that play in every simulation, in the order they are asked (a failure target
 * or an end goes to the first that claims it). A service adds its participant here; it sees
 * those made before it (auto scaling registers its instances with load balancing).
 */
export const PARTICIPANTS: readonly ((input: ParticipantInput, before: readonly Participant[], shared: SharedState) => Participant | undefined)[] = [
  (input) => new Ec2Participant(input.instanceTypes, input.rateOf),
  () => new ElbParticipant(),
  (input, before) =>
    input.cloud && input.pools?.length ? new AsgParticipant(input.pools, input.instanceTypes, before.find((p): p is ElbParticipant => p instanceof ElbParticipant), input.cloud, input.rateOf) : undefined,
  (input, _before, shared) => new RdsParticipant(shared.recoveryPoints, input.restoreSpares, input.restores),
  (input, _before, shared) => new BackupParticipant(shared.recoveryPoints, new Set((input.restoreSpares ?? []).map((x) => x.db.id))),
  (input, before) =>
    input.restores
      ? new FailoverRunbook(
          before.find((p): p is RdsParticipant => p instanceof RdsParticipant),
          before.find((p): p is AsgParticipant => p instanceof AsgParticipant),
        )
      : undefined,
  () => new Route53Participant(),
  () => new CloudFrontParticipant(),
];

export function defaultParticipants(input: ParticipantInput): Participant[] {
  const shared: SharedState = { recoveryPoints: new RecoveryPointLedger() };
  const made: Participant[] = [];
  for (const make of PARTICIPANTS) {
    const p = make(input, made, shared);
    if (p) made.push(p);
  }
  return made;
}
