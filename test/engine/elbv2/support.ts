import { Cloud } from '../../../src/engine/cloud.js';
import { CloudError } from '../../../src/engine/errors.js';

export const REGION = 'us-east-1';

/** The error code a request is refused with, or 'no error'. */
export function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return 'no error';
}

/** A VPC with an attached internet gateway, two public subnets (a, b), two private ones and a /28 in zone c. */
export function network(seed = 'cloudlab') {
  const cloud = new Cloud(seed);
  const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' });
  const igw = cloud.createInternetGateway(REGION, { logicalId: 'Igw' });
  cloud.attachInternetGateway({ vpcId: vpc.id, internetGatewayId: igw.id });
  const subnet = (logicalId: string, cidrBlock: string, availabilityZone: string) => cloud.createSubnet({ vpcId: vpc.id, cidrBlock, availabilityZone }, { logicalId }).id;
  const publicA = subnet('PublicA', '10.0.0.0/24', 'us-east-1a');
  const publicB = subnet('PublicB', '10.0.1.0/24', 'us-east-1b');
  const privateA = subnet('PrivateA', '10.0.10.0/24', 'us-east-1a');
  const privateB = subnet('PrivateB', '10.0.11.0/24', 'us-east-1b');
  const tinyC = subnet('TinyC', '10.0.20.0/28', 'us-east-1c');
  const albSg = cloud.createSecurityGroup({ vpcId: vpc.id, groupName: 'alb', description: 'alb' }, { logicalId: 'AlbSg' }).id;
  const webSg = cloud.createSecurityGroup({ vpcId: vpc.id, groupName: 'web', description: 'web' }, { logicalId: 'WebSg' }).id;
  return { cloud, vpc, igw, publicA, publicB, privateA, privateB, tinyC, albSg, webSg };
}
