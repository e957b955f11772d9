import { BackupParticipant } from './backup-participant.js';
import { CloudFrontParticipant } from './cloudfront-participant.js';
import { Ec2Participant } from './ec2-participant.js';
import { ElbParticipant } from './elb-participant.js';
import type { Participant } from './participant.js';
import { RdsParticipant } from './rds-participant.js';
import { RecoveryPointLedger } from './recovery-points.js';
import { Route53Participant } from './route53-participant.js';

/** What a participant may need from the submission to play. */
export interface ParticipantInput {
  /** InstanceType by instance logical id (or id); what is missing is m1.small. */
  instanceTypes: ReadonlyMap<string, string>;
}

/** What participants of one run share: the recovery points AWS Backup made, which RDS reads. */
export interface SharedState {
  recoveryPoints: RecoveryPointLedger;
}

/**
 * The participants that play in every simulation, in the order they are asked (a failure target
 * or an end goes to the first that claims it). A service adds its participant here.
 */
export const PARTICIPANTS: readonly ((input: ParticipantInput, shared: SharedState) => Participant)[] = [
  (input) => new Ec2Participant(input.instanceTypes),
  () => new ElbParticipant(),
  (_input, shared) => new RdsParticipant(shared.recoveryPoints),
  (_input, shared) => new BackupParticipant(shared.recoveryPoints),
  () => new Route53Participant(),
  () => new CloudFrontParticipant(),
];

export function defaultParticipants(input: ParticipantInput): Participant[] {
  const shared: SharedState = { recoveryPoints: new RecoveryPointLedger() };
  return PARTICIPANTS.map((make) => make(input, shared));
}
