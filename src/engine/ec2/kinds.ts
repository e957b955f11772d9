import { kind } from '../store.js';
import type { ElasticIp } from './elastic-ip.js';
import type { Instance } from './instance.js';
import type { InternetGateway } from './internet-gateway.js';
import type { NatGateway } from './nat-gateway.js';
import type { NetworkAcl } from './network-acl.js';
import type { NetworkInterface } from './network-interface.js';
import type { PeeringConnection } from './peering.js';
import type { RouteTable } from './route-table.js';
import type { SecurityGroup } from './security-group.js';
import type { Subnet } from './subnet.js';
import type { Vpc } from './vpc.js';

/** EC2's kinds of resource, with the NotFound code AWS gives for an id of each that does not exist. */
export const EC2 = {
  vpc: kind<Vpc>({ noun: 'the VPC', notFound: 'InvalidVpcID.NotFound', field: 'VpcId' }),
  subnet: kind<Subnet>({ noun: 'the subnet', notFound: 'InvalidSubnetID.NotFound', field: 'SubnetId' }),
  routeTable: kind<RouteTable>({ noun: 'the route table', notFound: 'InvalidRouteTableID.NotFound', field: 'RouteTableId' }),
  internetGateway: kind<InternetGateway>({ noun: 'the internet gateway', notFound: 'InvalidInternetGatewayID.NotFound', field: 'InternetGatewayId' }),
  natGateway: kind<NatGateway>({ noun: 'the NAT gateway', notFound: 'InvalidNatGatewayID.NotFound', field: 'NatGatewayId' }),
  elasticIp: kind<ElasticIp>({ noun: 'the elastic IP allocation', notFound: 'InvalidAllocationID.NotFound', field: 'AllocationId' }),
  securityGroup: kind<SecurityGroup>({ noun: 'the security group', notFound: 'InvalidGroup.NotFound', field: 'GroupId' }),
  networkAcl: kind<NetworkAcl>({ noun: 'the network ACL', notFound: 'InvalidNetworkAclID.NotFound', field: 'NetworkAclId' }),
  peering: kind<PeeringConnection>({ noun: 'the peering connection', notFound: 'InvalidVpcPeeringConnectionID.NotFound', field: 'VpcPeeringConnectionId' }),
  instance: kind<Instance>({ noun: 'the instance', notFound: 'InvalidInstanceID.NotFound', field: 'InstanceId' }),
  networkInterface: kind<NetworkInterface>({ noun: 'the network interface', notFound: 'InvalidNetworkInterfaceID.NotFound', field: 'NetworkInterfaceId' }),
} as const;

/** AWS's default quotas, the ones aws-semantics.md names. */
export const QUOTAS = {
  cidrBlocksPerVpc: 5,
  rulesPerSecurityGroupPerDirection: 60,
  securityGroupsPerInterface: 5,
  networkAclRulesPerDirection: 20,
  internetGatewaysPerVpc: 1,
} as const;
