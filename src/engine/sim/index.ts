/** The simulation of failure and load over time (DESIGN.md, "Time, failure and load"). */
export { simulate, NOTES, type SimOptions } from './run.js';
export type { Scenario, ScenarioEvent, ScenarioPath, Target, TargetKind, TrafficSpec } from './scenario.js';
export { MAX_DURATION } from './scenario.js';
export type { SimResult, EndResult, IntervalRow, Outage, Requests, DatabaseResult } from './result.js';
export type { Participant, SimContext, SimEvent, Claim } from './participant.js';
export { ScenarioErrors, SimError } from './errors.js';
export { Ec2Participant } from './ec2-participant.js';
export { CAPACITY, capacityOf, DEFAULT_INSTANCE_TYPE } from './capacity.js';
export { chooseInterval, formatSeconds } from './report-interval.js';
export { defaultParticipants, PARTICIPANTS, type ParticipantInput } from './participants.js';
export type { EndRef } from './network-view.js';
