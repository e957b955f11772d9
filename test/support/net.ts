import { Cloud } from '../../src/engine/cloud.js';
import { resolveEndpoint } from '../../src/engine/reach/endpoints.js';
import { answerFlow, type FlowAnswer } from '../../src/engine/reach/trace.js';
import { IntervalSet } from '../../src/engine/intervals.js';
import type { FlowProtocol } from '../../src/engine/reach/packet.js';

/** Small builders for engine tests: a VPC with a public and a private subnet, and the usual gateways. */
export interface Basic {
  cloud: Cloud;
  vpc: string;
  igw: string;
  pub: string;
  priv: string;
  pubRt: string;
  privRt: string;
  web: string;
  app: string;
  webSg: string;
  appSg: string;
}

export const REGION = 'us-east-1';

export function basic(opts: { publicWeb?: boolean; withIgwRoute?: boolean } = {}): Basic {
  const cloud = new Cloud('test');
  const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
  const igw = cloud.createInternetGateway(REGION, { logicalId: 'Igw' }).id;
  cloud.attachInternetGateway({ vpcId: vpc, internetGatewayId: igw });
  const pub = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: opts.publicWeb ?? true }, { logicalId: 'Public' }).id;
  const priv = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'Private' }).id;
  const pubRt = cloud.createRouteTable({ vpcId: vpc }, { logicalId: 'PublicRt' }).id;
  const privRt = cloud.createRouteTable({ vpcId: vpc }, { logicalId: 'PrivateRt' }).id;
  if (opts.withIgwRoute ?? true) cloud.createRoute({ routeTableId: pubRt, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw });
  cloud.associateRouteTable({ subnetId: pub, routeTableId: pubRt });
  cloud.associateRouteTable({ subnetId: priv, routeTableId: privRt });
  const webSg = cloud.createSecurityGroup({ vpcId: vpc, description: 'web' }, { logicalId: 'WebSg' }).id;
  cloud.addSecurityGroupRule(webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '0.0.0.0/0' });
  const appSg = cloud.createSecurityGroup({ vpcId: vpc, description: 'app' }, { logicalId: 'AppSg' }).id;
  cloud.addSecurityGroupRule(appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, groupId: webSg });
  const web = cloud.createInstance(REGION, { subnetId: pub, securityGroupIds: [webSg] }, { logicalId: 'Web' }).id;
  const app = cloud.createInstance(REGION, { subnetId: priv, securityGroupIds: [appSg] }, { logicalId: 'App' }).id;
  return { cloud, vpc, igw, pub, priv, pubRt, privRt, web, app, webSg, appSg };
}

export function ask(cloud: Cloud, from: string, to: string, port: number, protocol: FlowProtocol = 'tcp', clientPorts?: IntervalSet): FlowAnswer {
  return answerFlow(cloud, {
    from: resolveEndpoint(cloud, from),
    to: resolveEndpoint(cloud, to),
    protocol,
    ports: IntervalSet.point(port),
    clientPorts,
  });
}
