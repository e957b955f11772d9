import type { Subnet } from '../ec2/subnet.js';

/**
 * ASG-05: where each launch of a group goes. A launch goes to the enabled zone with the fewest
 * of the group's instances; AWS breaks ties and picks the subnet within a zone at random, the
 * virtual cloud deterministically: ties go to the zone that comes first by name, and the
 * subnets of a zone take turns in the order VPCZoneIdentifier lists them.
 */
export function placeInstances(subnets: readonly Subnet[], count: number): Subnet[] {
  const byZone = new Map<string, Subnet[]>();
  for (const s of subnets) {
    const list = byZone.get(s.availabilityZone) ?? [];
    if (!list.some((x) => x.id === s.id)) list.push(s);
    byZone.set(s.availabilityZone, list);
  }
  const zones = [...byZone.keys()].sort();
  const counts = new Map(zones.map((z) => [z, 0]));
  const out: Subnet[] = [];
  for (let i = 0; i < count; i++) {
    let zone = zones[0];
    for (const z of zones) if (counts.get(z)! < counts.get(zone)!) zone = z;
    const inZone = byZone.get(zone)!;
    out.push(inZone[counts.get(zone)! % inZone.length]);
    counts.set(zone, counts.get(zone)! + 1);
  }
  return out;
}
