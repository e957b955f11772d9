import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { availabilityZones } from '../regions.js';
import { named, type Named, type Origin } from '../store.js';
import { RDS } from './kinds.js';
import { generatedName } from './names.js';

/**
 * DB subnet groups (RDS-01): subnets of one VPC covering at least two availability zones.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
 */
export interface DbSubnetGroup extends Named {
  /** DBSubnetGroupName, lower case; what Ref returns. */
  name: string;
  description: string;
  vpcId: string;
  /** In the order given. */
  subnetIds: string[];
  zones: string[];
}

export interface DbSubnetGroupSpec {
  name?: string;
  description?: string;
  subnetIds: string[];
}

/** CreateDBSubnetGroup. */
export function createDbSubnetGroup(cloud: Cloud, region: string, spec: DbSubnetGroupSpec, origin?: Origin): DbSubnetGroup {
  if (spec.description === undefined || spec.description === '') {
    throw new CloudError('MissingParameter', 'a DB subnet group needs DBSubnetGroupDescription', 'DBSubnetGroupDescription');
  }
  let name: string;
  if (spec.name !== undefined) {
    if (spec.name.toLowerCase() === 'default') {
      throw new CloudError('InvalidParameterValue', 'DBSubnetGroupName cannot be "default"; that name is AWS\'s own group of the default VPC', 'DBSubnetGroupName');
    }
    if (!/^[A-Za-z0-9 ._-]{1,255}$/.test(spec.name)) {
      throw new CloudError('InvalidParameterValue', `"${spec.name}" is not a valid DBSubnetGroupName: up to 255 letters, digits, spaces, periods, underscores or hyphens`, 'DBSubnetGroupName');
    }
    name = spec.name.toLowerCase();
  } else {
    name = generatedName(cloud.seed, region, origin?.logicalId ?? `subnet-group-${cloud.nextAnonymous()}`);
  }
  for (const g of cloud.table(RDS.subnetGroup).values()) {
    if (g.region === region && g.name === name) {
      throw new CloudError('DBSubnetGroupAlreadyExists', `a DB subnet group named ${name} already exists in ${region} (${g.logicalId ?? g.id})`, 'DBSubnetGroupName');
    }
  }
  if (spec.subnetIds.length === 0) throw new CloudError('MissingParameter', 'a DB subnet group needs SubnetIds', 'SubnetIds');
  const subnets = spec.subnetIds.map((id, i) => cloud.subnet(id, ['SubnetIds', i]));
  const first = subnets[0];
  subnets.forEach((s, i) => {
    if (s.region !== region) {
      throw new CloudError('InvalidSubnet', `subnet ${s.logicalId ?? s.id} is in ${s.region}; a DB subnet group in ${region} takes subnets of its own region`, ['SubnetIds', i]);
    }
    if (s.vpcId !== first.vpcId) {
      throw new CloudError(
        'InvalidSubnet',
        `subnet ${s.logicalId ?? s.id} is in ${s.vpcId} but ${first.logicalId ?? first.id} is in ${first.vpcId}; the subnets of a DB subnet group must all be in one VPC`,
        ['SubnetIds', i],
      );
    }
  });
  const zones = [...new Set(subnets.map((s) => s.availabilityZone))];
  if (zones.length < 2 && availabilityZones(region).length > 1) {
    throw new CloudError(
      'DBSubnetGroupDoesNotCoverEnoughAZs',
      `Subnets in the DB subnet group should cover at least two Availability Zones unless there is only one Availability Zone. The subnets given are all in ${zones[0]}; add a subnet of another zone of ${region}`,
      'SubnetIds',
    );
  }
  const id = cloud.newId('dbsubnetgroup', region, origin, 'db-subnet-group');
  const group: DbSubnetGroup = { ...named(id, region, origin), name, description: spec.description, vpcId: first.vpcId, subnetIds: subnets.map((s) => s.id), zones };
  cloud.table(RDS.subnetGroup).set(id, group);
  return group;
}

/** The group of that name in the region, or AWS's DBSubnetGroupNotFoundFault. */
export function dbSubnetGroupByName(cloud: Cloud, region: string, name: string, field = 'DBSubnetGroupName'): DbSubnetGroup {
  const wanted = name.toLowerCase();
  for (const g of cloud.table(RDS.subnetGroup).values()) if (g.region === region && g.name === wanted) return g;
  throw new CloudError('DBSubnetGroupNotFoundFault', `DB subnet group ${name} does not exist in ${region}`, field);
}
