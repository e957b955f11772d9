import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../src/engine/cloud.js';
import { EC2 } from '../../../src/engine/ec2/kinds.js';
import { CloudError } from '../../../src/engine/errors.js';
import { kind, type Kind } from '../../../src/engine/store.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return undefined;
};

describe('the store', () => {
  it("refuses an unknown id with AWS's NotFound code for its kind, naming the parameter", () => {
    const cloud = new Cloud('t');
    const cases: [keyof typeof EC2, string][] = [
      ['vpc', 'InvalidVpcID.NotFound'],
      ['subnet', 'InvalidSubnetID.NotFound'],
      ['routeTable', 'InvalidRouteTableID.NotFound'],
      ['securityGroup', 'InvalidGroup.NotFound'],
      ['networkAcl', 'InvalidNetworkAclID.NotFound'],
      ['internetGateway', 'InvalidInternetGatewayID.NotFound'],
      ['natGateway', 'InvalidNatGatewayID.NotFound'],
      ['elasticIp', 'InvalidAllocationID.NotFound'],
      ['peering', 'InvalidVpcPeeringConnectionID.NotFound'],
      ['instance', 'InvalidInstanceID.NotFound'],
      ['networkInterface', 'InvalidNetworkInterfaceID.NotFound'],
    ];
    for (const [k, code] of cases) expect(codeOf(() => cloud.get(EC2[k] as Kind<unknown>, 'x-1')), k).toBe(code);
    try {
      cloud.get(EC2.subnet, 'subnet-1', ['NetworkInterfaces', 0, 'SubnetId']);
    } catch (e) {
      expect((e as CloudError).message).toBe('the subnet "subnet-1" does not exist');
      expect((e as CloudError).field).toEqual(['NetworkInterfaces', 0, 'SubnetId']);
    }
  });

  it('a new service adds its kinds without touching the store', () => {
    const cloud = new Cloud('t');
    const LOAD_BALANCER = kind<{ id: string; region: string; tags: Record<string, string>; name: string }>({
      noun: 'the load balancer',
      notFound: 'LoadBalancerNotFound',
      field: 'LoadBalancerArn',
    });
    expect(codeOf(() => cloud.get(LOAD_BALANCER, 'arn:lb/1'))).toBe('LoadBalancerNotFound');
    cloud.table(LOAD_BALANCER).set('arn:lb/1', { id: 'arn:lb/1', region: 'us-east-1', tags: {}, name: 'web' });
    expect(cloud.get(LOAD_BALANCER, 'arn:lb/1').name).toBe('web');
    expect(cloud.find('arn:lb/1')?.id).toBe('arn:lb/1');
  });

  it('the same seed gives the same ids', () => {
    const ids = () => {
      const c = new Cloud('seed');
      const v = c.createVpc('us-east-1', { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' });
      return [v.id, v.mainRouteTableId, c.createSubnet({ vpcId: v.id, cidrBlock: '10.0.1.0/24' }).id];
    };
    expect(ids()).toEqual(ids());
  });

  it('engine messages never use template syntax', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(import.meta.dirname, '../../../src/engine'));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/!Ref|!GetAtt|!Select|AWS::EC2::/);
    }
  });
});

describe('topology checks are one pure function over the store', () => {
  it('finds an unattached gateway, an address without a gateway and an unpeered group, and changes nothing', () => {
    const cloud = new Cloud('t');
    const a = cloud.createVpc('us-east-1', { cidrBlock: '10.0.0.0/16' });
    const b = cloud.createVpc('us-east-1', { cidrBlock: '10.1.0.0/16' });
    const igw = cloud.createInternetGateway('us-east-1');
    const rt = cloud.createRouteTable({ vpcId: a.id });
    cloud.createRoute({ routeTableId: rt.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    const s = cloud.createSubnet({ vpcId: a.id, cidrBlock: '10.0.1.0/24' });
    const i = cloud.createInstance('us-east-1', { subnetId: s.id });
    const eip = cloud.allocateElasticIp('us-east-1');
    cloud.associateElasticIp({ allocationId: eip.id, instanceId: i.id });
    const ga = cloud.createSecurityGroup({ vpcId: a.id, description: 'a' });
    const gb = cloud.createSecurityGroup({ vpcId: b.id, description: 'b' });
    cloud.addSecurityGroupRule(ga.id, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, groupId: gb.id, field: ['SecurityGroupIngress', 0] });
    const first = cloud.finish().map((e) => [e.code, e.field]);
    expect(first).toEqual([
      ['InvalidParameterValue', 'GatewayId'],
      ['Gateway.NotAttached', 'AllocationId'],
      ['InvalidGroup.NotFound', ['SecurityGroupIngress', 0, 'SourceSecurityGroupId']],
    ]);
    expect(cloud.finish().map((e) => [e.code, e.field])).toEqual(first);
    cloud.attachInternetGateway({ vpcId: a.id, internetGatewayId: igw.id });
    cloud.createPeering({ vpcId: a.id, peerVpcId: b.id });
    expect(cloud.finish()).toEqual([]);
  });
});
