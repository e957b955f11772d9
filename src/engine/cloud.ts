import type { Cidr } from './address.js';
import type { CloudError } from './errors.js';
import type { Ipv6Cidr } from './ipv6-address.js';
import { type ElasticIp, allocateElasticIp, associateElasticIp, type AssociateAddressSpec } from './ec2/elastic-ip.js';
import { createInstance, type Instance, type InstanceSpec } from './ec2/instance.js';
import { attachedGateway, attachInternetGateway, createInternetGateway, detachInternetGateway, type InternetGateway } from './ec2/internet-gateway.js';
import { EC2 } from './ec2/kinds.js';
import { type AnyNatGatewaySpec, createAnyNatGateway, createNatGateway, type NatGateway, type NatGatewaySpec } from './ec2/nat-gateway.js';
import type { RegionalNatGateway } from './ec2/regional-nat-gateway.js';
import { createEgressOnlyInternetGateway, EGRESS_ONLY_IGW, type EgressOnlyInternetGateway } from './ec2/egress-only-internet-gateway.js';
import { associateSubnetIpv6Block, associateVpcIpv6Block, type Ipv6Block, type Ipv6VpcBlockSpec } from './ec2/ipv6.js';
import { createIpv6Route, createPrefixListRoute, type Ipv6Route, type Ipv6RouteSpec } from './ec2/ipv6-route.js';
import { addNetworkAclEntry, associateNetworkAcl, createNetworkAcl, type Ipv6NetworkAclEntry, type NetworkAcl, type NetworkAclEntry, type NetworkAclEntrySpec, networkAclOf } from './ec2/network-acl.js';
import { createManagedPrefixList, PREFIX_LIST, type PrefixList, type PrefixListRoute, type PrefixListSpec } from './ec2/prefix-list.js';
import { attachNetworkInterface, createNetworkInterface, type NetworkInterface } from './ec2/network-interface.js';
import { createPeering, peered, type PeeringConnection } from './ec2/peering.js';
import { deleteResource } from './ec2/removal.js';
import { associateRouteTable, createRoute, createRouteTable, type Route, type RouteSpec, type RouteTable, routeTableOf } from './ec2/route-table.js';
import { isBlackhole, type RouteTarget } from './ec2/route-targets.js';
import { addSecurityGroupRule, clearEgress, createSecurityGroup, type RuleSpec, type SecurityGroup, type SecurityGroupRule } from './ec2/security-group.js';
import { createSubnet, type Subnet, type SubnetSpec } from './ec2/subnet.js';
import { checkTopology } from './ec2/topology-checks.js';
import { associateVpcCidrBlock, createVpc, type Vpc } from './ec2/vpc.js';
import { checkLoadBalancers } from './elbv2/topology-checks.js';
import { runFinishSteps } from './finish-steps.js';
import { type Field, type Origin, Store } from './store.js';
import { createUnmodelled, UNMODELLED, type UnmodelledResource } from './unmodelled.js';

export { QUOTAS } from './ec2/kinds.js';
export { requireBlock, parseProtocol } from './params.js';
export { describeProtocolPorts, describeRule, type RuleSpec } from './ec2/security-group.js';
export type { InstanceInterfaceSpec, InstanceSpec } from './ec2/instance.js';
export type { Origin } from './store.js';

/**
 * The virtual cloud: the store (store.ts) with EC2's maps by name, the lookups the questions
 * use, and EC2's operations. Each operation lives with its resource family in ec2/ and holds
 * every AWS rule of that request; the methods here only hand the store to it. Deterministic:
 * ids come from the seed and each resource's name.
 */
export class Cloud extends Store {
  readonly vpcs = this.table(EC2.vpc);
  readonly subnets = this.table(EC2.subnet);
  readonly routeTables = this.table(EC2.routeTable);
  readonly internetGateways = this.table(EC2.internetGateway);
  readonly natGateways = this.table(EC2.natGateway);
  readonly elasticIps = this.table(EC2.elasticIp);
  readonly securityGroups = this.table(EC2.securityGroup);
  readonly networkAcls = this.table(EC2.networkAcl);
  readonly peerings = this.table(EC2.peering);
  readonly instances = this.table(EC2.instance);
  readonly interfaces = this.table(EC2.networkInterface);
  readonly egressOnlyInternetGateways = this.table(EGRESS_ONLY_IGW);
  readonly prefixLists = this.table(PREFIX_LIST);
  readonly unmodelled = this.table(UNMODELLED);
  /** Explicit subnet → route table associations (others use their VPC's main table). */
  readonly subnetRouteTable = new Map<string, string>();
  /** Explicit subnet → network ACL associations (others use their VPC's default ACL). */
  readonly subnetNetworkAcl = new Map<string, string>();
  /** Where each rule naming a group was given (its parameter path), for the topology checks' messages. */
  readonly ruleFields = new WeakMap<SecurityGroupRule, Field>();
  /** The last public address drawn in each region, and the next free private address of each subnet. */
  readonly publicPool = new Map<string, number>();
  readonly nextPrivate = new Map<string, number>();

