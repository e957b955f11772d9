import { formatIp } from '../engine/address.js';
import { type Cloud, type InstanceInterfaceSpec, type RuleSpec } from '../engine/cloud.js';
import { CloudError } from '../engine/errors.js';

/**
 * The builder: turns each resolved CloudFormation resource into engine state through the
 * Cloud API, which applies AWS's validation. Properties arrive with every intrinsic function
 * resolved; errors come back as CloudError naming the property, which the loader turns into a
 * diagnostic at that property's line and column.
 */

export interface BuildResource {
  logicalId: string;
  type: string;
  modelled: boolean;
  properties: Record<string, unknown>;
}

export interface Built {
  ref: string;
  attributes: Record<string, unknown>;
}

export interface BuildWarning {
  logicalId: string;
  code: string;
  message: string;
  path?: (string | number)[];
}

type Props = Record<string, unknown>;

function str(p: Props, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new CloudError('InvalidParameterValue', `${key} must be a single value, not ${Array.isArray(v) ? 'a list' : 'a map'}`, key);
}

function bool(p: Props, key: string): boolean | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (v === true || v === 'true' || v === 'True') return true;
  if (v === false || v === 'false' || v === 'False') return false;
  throw new CloudError('InvalidParameterValue', `${key} must be true or false, not ${JSON.stringify(v)}`, key);
}

function strList(p: Props, key: string): string[] | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new CloudError('InvalidParameterValue', `${key} must be a list`, key);
  return v.map((x, i) => {
    if (typeof x !== 'string') throw new CloudError('InvalidParameterValue', `${key} item ${i + 1} must be an id string`, [key, i]);
    return x;
  });
}

function tags(p: Props): Record<string, string> {
  const out: Record<string, string> = {};
  const v = p.Tags;
  if (Array.isArray(v)) {
    for (const t of v) {
      if (t && typeof t === 'object' && 'Key' in t) out[String((t as Props).Key)] = String((t as Props).Value ?? '');
    }
  }
  return out;
}

/** CloudFormation's attribute values for an unmodelled resource: any attribute reads as a placeholder. */
function placeholderAttributes(logicalId: string): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, key) => (typeof key === 'string' ? `${logicalId}.${key}` : undefined),
      has: () => true,
      getOwnPropertyDescriptor: (_t, key) => (typeof key === 'string' ? { value: `${logicalId}.${key}`, enumerable: true, configurable: true, writable: false } : undefined),
    },
  );
}

