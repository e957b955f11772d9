import { Ec2Participant } from './ec2-participant.js';
import { ElbParticipant } from './elb-participant.js';
import type { Participant } from './participant.js';

/** What a participant may need from the submission to play. */
export interface ParticipantInput {
  /** InstanceType by instance logical id (or id); what is missing is m1.small. */
  instanceTypes: ReadonlyMap<string, string>;
}

/**
 * The participants that play in every simulation, in the order they are asked (a failure target
 * or an end goes to the first that claims it). A service adds its participant here.
 */
export const PARTICIPANTS: readonly ((input: ParticipantInput) => Participant)[] = [(input) => new Ec2Participant(input.instanceTypes), () => new ElbParticipant()];

export function defaultParticipants(input: ParticipantInput): Participant[] {
  return PARTICIPANTS.map((make) => make(input));
}
