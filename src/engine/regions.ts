/**
 * The regions and availability zones of the virtual cloud: the commercial AWS regions with
 * the zone names an account commonly sees. Fn::GetAZs and subnet validation use this list.
 */
const ZONES: Record<string, string> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-1': 'ac',
  'us-west-2': 'abcd',
  'ca-central-1': 'abd',
  'sa-east-1': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-north-1': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'ap-south-1': 'abc',
  'ap-south-2': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-southeast-3': 'abc',
  'ap-southeast-4': 'abc',
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
  'ap-east-1': 'abc',
  'me-south-1': 'abc',
  'me-central-1': 'abc',
  'af-south-1': 'abc',
  'il-central-1': 'abc',
};

export const REGIONS: readonly string[] = Object.keys(ZONES);

export function isRegion(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ZONES, name);
}

/** The zones of a region, e.g. us-east-1 → us-east-1a … us-east-1f. Empty for an unknown region. */
export function availabilityZones(region: string): string[] {
  return isRegion(region) ? [...ZONES[region]].map((z) => `${region}${z}`) : [];
}

/** The region a zone name belongs to (us-east-1a → us-east-1), if the zone exists. */
export function regionOfZone(zone: string): string | undefined {
  const region = zone.slice(0, -1);
  return availabilityZones(region).includes(zone) ? region : undefined;
}

export function hasZone(region: string, zone: string): boolean {
  return availabilityZones(region).includes(zone);
}