function privateDnsName(region: string, ip: number): string {
  const host = `ip-${formatIp(ip).replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

function publicDnsName(region: string, ip: number): string {
  const host = `ec2-${formatIp(ip).replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

const UNMODELLED_ROUTE_TARGETS = [
  'TransitGatewayId',
  'VpcEndpointId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'EgressOnlyInternetGatewayId',
  'CoreNetworkArn',
];

/** Returns the create function for one region's template. */
export function makeBuilder(cloud: Cloud, region: string, warn: (w: BuildWarning) => void) {
  let counter = 0;
  const nextId = (prefix: string, logicalId: string): string => `${prefix}-${logicalId.toLowerCase()}-${(counter++).toString(16)}`;

  const ruleSpec = (raw: unknown, direction: 'ingress' | 'egress', base: (string | number)[]): RuleSpec | undefined => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new CloudError('InvalidParameterValue', 'a security group rule is a map with IpProtocol, ports and a source or destination', base);
    }
    const r = raw as Props;
    const groupKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
    if (direction === 'ingress' && r.SourceSecurityGroupName !== undefined) {
      throw new CloudError(
        'InvalidParameterCombination',
        'SourceSecurityGroupName only works in a default VPC; in your own VPC give SourceSecurityGroupId (for example !Ref AppSecurityGroup)',
        [...base, 'SourceSecurityGroupName'],
      );
    }
    if (r.CidrIpv6 !== undefined && r.CidrIp === undefined && r[groupKey] === undefined) return undefined;
    const prefixKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
    return {
      ipProtocol: r.IpProtocol,
      fromPort: r.FromPort,
      toPort: r.ToPort,
      cidrIp: r.CidrIp,
      cidrIpv6: r.CidrIpv6,
      groupId: r[groupKey] === undefined ? undefined : String(r[groupKey]),
      prefixListId: r[prefixKey] === undefined ? undefined : String(r[prefixKey]),
      description: r.Description === undefined ? undefined : String(r.Description),
      field: base,
    };
  };

  const addRules = (groupId: string, logicalId: string, list: unknown, direction: 'ingress' | 'egress', key: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new CloudError('InvalidParameterValue', `${key} must be a list of rules`, key);
    list.forEach((raw, i) => {
      const spec = ruleSpec(raw, direction, [key, i]);
      if (!spec) {
        warn({ logicalId, code: 'Ipv6NotModelled', message: 'IPv6 rules are kept but the virtual cloud models IPv4 only', path: [key, i] });
        return;
      }
      if (spec.prefixListId) warn({ logicalId, code: 'PrefixListNotModelled', message: 'prefix lists are not modelled: this rule matches nothing in reachability questions', path: [key, i] });
      cloud.addSecurityGroupRule(groupId, direction, spec);
    });
  };

  const create = (r: BuildResource): Built => {
    const p = r.properties;
    const origin = { logicalId: r.logicalId, tags: tags(p) };
    switch (r.type) {
      case 'AWS::EC2::VPC': {
        if (p.CidrBlock === undefined && p.Ipv4IpamPoolId !== undefined) {
          throw new CloudError('InvalidParameterValue', 'IPAM pools are not modelled: give CidrBlock', 'Ipv4IpamPoolId');
        }
        const vpc = cloud.createVpc(region, { cidrBlock: p.CidrBlock }, origin);
        return {
          ref: vpc.id,
          attributes: {
            VpcId: vpc.id,
            CidrBlock: `${formatIp(vpc.cidrs[0].network)}/${vpc.cidrs[0].prefix}`,
            CidrBlockAssociations: [cloud.vpcs.get(vpc.id)!.id.replace('vpc-', 'vpc-cidr-assoc-')],
            DefaultNetworkAcl: vpc.defaultNetworkAclId,
            DefaultSecurityGroup: vpc.defaultSecurityGroupId,
            Ipv6CidrBlocks: [],
          },
        };
      }
      case 'AWS::EC2::VPCCidrBlock': {
        if (p.CidrBlock === undefined) {
          warn({ logicalId: r.logicalId, code: 'Ipv6NotModelled', message: 'only IPv4 secondary blocks are modelled; this one is kept but ignored' });
          const id = nextId('vpc-cidr-assoc', r.logicalId);
          return { ref: id, attributes: { Id: id, VpcId: str(p, 'VpcId') } };
        }
        cloud.associateVpcCidrBlock({ vpcId: str(p, 'VpcId') ?? '', cidrBlock: p.CidrBlock });
        const id = nextId('vpc-cidr-assoc', r.logicalId);
        return { ref: id, attributes: { Id: id, VpcId: str(p, 'VpcId') } };
      }
      case 'AWS::EC2::Subnet': {
        if (p.AvailabilityZoneId !== undefined && p.AvailabilityZone === undefined) {
          throw new CloudError('InvalidParameterValue', 'zone ids (use1-az1) are not modelled: give AvailabilityZone (for example !Select [0, !GetAZs ""])', 'AvailabilityZoneId');
        }
        if (p.CidrBlock === undefined && p.Ipv4IpamPoolId !== undefined) {
          throw new CloudError('InvalidParameterValue', 'IPAM pools are not modelled: give CidrBlock', 'Ipv4IpamPoolId');
        }
        const s = cloud.createSubnet(
          { vpcId: str(p, 'VpcId') ?? '', cidrBlock: p.CidrBlock, availabilityZone: str(p, 'AvailabilityZone'), mapPublicIpOnLaunch: bool(p, 'MapPublicIpOnLaunch') },
          origin,
        );
        return {
          ref: s.id,
          attributes: {
            SubnetId: s.id,
            VpcId: s.vpcId,
            AvailabilityZone: s.availabilityZone,
            CidrBlock: `${formatIp(s.cidr.network)}/${s.cidr.prefix}`,
            NetworkAclAssociationId: `aclassoc-${s.id.slice(7)}`,
            Ipv6CidrBlocks: [],
          },
        };
      }
      case 'AWS::EC2::RouteTable': {
        const t = cloud.createRouteTable({ vpcId: str(p, 'VpcId') ?? '' }, origin);
        return { ref: t.id, attributes: { RouteTableId: t.id } };
      }
      case 'AWS::EC2::Route': {
        const tableId = str(p, 'RouteTableId') ?? '';
        if (p.DestinationCidrBlock === undefined) {
          warn({ logicalId: r.logicalId, code: p.DestinationIpv6CidrBlock !== undefined ? 'Ipv6NotModelled' : 'PrefixListNotModelled', message: 'only IPv4 destination blocks are modelled; this route is kept but ignored' });
          return { ref: nextId('r', r.logicalId), attributes: {} };
        }
        const unmodelledKey = UNMODELLED_ROUTE_TARGETS.find((k) => p[k] !== undefined);
        let gatewayId = str(p, 'GatewayId');
        let unmodelledTarget: { property: string; id: string } | undefined;
        if (unmodelledKey) unmodelledTarget = { property: unmodelledKey, id: String(p[unmodelledKey]) };
        if (gatewayId && !cloud.internetGateways.has(gatewayId) && (gatewayId.startsWith('vgw-') || [...cloud.unmodelled.values()].some((u) => u.id === gatewayId))) {
          unmodelledTarget = { property: 'GatewayId', id: gatewayId };
          gatewayId = undefined;
        }
        if (unmodelledTarget) {
          warn({ logicalId: r.logicalId, code: 'RouteTargetNotModelled', message: `the target ${unmodelledTarget.property} is not modelled; flows that take this route stop there`, path: [unmodelledTarget.property] });
        }
        cloud.createRoute(
          {
            routeTableId: tableId,
            destinationCidrBlock: p.DestinationCidrBlock,
            gatewayId,
            natGatewayId: str(p, 'NatGatewayId'),
            vpcPeeringConnectionId: str(p, 'VpcPeeringConnectionId'),
            instanceId: str(p, 'InstanceId'),
            networkInterfaceId: str(p, 'NetworkInterfaceId'),
            unmodelledTarget,
          },
          origin,
        );
        return { ref: `${tableId}|${String(p.DestinationCidrBlock)}`, attributes: {} };
      }
      case 'AWS::EC2::SubnetRouteTableAssociation': {
        const id = cloud.associateRouteTable({ subnetId: str(p, 'SubnetId') ?? '', routeTableId: str(p, 'RouteTableId') ?? '' });
        return { ref: id, attributes: { Id: id } };
      }
      case 'AWS::EC2::InternetGateway': {
        const g = cloud.createInternetGateway(region, origin);
        return { ref: g.id, attributes: { InternetGatewayId: g.id } };
      }
      case 'AWS::EC2::VPCGatewayAttachment': {
        if (p.InternetGatewayId === undefined) {
          warn({ logicalId: r.logicalId, code: 'VpnGatewayNotModelled', message: 'virtual private gateways are not modelled; the attachment is kept but plays no part' });
        } else {
          cloud.attachInternetGateway({ vpcId: str(p, 'VpcId') ?? '', internetGatewayId: str(p, 'InternetGatewayId') ?? '' });
        }
        const id = `IGW|${str(p, 'VpcId')}`;
        return { ref: id, attributes: {} };
      }
      case 'AWS::EC2::EIP': {
        const domain = str(p, 'Domain');
        if (domain !== undefined && domain !== 'vpc' && domain !== 'standard') {
          throw new CloudError('InvalidParameterValue', `Domain is "vpc", not "${domain}"`, 'Domain');
        }
        const eip = cloud.allocateElasticIp(region, origin);
        const instanceId = str(p, 'InstanceId');
        if (instanceId) cloud.associateElasticIp({ allocationId: eip.id, instanceId });
        // CloudFormation's Ref of an EIP is its address; the allocation id is an attribute.
        return { ref: formatIp(eip.publicIp), attributes: { AllocationId: eip.id, PublicIp: formatIp(eip.publicIp) } };
      }
      case 'AWS::EC2::EIPAssociation': {
        let allocationId = str(p, 'AllocationId');
        const address = str(p, 'EIP') ?? str(p, 'PublicIp');
        if (!allocationId && address) {
          allocationId = [...cloud.elasticIps.values()].find((e) => formatIp(e.publicIp) === address)?.id;
          if (!allocationId) throw new CloudError('InvalidAddress.NotFound', `no elastic IP has the address ${address}`, 'EIP');
        }
        if (!allocationId) throw new CloudError('MissingParameter', 'give AllocationId (for example !GetAtt MyEip.AllocationId)', 'AllocationId');
        cloud.associateElasticIp({
          allocationId,
          instanceId: str(p, 'InstanceId'),
          networkInterfaceId: str(p, 'NetworkInterfaceId'),
        });
        const id = nextId('eipassoc', r.logicalId);
        return { ref: id, attributes: {} };
      }
      case 'AWS::EC2::NatGateway': {
        const n = cloud.createNatGateway(
          { subnetId: str(p, 'SubnetId') ?? '', allocationId: str(p, 'AllocationId'), connectivityType: str(p, 'ConnectivityType'), privateIpAddress: str(p, 'PrivateIpAddress') },
          origin,
        );
        return { ref: n.id, attributes: { NatGatewayId: n.id } };
      }
      case 'AWS::EC2::SecurityGroup': {
        const vpcId = str(p, 'VpcId');
        if (!vpcId) {
          throw new CloudError('MissingParameter', 'the security group has no VpcId: the virtual cloud has no default VPC, so give VpcId (for example !Ref Vpc)', 'VpcId');
        }
        const g = cloud.createSecurityGroup({ vpcId, groupName: str(p, 'GroupName'), description: str(p, 'GroupDescription') }, origin);
        addRules(g.id, r.logicalId, p.SecurityGroupIngress, 'ingress', 'SecurityGroupIngress');
        if (Array.isArray(p.SecurityGroupEgress)) {
          // CloudFormation removes the default allow-all egress rule when egress rules are given.
          cloud.clearEgress(g.id);
          addRules(g.id, r.logicalId, p.SecurityGroupEgress, 'egress', 'SecurityGroupEgress');
        }
        return { ref: g.id, attributes: { GroupId: g.id, VpcId: g.vpcId } };
      }
      case 'AWS::EC2::SecurityGroupIngress':
      case 'AWS::EC2::SecurityGroupEgress': {
        const direction = r.type.endsWith('Ingress') ? 'ingress' : 'egress';
        if (direction === 'ingress' && p.GroupName !== undefined && p.GroupId === undefined) {
          throw new CloudError('InvalidParameterCombination', 'GroupName only works in a default VPC; give GroupId (for example !Ref WebSecurityGroup)', 'GroupName');
        }
        const groupId = str(p, 'GroupId');
        if (!groupId) throw new CloudError('MissingParameter', 'give GroupId: the security group this rule belongs to', 'GroupId');
        const spec = ruleSpec(p, direction, []);
        if (!spec) {
          warn({ logicalId: r.logicalId, code: 'Ipv6NotModelled', message: 'IPv6 rules are kept but the virtual cloud models IPv4 only' });
        } else {
          spec.field = undefined;
          cloud.securityGroup(groupId, 'GroupId');
          cloud.addSecurityGroupRule(groupId, direction, spec, origin);
        }
        const id = nextId('sgr', r.logicalId);
        return { ref: id, attributes: { Id: id } };
      }
      case 'AWS::EC2::NetworkAcl': {
        const a = cloud.createNetworkAcl({ vpcId: str(p, 'VpcId') ?? '' }, origin);
        return { ref: a.id, attributes: { Id: a.id } };
      }
      case 'AWS::EC2::NetworkAclEntry': {
        if (p.CidrBlock === undefined && p.Ipv6CidrBlock !== undefined) {
          warn({ logicalId: r.logicalId, code: 'Ipv6NotModelled', message: 'IPv6 entries are kept but the virtual cloud models IPv4 only' });
          return { ref: nextId('acle', r.logicalId), attributes: {} };
        }
        cloud.addNetworkAclEntry(
          {
            networkAclId: str(p, 'NetworkAclId') ?? '',
            ruleNumber: p.RuleNumber,
            protocol: p.Protocol,
            ruleAction: p.RuleAction,
            egress: bool(p, 'Egress'),
            cidrBlock: p.CidrBlock,
            portRange: p.PortRange as { From?: unknown; To?: unknown } | undefined,
            icmp: p.Icmp as { Code?: unknown; Type?: unknown } | undefined,
          },
          origin,
        );
        const id = nextId('acle', r.logicalId);
        return { ref: id, attributes: { Id: id } };
      }
      case 'AWS::EC2::SubnetNetworkAclAssociation': {
        const id = cloud.associateNetworkAcl({ subnetId: str(p, 'SubnetId') ?? '', networkAclId: str(p, 'NetworkAclId') ?? '' });
        return { ref: id, attributes: { AssociationId: id } };
      }
      case 'AWS::EC2::VPCPeeringConnection': {
        if (p.PeerOwnerId !== undefined) {
          warn({ logicalId: r.logicalId, code: 'CrossAccountPeering', message: 'the peer account is treated as this one and the connection as accepted', path: ['PeerOwnerId'] });
        }
        const pcx = cloud.createPeering({ vpcId: str(p, 'VpcId') ?? '', peerVpcId: str(p, 'PeerVpcId') ?? '', peerRegion: str(p, 'PeerRegion') }, origin);
        return { ref: pcx.id, attributes: { Id: pcx.id } };
      }
      case 'AWS::EC2::NetworkInterface': {
        const e = cloud.createNetworkInterface(
          { subnetId: str(p, 'SubnetId') ?? '', groupSet: strList(p, 'GroupSet'), privateIpAddress: str(p, 'PrivateIpAddress'), sourceDestCheck: bool(p, 'SourceDestCheck') },
          origin,
        );
        return {
          ref: e.id,
          attributes: { Id: e.id, PrimaryPrivateIpAddress: formatIp(e.privateIp), SecondaryPrivateIpAddresses: [], VpcId: cloud.vpcOfSubnet(e.subnetId).id },
        };
      }
      case 'AWS::EC2::NetworkInterfaceAttachment': {
        cloud.attachNetworkInterface({ instanceId: str(p, 'InstanceId') ?? '', networkInterfaceId: str(p, 'NetworkInterfaceId') ?? '', deviceIndex: Number(p.DeviceIndex ?? 1) });
        const id = nextId('eni-attach', r.logicalId);
        return { ref: id, attributes: { AttachmentId: id } };
      }
      case 'AWS::EC2::Instance': {
        let nis: InstanceInterfaceSpec[] | undefined;
        if (p.NetworkInterfaces !== undefined) {
          if (!Array.isArray(p.NetworkInterfaces)) throw new CloudError('InvalidParameterValue', 'NetworkInterfaces must be a list', 'NetworkInterfaces');
          nis = p.NetworkInterfaces.map((raw, i) => {
            const n = (raw ?? {}) as Props;
            const base: (string | number)[] = ['NetworkInterfaces', i];
            return {
              deviceIndex: n.DeviceIndex as number | string | undefined,
              subnetId: n.SubnetId === undefined ? undefined : String(n.SubnetId),
              groupSet: Array.isArray(n.GroupSet) ? n.GroupSet.map(String) : undefined,
              privateIpAddress: n.PrivateIpAddress === undefined ? undefined : String(n.PrivateIpAddress),
              associatePublicIpAddress: n.AssociatePublicIpAddress === undefined ? undefined : n.AssociatePublicIpAddress === true || n.AssociatePublicIpAddress === 'true',
              networkInterfaceId: n.NetworkInterfaceId === undefined ? undefined : String(n.NetworkInterfaceId),
              fieldBase: base,
            };
          });
        }
        const inst = cloud.createInstance(
          region,
          {
            subnetId: str(p, 'SubnetId'),
            securityGroupIds: strList(p, 'SecurityGroupIds'),
            securityGroupNames: strList(p, 'SecurityGroups'),
            privateIpAddress: str(p, 'PrivateIpAddress'),
            availabilityZone: str(p, 'AvailabilityZone'),
            sourceDestCheck: bool(p, 'SourceDestCheck'),
            networkInterfaces: nis,
          },
          origin,
        );
        const eni = cloud.interfaces.get(inst.networkInterfaceIds[0])!;
        // A public address given later by an EIPAssociation is read from the interface at GetAtt time.
        return {
          ref: inst.id,
          attributes: {
            InstanceId: inst.id,
            AvailabilityZone: inst.availabilityZone,
            PrivateIp: formatIp(eni.privateIp),
            PrivateDnsName: privateDnsName(region, eni.privateIp),
            get PublicIp() {
              return eni.publicIp === undefined ? '' : formatIp(eni.publicIp);
            },
            get PublicDnsName() {
              return eni.publicIp === undefined ? '' : publicDnsName(region, eni.publicIp);
            },
            VpcId: cloud.vpcOfSubnet(inst.subnetId).id,
          },
        };
      }
      default: {
        const u = cloud.createUnmodelled(region, r.type, origin);
        return { ref: u.id, attributes: placeholderAttributes(r.logicalId) };
      }
    }
  };
  return create;
}
