import { formatCidr, formatIp } from '../../engine/address.js';
import type { Cloud } from '../../engine/cloud.js';
import { describeRule } from '../../engine/cloud.js';
import { ROUTE_TARGETS } from '../../engine/ec2/route-targets.js';
import { formatIpv6Cidr } from '../../engine/ipv6-address.js';
import type { RouteTarget } from '../../engine/model.js';
import { aclEntryLines, egressOnlyGateways, extraRoutes } from './ipv6-view.js';
import { type ServicesView, servicesView } from './services.js';
import { backupView, type BackupRegionView, distributionsView, type DistributionView } from './edge-backup.js';

/**
 * A plain view of the topology for diagrams and JSON: VPCs with their subnets (zone, block,
 * public or private, route table, network ACL), instances with groups and addresses,
 * gateways and peerings. Every name is the logical id when there is one.
 */
export interface TopologyView {
  regions: RegionView[];
  peerings: { id: string; name: string; from: string; to: string }[];
  /** CloudFront distributions (global) and AWS Backup per region (edge-backup.ts). */
  distributions: DistributionView[];
  backup: BackupRegionView[];
}

export interface RegionView extends ServicesView {
  region: string;
  vpcs: VpcView[];
}

export interface VpcView {
  id: string;
  name: string;
  cidrs: string[];
  /** IPv6 blocks, when the VPC has any (kept, not traced yet). */
  ipv6Cidrs?: string[];
  egressOnlyInternetGateways?: { id: string; name: string }[];
  internetGateway?: { id: string; name: string };
  natGateways: { id: string; name: string; subnet: string; publicIp?: string; privateIp: string }[];
  subnets: SubnetView[];
  routeTables: { id: string; name: string; main: boolean; routes: { destination: string; target: string; blackhole: boolean }[] }[];
  securityGroups: { id: string; name: string; inbound: string[]; outbound: string[] }[];
  networkAcls: { id: string; name: string; isDefault: boolean; inbound: string[]; outbound: string[] }[];
}

export interface SubnetView {
  id: string;
  name: string;
  zone: string;
  cidr: string;
  ipv6Cidr?: string;
  public: boolean;
  routeTable: string;
  networkAcl: string;
  /** Where 0.0.0.0/0 goes from here: internet gateway, NAT gateway, … or nothing. */
  defaultRoute?: string;
  /** An instance's interfaces in this subnet: the primary by the instance's id and name, another by its interface id, the instance and its device index. */
  instances: { id: string; name: string; instanceId?: string; deviceIndex?: number; privateIp: string; publicIp?: string; groups: string[] }[];
}

const nameOf = (r: { id: string; logicalId?: string } | undefined, fallback = '?'): string => (r ? r.logicalId ?? r.id : fallback);

export function targetName(cloud: Cloud, t: RouteTarget): string {
  if (t.kind === 'local') return 'local';
  return nameOf(ROUTE_TARGETS[t.kind].find(cloud, t.id), t.id);
}

