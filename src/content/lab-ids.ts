/** The labs a lesson may point to (front matter `lab:`), in course order. */
export const LAB_IDS = [
  'address-plan',
  'public-web',
  'three-tier',
  'network-acls',
  'bastion',
  'nat-gateway',
  'load-balanced-web',
  'ticket-spike',
  'zones-and-firewalls',
  'prod-staging',
  'production-three-tier',
  'peering',
  'warm-standby',
  'dr-strategy',
] as const;

export type LabId = (typeof LAB_IDS)[number];

export function isLabId(value: unknown): value is LabId {
  return typeof value === 'string' && (LAB_IDS as readonly string[]).includes(value);
}