  // ---------------------------------------------------------------- lookups

  vpc(id: string, field: Field = 'VpcId'): Vpc {
    return this.get(EC2.vpc, id, field);
  }
  subnet(id: string, field: Field = 'SubnetId'): Subnet {
    return this.get(EC2.subnet, id, field);
  }
  routeTable(id: string, field: Field = 'RouteTableId'): RouteTable {
    return this.get(EC2.routeTable, id, field);
  }
  securityGroup(id: string, field: Field = 'GroupId'): SecurityGroup {
    return this.get(EC2.securityGroup, id, field);
  }
  networkAcl(id: string, field: Field = 'NetworkAclId'): NetworkAcl {
    return this.get(EC2.networkAcl, id, field);
  }
  /** The route table a subnet uses: its explicit association, else its VPC's main table. */
  routeTableOf(subnetId: string): RouteTable {
    return routeTableOf(this, subnetId);
  }
  /** The network ACL a subnet uses: its explicit association, else its VPC's default ACL. */
  networkAclOf(subnetId: string): NetworkAcl {
    return networkAclOf(this, subnetId);
  }
  vpcOfSubnet(subnetId: string): Vpc {
    return this.vpc(this.subnet(subnetId).vpcId);
  }
  instanceVpc(inst: Instance): Vpc {
    return this.vpcOfSubnet(inst.subnetId);
  }
  attachedGateway(vpcId: string): InternetGateway | undefined {
    return attachedGateway(this, vpcId);
  }
  interfaceByPrivateIp(vpcId: string, ip: number): NetworkInterface | undefined {
    for (const e of this.interfaces.values()) {
      if (e.privateIp === ip && this.subnets.get(e.subnetId)?.vpcId === vpcId) return e;
    }
    return undefined;
  }
  interfaceByPublicIp(ip: number): NetworkInterface | undefined {
    for (const e of this.interfaces.values()) if (e.publicIp === ip) return e;
    return undefined;
  }
  /** Every address any resource of the cloud owns publicly (auto-assigned and elastic). */
  publicAddresses(): number[] {
    const out = new Set<number>();
    for (const e of this.interfaces.values()) if (e.publicIp !== undefined) out.add(e.publicIp);
    for (const a of this.elasticIps.values()) out.add(a.publicIp);
    return [...out];
  }
  /** True when an active peering connects the two VPCs (same region only, when asked). */
  peered(a: string, b: string, sameRegionOnly = false): boolean {
    return peered(this, a, b, sameRegionOnly);
  }
  /** True when a route's target no longer exists (a blackhole). */
  isBlackhole(target: RouteTarget): boolean {
    return isBlackhole(this, target);
  }

  // ---------------------------------------------------------------- EC2 operations (ec2/*.ts)

