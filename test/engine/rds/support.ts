import { Cloud } from '../../../src/engine/cloud.js';
import { CloudError } from '../../../src/engine/errors.js';

/** A VPC with two database subnets in two zones, an application group and a database group. */
export function network(region = 'us-east-1', opts: { igw?: boolean; seed?: string } = {}) {
  const cloud = new Cloud(opts.seed ?? 't');
  const vpc = cloud.createVpc(region, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' });
  const a = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.20.0/24', availabilityZone: `${region}a` }, { logicalId: 'DbA' });
  const b = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.21.0/24', availabilityZone: `${region}b` }, { logicalId: 'DbB' });
  const a2 = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.22.0/24', availabilityZone: `${region}a` }, { logicalId: 'DbA2' });
  const dbSg = cloud.createSecurityGroup({ vpcId: vpc.id, groupName: 'db', description: 'db' }, { logicalId: 'DbSg' });
  if (opts.igw) {
    const igw = cloud.createInternetGateway(region, { logicalId: 'Igw' });
    cloud.attachInternetGateway({ vpcId: vpc.id, internetGatewayId: igw.id });
  }
  return { cloud, vpc, a, b, a2, dbSg };
}

export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return undefined;
}
