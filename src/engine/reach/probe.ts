import type { Cloud } from '../cloud.js';
import { routesToInternetGateway } from '../ec2/route-table.js';
import { CloudError } from '../errors.js';
import type { Subnet } from '../model.js';
import { nearest } from '../suggest.js';
import { EndpointError } from './endpoints.js';

/**
 * Subnets as trace ends. `subnet:PrivateSubnetA` stands for a probe instance launched in that
 * subnet: the next free address, the security groups given (or, as RunInstances does with
 * none, the VPC's default group), and a public IPv4 address when the subnet maps one on
 * launch or routes to an internet gateway (a public subnet, where a server would be given
 * one). The probes live in a copy of the cloud; the topology itself is not changed.
 *
 * A topology without instances is summarised the same way: one probe per subnet, with a
 * security group that allows everything, so the answers come from routes and network ACLs
 * alone.
 */

export const SUBNET_END = 'subnet:';

export function isSubnetEnd(text: string): boolean {
  return text.trim().toLowerCase().startsWith(SUBNET_END);
}

export interface ProbeEnd {
  /** What was written: `subnet:X` for a probe, anything else for an ordinary end. */
  text: string;
  /** The probe's security groups (logical ids, ids or group names); only for a subnet end. */
  groups?: string[];
}

const label = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

/** The subnet a `subnet:` end names: its logical id, `region/LogicalId`, or its id. */
export function findSubnet(cloud: Cloud, text: string): Subnet {
  const name = text.trim().slice(SUBNET_END.length).trim();
  const [region, logical] = name.includes('/') ? name.split('/', 2) : [undefined, name];
  const found = [...cloud.subnets.values()].filter((s) => (s.logicalId === logical || s.id === logical) && (!region || s.region === region));
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new EndpointError(`"${text}" names subnets in several regions (${found.map((s) => s.region).join(', ')}); write subnet:region/${logical}`);
  }
  const names = [...cloud.subnets.values()].map(label);
  if (names.length === 0) throw new EndpointError(`"${text}": the topology has no subnets`);
  const guess = nearest(logical, names);
  throw new EndpointError(`"${text}" names no subnet.${guess ? ` Did you mean subnet:${guess}?` : ''} Subnets: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}.`);
}

/** A security group for a probe: by logical id, id or group name, in the subnet's VPC. */
function findGroup(cloud: Cloud, subnet: Subnet, name: string): string {
  const inVpc = [...cloud.securityGroups.values()].filter((g) => g.vpcId === subnet.vpcId);
  const g = inVpc.find((x) => x.logicalId === name || x.id === name) ?? inVpc.find((x) => x.name === name);
  if (g) return g.id;
  const elsewhere = [...cloud.securityGroups.values()].find((x) => x.logicalId === name || x.id === name);
  if (elsewhere) {
    throw new EndpointError(`security group ${name} is in ${elsewhere.vpcId}, not in the VPC of subnet ${label(subnet)} (${subnet.vpcId}); an instance's groups belong to its VPC`);
  }
  const guess = nearest(name, inVpc.map(label));
  throw new EndpointError(`"${name}" is not a security group of the VPC of subnet ${label(subnet)}.${guess ? ` Did you mean ${guess}?` : ''} Its groups: ${inVpc.map(label).join(', ')}.`);
}

/** Would a server launched in the subnet be given a public address (see above)? */
function probeIsPublic(cloud: Cloud, subnet: Subnet): boolean {
  if (subnet.mapPublicIpOnLaunch) return true;
  return routesToInternetGateway(cloud, subnet.id);
}

function launchProbe(cloud: Cloud, subnet: Subnet, groups: string[], logicalId: string): string {
  try {
    return cloud.createInstance(
      subnet.region,
      { networkInterfaces: [{ deviceIndex: 0, subnetId: subnet.id, groupSet: groups, associatePublicIpAddress: probeIsPublic(cloud, subnet), fieldBase: [] }] },
      { logicalId },
    ).id;
  } catch (e) {
    if (e instanceof CloudError) throw new EndpointError(`no probe instance fits in subnet ${label(subnet)}: ${e.message}`);
    throw e;
  }
}

/**
 * Places a probe instance for every `subnet:` end, in a copy of the cloud. Returns the cloud to
 * ask and, for each end, what to resolve: the probe's instance id, or the end unchanged.
 */
export function placeProbes(cloud: Cloud, ends: ProbeEnd[]): { cloud: Cloud; ends: string[]; probes: boolean } {
  for (const e of ends) {
    if (e.groups?.length && !isSubnetEnd(e.text)) {
      throw new EndpointError(`security groups are given only for a subnet end (subnet:${[...cloud.subnets.values()].map(label)[0] ?? 'Name'}); ${e.text} has its own`);
    }
  }
  if (!ends.some((e) => isSubnetEnd(e.text))) return { cloud, ends: ends.map((e) => e.text), probes: false };
  const copy = cloud.extendable();
  const used = new Set<string>();
  const out = ends.map((e) => {
    if (!isSubnetEnd(e.text)) return e.text;
    const subnet = findSubnet(copy, e.text);
    const groups = (e.groups ?? []).map((g) => findGroup(copy, subnet, g));
    let name = e.text.trim();
    while (used.has(name)) name = `${name}'`;
    used.add(name);
    return launchProbe(copy, subnet, groups, name);
  });
  return { cloud: copy, ends: out, probes: true };
}

/** One probe per subnet, each with a group that allows everything: for topologies with no instances. */
export function probeEverySubnet(cloud: Cloud): { cloud: Cloud; subnets: number } {
  const copy = cloud.extendable();
  const open = new Map<string, string>();
  const subnets = [...copy.subnets.values()].sort((a, b) => label(a).localeCompare(label(b)));
  const count = (name: string): number => subnets.filter((s) => label(s) === name).length;
  const regionsOf = (name: string): number => new Set(subnets.filter((s) => label(s) === name).map((s) => s.region)).size;
  for (const s of subnets) {
    let group = open.get(s.vpcId);
    if (!group) {
      const vpc = copy.vpc(s.vpcId);
      group = copy.createSecurityGroup({ vpcId: vpc.id, groupName: 'cloudlab-probe', description: 'allows everything: answers from routes and network ACLs alone' }, { logicalId: `${label(vpc)}.ProbeGroup` }).id;
      copy.addSecurityGroupRule(group, 'ingress', { ipProtocol: '-1', cidrIp: '0.0.0.0/0' });
      open.set(s.vpcId, group);
    }
    // The name a student would write: the logical id, with the region or the id when it is not unique.
    const name = count(label(s)) === 1 ? label(s) : regionsOf(label(s)) === count(label(s)) ? `${s.region}/${label(s)}` : s.id;
    launchProbe(copy, s, [group], `${SUBNET_END}${name}`);
  }
  return { cloud: copy, subnets: subnets.length };
}
