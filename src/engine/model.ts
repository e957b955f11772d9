/**
 * The resource model of the virtual cloud, gathered from the service folders: every resource
 * has an AWS-style id and, when it came from a template, the logical id it had there. Each
 * type lives with its operations (ec2/<family>.ts); the questions live in reach/.
 */
export type { Named } from './store.js';
export type { Protocol } from './params.js';
export type { Vpc } from './ec2/vpc.js';
export type { Subnet } from './ec2/subnet.js';
export type { RouteTarget } from './ec2/route-targets.js';
export type { Route, RouteTable } from './ec2/route-table.js';
export type { InternetGateway } from './ec2/internet-gateway.js';
export type { NatGateway } from './ec2/nat-gateway.js';
export type { RegionalNatGateway } from './ec2/regional-nat-gateway.js';
export type { ElasticIp } from './ec2/elastic-ip.js';
export type { SecurityGroup, SecurityGroupRule } from './ec2/security-group.js';
export type { NetworkAcl, NetworkAclEntry } from './ec2/network-acl.js';
export type { PeeringConnection } from './ec2/peering.js';
export type { NetworkInterface } from './ec2/network-interface.js';
export type { Instance } from './ec2/instance.js';
export type { UnmodelledResource } from './unmodelled.js';