export function topologyView(cloud: Cloud): TopologyView {
  const regions = new Map<string, RegionView>();
  const groupName = (id: string): string => nameOf(cloud.securityGroups.get(id), id);
  const namedPeers = (text: string): string =>
    text.replace(/group (sg-[0-9a-f]+)/, (_m, id: string) => `group ${groupName(id)}`).replace(/prefix list (pl-[0-9a-f]+)/, (_m, id: string) => `prefix list ${nameOf(cloud.prefixLists.get(id), id)}`);
  for (const vpc of cloud.vpcs.values()) {
    let region = regions.get(vpc.region);
    if (!region) regions.set(vpc.region, (region = { region: vpc.region, vpcs: [], ...servicesView(cloud, vpc.region) }));
    const igw = cloud.attachedGateway(vpc.id);
    const subnets: SubnetView[] = [];
    for (const s of cloud.subnets.values()) {
      if (s.vpcId !== vpc.id) continue;
      const table = cloud.routeTableOf(s.id);
      const def = table.routes.find((r) => r.destination.prefix === 0);
      const isPublic = table.routes.some((r) => r.target.kind === 'internet-gateway' && cloud.internetGateways.get(r.target.id)?.attachedVpcId === vpc.id);
      subnets.push({
        id: s.id,
        name: nameOf(s),
        zone: s.availabilityZone,
        cidr: formatCidr(s.cidr),
        ...(s.ipv6Cidr ? { ipv6Cidr: formatIpv6Cidr(s.ipv6Cidr) } : {}),
        public: isPublic,
        routeTable: nameOf(table),
        networkAcl: nameOf(cloud.networkAclOf(s.id)),
        defaultRoute: def ? `${targetName(cloud, def.target)}${cloud.isBlackhole(def.target) ? ' (blackhole)' : ''}` : undefined,
        // Each instance under the subnet of each of its interfaces: a second interface in another subnet shows there, as `App (eth1)`.
        instances: [...cloud.instances.values()].flatMap((i) =>
          i.networkInterfaceIds
            .map((e) => cloud.interfaces.get(e)!)
            .filter((eni) => eni.subnetId === s.id)
            .map((eni) => {
              const device = eni.owner.kind === 'instance' ? eni.owner.deviceIndex : 0;
              return {
                id: device === 0 ? i.id : eni.id,
                name: device === 0 ? nameOf(i) : `${nameOf(i)} (eth${device})`,
                ...(device === 0 ? {} : { instanceId: i.id, deviceIndex: device }),
                privateIp: formatIp(eni.privateIp),
                publicIp: eni.publicIp === undefined ? undefined : formatIp(eni.publicIp),
                groups: eni.securityGroupIds.map(groupName),
              };
            }),
        ),
      });
    }
    subnets.sort((a, b) => a.cidr.localeCompare(b.cidr, 'en', { numeric: true }));
    region.vpcs.push({
      id: vpc.id,
      name: nameOf(vpc),
      cidrs: vpc.cidrs.map(formatCidr),
      ...(vpc.ipv6Cidrs?.length ? { ipv6Cidrs: vpc.ipv6Cidrs.map(formatIpv6Cidr) } : {}),
      ...(egressOnlyGateways(cloud, vpc.id).length ? { egressOnlyInternetGateways: egressOnlyGateways(cloud, vpc.id) } : {}),
      internetGateway: igw ? { id: igw.id, name: nameOf(igw) } : undefined,
      natGateways: [...cloud.natGateways.values()]
        .filter((n) => cloud.subnets.get(n.subnetId)?.vpcId === vpc.id)
        .map((n) => {
          const eni = cloud.interfaces.get(n.networkInterfaceId)!;
          return { id: n.id, name: nameOf(n), subnet: nameOf(cloud.subnets.get(n.subnetId)), publicIp: eni.publicIp === undefined ? undefined : formatIp(eni.publicIp), privateIp: formatIp(eni.privateIp) };
        }),
      subnets,
      routeTables: [...cloud.routeTables.values()]
        .filter((t) => t.vpcId === vpc.id)
        .map((t) => ({
          id: t.id,
          name: nameOf(t),
          main: t.main,
          routes: [...t.routes]
            .sort((a, b) => b.destination.prefix - a.destination.prefix)
            .map((r) => ({ destination: formatCidr(r.destination), target: targetName(cloud, r.target), blackhole: cloud.isBlackhole(r.target) }))
            .concat(extraRoutes(cloud, t)),
        })),
      securityGroups: [...cloud.securityGroups.values()]
        .filter((g) => g.vpcId === vpc.id)
        .map((g) => ({
          id: g.id,
          name: nameOf(g),
          inbound: g.ingress.map((r) => namedPeers(describeRule(r, 'ingress'))),
          outbound: g.egress.map((r) => namedPeers(describeRule(r, 'egress'))),
        })),
      networkAcls: [...cloud.networkAcls.values()]
        .filter((a) => a.vpcId === vpc.id)
        .map((a) => {
          const text = (egress: boolean): string[] =>
            [...aclEntryLines(a, egress), '* deny all'];
          return { id: a.id, name: nameOf(a), isDefault: a.isDefault, inbound: text(false), outbound: text(true) };
        }),
    });
  }
  return {
    regions: [...regions.values()],
    peerings: [...cloud.peerings.values()].map((p) => ({ id: p.id, name: nameOf(p), from: nameOf(cloud.vpcs.get(p.requesterVpcId)), to: nameOf(cloud.vpcs.get(p.accepterVpcId)) })),
    distributions: distributionsView(cloud),
    backup: backupView(cloud),
  };
}