  createVpc(region: string, spec: { cidrBlock: unknown; ipv4IpamPoolId?: unknown }, origin?: Origin): Vpc {
    return createVpc(this, region, spec, origin);
  }
  associateVpcCidrBlock(spec: { vpcId: string; cidrBlock: unknown }): Cidr {
    return associateVpcCidrBlock(this, spec);
  }
  /** AssociateVpcCidrBlock for IPv6 (ec2/ipv6.ts). */
  associateVpcIpv6Block(spec: Ipv6VpcBlockSpec): Ipv6Block {
    return associateVpcIpv6Block(this, spec);
  }
  /** AssociateSubnetCidrBlock (ec2/ipv6.ts). */
  associateSubnetIpv6Block(spec: { subnetId: string; ipv6CidrBlock?: unknown; ipv6IpamPoolId?: unknown }): Ipv6Cidr {
    return associateSubnetIpv6Block(this, spec);
  }
  createSubnet(spec: SubnetSpec, origin?: Origin): Subnet {
    return createSubnet(this, spec, origin);
  }
  createRouteTable(spec: { vpcId: string }, origin?: Origin, main = false): RouteTable {
    return createRouteTable(this, spec, origin, main);
  }
  createRoute(spec: RouteSpec, origin?: Origin): Route {
    return createRoute(this, spec, origin);
  }
  /** CreateRoute with DestinationIpv6CidrBlock (ec2/ipv6-route.ts). */
  createIpv6Route(spec: Ipv6RouteSpec, origin?: Origin): Ipv6Route {
    return createIpv6Route(this, spec, origin);
  }
  /** CreateRoute with DestinationPrefixListId (ec2/ipv6-route.ts). */
  createPrefixListRoute(spec: RouteSpec & { destinationPrefixListId: string }, origin?: Origin): PrefixListRoute {
    return createPrefixListRoute(this, spec, origin);
  }
  associateRouteTable(spec: { subnetId: string; routeTableId: string }): string {
    return associateRouteTable(this, spec);
  }
  createInternetGateway(region: string, origin?: Origin): InternetGateway {
    return createInternetGateway(this, region, origin);
  }
  attachInternetGateway(spec: { vpcId: string; internetGatewayId: string }): void {
    attachInternetGateway(this, spec);
  }
  detachInternetGateway(id: string): void {
    detachInternetGateway(this, id);
  }
  createEgressOnlyInternetGateway(spec: { vpcId: string }, origin?: Origin): EgressOnlyInternetGateway {
    return createEgressOnlyInternetGateway(this, spec, origin);
  }
  createManagedPrefixList(region: string, spec: PrefixListSpec, origin?: Origin): PrefixList {
    return createManagedPrefixList(this, region, spec, origin);
  }
  allocateElasticIp(region: string, origin?: Origin, spec?: { domain?: string }): ElasticIp {
    return allocateElasticIp(this, region, origin, spec);
  }
  associateElasticIp(spec: AssociateAddressSpec): void {
    associateElasticIp(this, spec);
  }
  createNatGateway(spec: NatGatewaySpec, origin?: Origin): NatGateway {
    return createNatGateway(this, spec, origin);
  }
  /** CreateNatGateway with its AvailabilityMode: zonal in a subnet, or regional on a VPC. */
  createAnyNatGateway(spec: AnyNatGatewaySpec, origin?: Origin): NatGateway | RegionalNatGateway {
    return createAnyNatGateway(this, spec, origin);
  }
  createSecurityGroup(spec: { vpcId?: string; groupName?: string; description?: string; region?: string }, origin?: Origin, isDefault = false): SecurityGroup {
    return createSecurityGroup(this, spec, origin, isDefault);
  }
  clearEgress(groupId: string): void {
    clearEgress(this, groupId);
  }
  addSecurityGroupRule(
    groupId: string | undefined,
    direction: 'ingress' | 'egress',
    spec: RuleSpec,
    origin?: Origin,
    target?: { groupName?: string; region?: string },
    opts?: { ignoreRepeat?: boolean },
  ): SecurityGroupRule {
    return addSecurityGroupRule(this, groupId, direction, spec, origin, target, opts);
  }
  createNetworkAcl(spec: { vpcId: string }, origin?: Origin, isDefault = false): NetworkAcl {
    return createNetworkAcl(this, spec, origin, isDefault);
  }
  addNetworkAclEntry(spec: NetworkAclEntrySpec, origin?: Origin): NetworkAclEntry | Ipv6NetworkAclEntry {
    return addNetworkAclEntry(this, spec, origin);
  }
  associateNetworkAcl(spec: { subnetId: string; networkAclId: string }): string {
    return associateNetworkAcl(this, spec);
  }
  createPeering(spec: { vpcId: string; peerVpcId: string; peerRegion?: string }, origin?: Origin): PeeringConnection {
    return createPeering(this, spec, origin);
  }
  createNetworkInterface(spec: { subnetId: string; groupSet?: string[]; privateIpAddress?: string; sourceDestCheck?: boolean }, origin?: Origin): NetworkInterface {
    return createNetworkInterface(this, spec, origin);
  }
  attachNetworkInterface(spec: { instanceId: string; networkInterfaceId: string; deviceIndex: number }): void {
    attachNetworkInterface(this, spec);
  }
  createInstance(region: string, spec: InstanceSpec, origin?: Origin): Instance {
    return createInstance(this, region, spec, origin);
  }
  createUnmodelled(region: string, type: string, origin?: Origin): UnmodelledResource {
    return createUnmodelled(this, region, type, origin);
  }
  /** Deletes a NAT gateway, internet gateway, peering connection or instance; routes to it become blackholes. */
  deleteResource(id: string): boolean {
    return deleteResource(this, id);
  }

  /** The checks that need the whole topology (ec2/ and elbv2/topology-checks.ts, then the services' finish steps), once everything is created. */
  finish(): CloudError[] {
    return [...checkTopology(this), ...checkLoadBalancers(this), ...runFinishSteps(this)];
  }
}
