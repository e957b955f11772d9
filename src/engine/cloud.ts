import {
  AWS_MAX_PREFIX,
  AWS_MIN_PREFIX,
  type Cidr,
  awsReservedAddresses,
  cidrContains,
  cidrContainsIp,
  cidrOverlaps,
  formatCidr,
  formatIp,
  lastAddress,
  parseCidr,
  parseIp,
  PRIVATE_RANGES,
} from './address.js';
import { CloudError } from './errors.js';
import { IdMaker } from './ids.js';
import type {
  ElasticIp,
  Instance,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  NetworkInterface,
  PeeringConnection,
  Protocol,
  Route,
  RouteTable,
  RouteTarget,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  UnmodelledResource,
  Vpc,
} from './model.js';
import { availabilityZones, hasZone } from './regions.js';

/** AWS's default quotas, the ones aws-semantics.md names. */
export const QUOTAS = {
  cidrBlocksPerVpc: 5,
  rulesPerSecurityGroupPerDirection: 60,
  securityGroupsPerInterface: 5,
  networkAclRulesPerDirection: 20,
  internetGatewaysPerVpc: 1,
} as const;

export interface Origin {
  logicalId?: string;
  tags?: Record<string, string>;
}

/** Parses a block for a request, refusing host bits the way AWS does (and saying which network was meant). */
export function requireBlock(text: unknown, field: string, what: string): Cidr {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CloudError('MissingParameter', `${what} needs a CIDR block such as 10.0.0.0/16`, field);
  }
  let c: Cidr;
  try {
    c = parseCidr(text);
  } catch (e) {
    throw new CloudError('InvalidParameterValue', (e as Error).message, field);
  }
  if (c.hostBitsSet) {
    throw new CloudError(
      'InvalidParameterValue',
      `${text} has host bits set: it names the network ${formatCidr(c)}; AWS refuses blocks written this way — write ${formatCidr(c)}`,
      field,
    );
  }
  return c;
}

function prefixRangeCheck(c: Cidr, code: string, what: string, field: string): void {
  if (c.prefix < AWS_MIN_PREFIX || c.prefix > AWS_MAX_PREFIX) {
    throw new CloudError(
      code,
      `${what} ${formatCidr(c)} is a /${c.prefix}; AWS allows blocks from /16 (65,536 addresses) to /28 (16 addresses)`,
      field,
    );
  }
}

/** Which of the private ranges (or none) a block falls in; secondary blocks must agree. */
function rangeFamily(c: Cidr): string {
  for (const r of PRIVATE_RANGES) if (cidrContains(r, c)) return formatCidr(r);
  if (cidrContains(parseCidr('198.19.0.0/16'), c)) return '198.19.0.0/16';
  return 'public';
}

/**
 * The state of the virtual cloud: every resource by id, and the functions that create them
 * with AWS's validation. Deterministic: ids come from the seed and each resource's name.
 */
export class Cloud {
  readonly vpcs = new Map<string, Vpc>();
  readonly subnets = new Map<string, Subnet>();
  readonly routeTables = new Map<string, RouteTable>();
  readonly internetGateways = new Map<string, InternetGateway>();
  readonly natGateways = new Map<string, NatGateway>();
  readonly elasticIps = new Map<string, ElasticIp>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly networkAcls = new Map<string, NetworkAcl>();
  readonly peerings = new Map<string, PeeringConnection>();
  readonly instances = new Map<string, Instance>();
  readonly interfaces = new Map<string, NetworkInterface>();
  readonly unmodelled = new Map<string, UnmodelledResource>();
  /** Explicit subnet → route table associations (others use their VPC's main table). */
  readonly subnetRouteTable = new Map<string, string>();
  /** Explicit subnet → network ACL associations (others use their VPC's default ACL). */
  readonly subnetNetworkAcl = new Map<string, string>();

  private readonly ids: IdMaker;
  private readonly publicPool = new Map<string, number>();
  private readonly nextPrivate = new Map<string, number>();

  constructor(readonly seed = 'cloudlab') {
    this.ids = new IdMaker(seed);
  }

  private newId(prefix: string, region: string, origin: Origin | undefined, kind: string): string {
    const name = origin?.logicalId ? `${region}/${origin.logicalId}` : `${region}/${kind}/${this.anonymous++}`;
    return this.ids.make(prefix, name);
  }
  /** Resources created without a logical id (through the API) are named by creation order. */
  private anonymous = 0;

  // ---------------------------------------------------------------- lookups

  vpc(id: string, field: string | (string | number)[] = "VpcId"): Vpc {
    const v = this.vpcs.get(id);
    if (!v) throw new CloudError('InvalidVpcID.NotFound', `the VPC "${id}" does not exist`, field);
    return v;
  }

  subnet(id: string, field: string | (string | number)[] = "SubnetId"): Subnet {
    const s = this.subnets.get(id);
    if (!s) throw new CloudError('InvalidSubnetID.NotFound', `the subnet "${id}" does not exist`, field);
    return s;
  }

  routeTable(id: string, field = 'RouteTableId'): RouteTable {
    const t = this.routeTables.get(id);
    if (!t) throw new CloudError('InvalidRouteTableID.NotFound', `the route table "${id}" does not exist`, field);
    return t;
  }

  securityGroup(id: string, field = 'GroupId'): SecurityGroup {
    const g = this.securityGroups.get(id);
    if (!g) throw new CloudError('InvalidGroup.NotFound', `the security group "${id}" does not exist`, field);
    return g;
  }

  networkAcl(id: string, field = 'NetworkAclId'): NetworkAcl {
    const a = this.networkAcls.get(id);
    if (!a) throw new CloudError('InvalidNetworkAclID.NotFound', `the network ACL "${id}" does not exist`, field);
    return a;
  }

  /** The route table a subnet uses: its explicit association, else its VPC's main table. */
  routeTableOf(subnetId: string): RouteTable {
    const explicit = this.subnetRouteTable.get(subnetId);
    if (explicit && this.routeTables.has(explicit)) return this.routeTables.get(explicit)!;
    const vpc = this.vpc(this.subnet(subnetId).vpcId);
    return this.routeTables.get(vpc.mainRouteTableId)!;
  }

  /** The network ACL a subnet uses: its explicit association, else its VPC's default ACL. */
  networkAclOf(subnetId: string): NetworkAcl {
    const explicit = this.subnetNetworkAcl.get(subnetId);
    if (explicit && this.networkAcls.has(explicit)) return this.networkAcls.get(explicit)!;
    const vpc = this.vpc(this.subnet(subnetId).vpcId);
    return this.networkAcls.get(vpc.defaultNetworkAclId)!;
  }

  vpcOfSubnet(subnetId: string): Vpc {
    return this.vpc(this.subnet(subnetId).vpcId);
  }

  attachedGateway(vpcId: string): InternetGateway | undefined {
    for (const g of this.internetGateways.values()) if (g.attachedVpcId === vpcId) return g;
    return undefined;
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

  // ---------------------------------------------------------------- VPC

  createVpc(region: string, spec: { cidrBlock: unknown }, origin?: Origin): Vpc {
    const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a VPC');
    prefixRangeCheck(cidr, 'InvalidVpc.Range', 'the VPC block', 'CidrBlock');
    const id = this.newId('vpc', region, origin, 'vpc');
    const vpc: Vpc = {
      id,
      logicalId: origin?.logicalId,
      region,
      tags: { ...(origin?.tags ?? {}) },
      cidrs: [cidr],
      mainRouteTableId: '',
      defaultNetworkAclId: '',
      defaultSecurityGroupId: '',
    };
    this.vpcs.set(id, vpc);
    const rtb = this.createRouteTable({ vpcId: id }, { logicalId: origin?.logicalId ? `${origin.logicalId}.MainRouteTable` : undefined }, true);
    vpc.mainRouteTableId = rtb.id;
    const acl = this.createNetworkAcl({ vpcId: id }, { logicalId: origin?.logicalId ? `${origin.logicalId}.DefaultNetworkAcl` : undefined }, true);
    vpc.defaultNetworkAclId = acl.id;
    const sg = this.createSecurityGroup(
      { vpcId: id, groupName: 'default', description: 'default VPC security group' },
      { logicalId: origin?.logicalId ? `${origin.logicalId}.DefaultSecurityGroup` : undefined },
      true,
    );
    vpc.defaultSecurityGroupId = sg.id;
    return vpc;
  }

  /** AWS::EC2::VPCCidrBlock: a secondary block, with AWS's association restrictions. */
  associateVpcCidrBlock(spec: { vpcId: string; cidrBlock: unknown }): Cidr {
    const vpc = this.vpc(spec.vpcId);
    const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a secondary VPC block');
    prefixRangeCheck(cidr, 'InvalidVpc.Range', 'the secondary block', 'CidrBlock');
    if (vpc.cidrs.length >= QUOTAS.cidrBlocksPerVpc) {
      throw new CloudError(
        'CidrLimitExceeded',
        `${vpc.id} already has ${vpc.cidrs.length} IPv4 blocks; the default quota is ${QUOTAS.cidrBlocksPerVpc} per VPC`,
        'CidrBlock',
      );
    }
    for (const existing of vpc.cidrs) {
      if (cidrOverlaps(existing, cidr)) {
        throw new CloudError(
          'CidrConflict',
          `${formatCidr(cidr)} overlaps ${formatCidr(existing)}, a block ${vpc.id} already has; a VPC's blocks must not overlap`,
          'CidrBlock',
        );
      }
    }
    const primary = rangeFamily(vpc.cidrs[0]);
    const added = rangeFamily(cidr);
    const rfc1918 = PRIVATE_RANGES.map(formatCidr);
    const restricted =
      (rfc1918.includes(primary) && rfc1918.includes(added) && primary !== added) ||
      (rfc1918.includes(primary) && added === '198.19.0.0/16') ||
      (!rfc1918.includes(primary) && rfc1918.includes(added));
    if (restricted) {
      throw new CloudError(
        'InvalidVpc.Range',
        `${formatCidr(cidr)} (in ${added === 'public' ? 'a public range' : added}) cannot be added to a VPC whose primary block ${formatCidr(vpc.cidrs[0])} is in ${primary === 'public' ? 'a public range' : primary}; AWS restricts secondary blocks to the primary block's range`,
        'CidrBlock',
      );
    }
    vpc.cidrs.push(cidr);
    for (const t of this.routeTables.values()) {
      if (t.vpcId === vpc.id) t.routes.push({ destination: cidr, target: { kind: 'local' } });
    }
    return cidr;
  }

  // ---------------------------------------------------------------- subnets

  createSubnet(
    spec: { vpcId: string; cidrBlock: unknown; availabilityZone?: string; mapPublicIpOnLaunch?: boolean },
    origin?: Origin,
  ): Subnet {
    const vpc = this.vpc(spec.vpcId);
    const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a subnet');
    if (cidr.prefix < AWS_MIN_PREFIX || cidr.prefix > AWS_MAX_PREFIX) {
      throw new CloudError(
        'InvalidSubnet.Range',
        `the subnet block ${formatCidr(cidr)} is a /${cidr.prefix}; AWS allows subnets from /16 to /28`,
        'CidrBlock',
      );
    }
    if (!vpc.cidrs.some((b) => cidrContains(b, cidr))) {
      throw new CloudError(
        'InvalidSubnet.Range',
        `the subnet block ${formatCidr(cidr)} is not inside ${vpc.logicalId ?? vpc.id}'s ${vpc.cidrs.length > 1 ? 'blocks' : 'block'} ${vpc.cidrs.map(formatCidr).join(', ')}; choose a block inside ${vpc.cidrs.length > 1 ? 'one of them' : 'it'}`,
        'CidrBlock',
      );
    }
    for (const other of this.subnets.values()) {
      if (other.vpcId === vpc.id && cidrOverlaps(other.cidr, cidr)) {
        throw new CloudError(
          'InvalidSubnet.Conflict',
          `the subnet block ${formatCidr(cidr)} overlaps ${other.logicalId ?? other.id} (${formatCidr(other.cidr)}); subnets of one VPC must not overlap`,
          'CidrBlock',
        );
      }
    }
    const zones = availabilityZones(vpc.region);
    const az = spec.availabilityZone || zones[0];
    if (!hasZone(vpc.region, az)) {
      throw new CloudError(
        'InvalidParameterValue',
        `"${az}" is not an availability zone of ${vpc.region}; its zones are ${zones.join(', ')}`,
        'AvailabilityZone',
      );
    }
    const id = this.newId('subnet', vpc.region, origin, 'subnet');
    const subnet: Subnet = {
      id,
      logicalId: origin?.logicalId,
      region: vpc.region,
      tags: { ...(origin?.tags ?? {}) },
      vpcId: vpc.id,
      availabilityZone: az,
      cidr,
      mapPublicIpOnLaunch: Boolean(spec.mapPublicIpOnLaunch),
    };
    this.subnets.set(id, subnet);
    return subnet;
  }

  // ---------------------------------------------------------------- routing

  createRouteTable(spec: { vpcId: string }, origin?: Origin, main = false): RouteTable {
    const vpc = this.vpc(spec.vpcId);
    const id = this.newId('rtb', vpc.region, origin, 'rtb');
    const table: RouteTable = {
      id,
      logicalId: origin?.logicalId,
      region: vpc.region,
      tags: { ...(origin?.tags ?? {}) },
      vpcId: vpc.id,
      main,
      routes: vpc.cidrs.map((c) => ({ destination: c, target: { kind: 'local' } as RouteTarget })),
    };
    this.routeTables.set(id, table);
    return table;
  }

  createRoute(
    spec: {
      routeTableId: string;
      destinationCidrBlock: unknown;
      gatewayId?: string;
      natGatewayId?: string;
      vpcPeeringConnectionId?: string;
      instanceId?: string;
      networkInterfaceId?: string;
      unmodelledTarget?: { property: string; id: string };
    },
    origin?: Origin,
  ): Route {
    const table = this.routeTable(spec.routeTableId);
    const destination = requireBlock(spec.destinationCidrBlock, 'DestinationCidrBlock', 'a route');
    const given: [string, RouteTarget][] = [];
    if (spec.gatewayId) given.push(['GatewayId', { kind: 'internet-gateway', id: spec.gatewayId }]);
    if (spec.natGatewayId) given.push(['NatGatewayId', { kind: 'nat-gateway', id: spec.natGatewayId }]);
    if (spec.vpcPeeringConnectionId) given.push(['VpcPeeringConnectionId', { kind: 'peering', id: spec.vpcPeeringConnectionId }]);
    if (spec.instanceId) given.push(['InstanceId', { kind: 'instance', id: spec.instanceId }]);
    if (spec.networkInterfaceId) given.push(['NetworkInterfaceId', { kind: 'network-interface', id: spec.networkInterfaceId }]);
    if (spec.unmodelledTarget) given.push([spec.unmodelledTarget.property, { kind: 'unmodelled', ...spec.unmodelledTarget }]);
    if (given.length === 0) {
      throw new CloudError(
        'MissingParameter',
        'a route needs exactly one target: GatewayId (internet gateway), NatGatewayId, VpcPeeringConnectionId, InstanceId or NetworkInterfaceId',
      );
    }
    if (given.length > 1) {
      throw new CloudError(
        'InvalidParameterCombination',
        `a route has exactly one target, but this one names ${given.map(([p]) => p).join(' and ')}`,
        given[1][0],
      );
    }
    const [field, target] = given[0];
    const vpc = this.vpc(table.vpcId);
    for (const r of table.routes) {
      if (r.destination.network === destination.network && r.destination.prefix === destination.prefix) {
        throw new CloudError(
          'RouteAlreadyExists',
          r.target.kind === 'local'
            ? `${formatCidr(destination)} is the VPC's own block: its local route already covers it and cannot be replaced by a route to another target`
            : `${table.logicalId ?? table.id} already has a route to ${formatCidr(destination)}; a table holds one route per destination`,
          'DestinationCidrBlock',
        );
      }
    }
    if (target.kind !== 'instance' && target.kind !== 'network-interface' && target.kind !== 'unmodelled') {
      const inside = vpc.cidrs.find((b) => cidrContains(b, destination));
      if (inside) {
        throw new CloudError(
          'InvalidParameterValue',
          `${formatCidr(destination)} lies inside the VPC's block ${formatCidr(inside)}; a route more specific than the local route may only point to a network interface or instance`,
          'DestinationCidrBlock',
        );
      }
    }
    this.checkRouteTarget(vpc, target, field);
    const route: Route = { destination, target, logicalId: origin?.logicalId };
    table.routes.push(route);
    return route;
  }

  private checkRouteTarget(vpc: Vpc, target: RouteTarget, field: string): void {
    switch (target.kind) {
      case 'internet-gateway': {
        const g = this.internetGateways.get(target.id);
        if (!g) {
          const hint = /^(nat|pcx|eni|i)-/.test(target.id) ? ` (${target.id} is not an internet gateway: use the property for its kind)` : '';
          throw new CloudError('InvalidGatewayID.NotFound', `the internet gateway "${target.id}" does not exist${hint}`, field);
        }
        // Attachment is checked once the whole template is in: see finish().
        return;
      }
      case 'nat-gateway': {
        const n = this.natGateways.get(target.id);
        if (!n) throw new CloudError('InvalidNatGatewayID.NotFound', `the NAT gateway "${target.id}" does not exist`, field);
        if (this.vpcOfSubnet(n.subnetId).id !== vpc.id) {
          throw new CloudError(
            'InvalidParameterValue',
            `the NAT gateway ${n.logicalId ?? n.id} is in another VPC; a route can only point to a NAT gateway of its own VPC`,
            field,
          );
        }
        return;
      }
      case 'peering': {
        const p = this.peerings.get(target.id);
        if (!p) throw new CloudError('InvalidVpcPeeringConnectionID.NotFound', `the peering connection "${target.id}" does not exist`, field);
        if (p.requesterVpcId !== vpc.id && p.accepterVpcId !== vpc.id) {
          throw new CloudError(
            'InvalidParameterValue',
            `the peering connection ${p.logicalId ?? p.id} does not connect ${vpc.logicalId ?? vpc.id}; a route can only use a peering connection of its own VPC`,
            field,
          );
        }
        return;
      }
      case 'instance': {
        const i = this.instances.get(target.id);
        if (!i) throw new CloudError('InvalidInstanceID.NotFound', `the instance "${target.id}" does not exist`, field);
        if (this.instanceVpc(i).id !== vpc.id) {
          throw new CloudError('InvalidParameterValue', `the instance ${i.logicalId ?? i.id} is in another VPC`, field);
        }
        return;
      }
      case 'network-interface': {
        const e = this.interfaces.get(target.id);
        if (!e) throw new CloudError('InvalidNetworkInterfaceID.NotFound', `the network interface "${target.id}" does not exist`, field);
        if (this.vpcOfSubnet(e.subnetId).id !== vpc.id) {
          throw new CloudError('InvalidParameterValue', `the network interface ${e.logicalId ?? e.id} is in another VPC`, field);
        }
        return;
      }
      default:
        return;
    }
  }

  associateRouteTable(spec: { subnetId: string; routeTableId: string }): string {
    const subnet = this.subnet(spec.subnetId);
    const table = this.routeTable(spec.routeTableId);
    if (subnet.vpcId !== table.vpcId) {
      throw new CloudError(
        'InvalidParameterValue',
        `route table ${table.logicalId ?? table.id} and subnet ${subnet.logicalId ?? subnet.id} belong to different VPCs`,
        'RouteTableId',
      );
    }
    const existing = this.subnetRouteTable.get(subnet.id);
    if (existing) {
      const other = this.routeTables.get(existing);
      throw new CloudError(
        'Resource.AlreadyAssociated',
        `subnet ${subnet.logicalId ?? subnet.id} is already associated with route table ${other?.logicalId ?? existing}; a subnet has exactly one route table`,
        'SubnetId',
      );
    }
    this.subnetRouteTable.set(subnet.id, table.id);
    return this.ids.make('rtbassoc', `${subnet.id}/${table.id}`);
  }

  // ---------------------------------------------------------------- gateways

  createInternetGateway(region: string, origin?: Origin): InternetGateway {
    const id = this.newId('igw', region, origin, 'igw');
    const g: InternetGateway = { id, logicalId: origin?.logicalId, region, tags: { ...(origin?.tags ?? {}) } };
    this.internetGateways.set(id, g);
    return g;
  }

  attachInternetGateway(spec: { vpcId: string; internetGatewayId: string }): void {
    const vpc = this.vpc(spec.vpcId);
    const g = this.internetGateways.get(spec.internetGatewayId);
    if (!g) {
      throw new CloudError('InvalidInternetGatewayID.NotFound', `the internet gateway "${spec.internetGatewayId}" does not exist`, 'InternetGatewayId');
    }
    if (g.region !== vpc.region) {
      throw new CloudError('InvalidParameterValue', `the internet gateway is in ${g.region} and the VPC in ${vpc.region}`, 'InternetGatewayId');
    }
    if (g.attachedVpcId && g.attachedVpcId !== vpc.id) {
      throw new CloudError(
        'Resource.AlreadyAssociated',
        `internet gateway ${g.logicalId ?? g.id} is already attached to ${g.attachedVpcId}; a gateway attaches to one VPC`,
        'InternetGatewayId',
      );
    }
    const other = this.attachedGateway(vpc.id);
    if (other && other.id !== g.id) {
      throw new CloudError(
        'Resource.AlreadyAssociated',
        `${vpc.logicalId ?? vpc.id} already has internet gateway ${other.logicalId ?? other.id} attached; a VPC has at most one`,
        'VpcId',
      );
    }
    g.attachedVpcId = vpc.id;
  }

  detachInternetGateway(id: string): void {
    const g = this.internetGateways.get(id);
    if (g) g.attachedVpcId = undefined;
  }

  private allocatePublicIp(region: string): number {
    // Each region draws from its own /16 of 54.0.0.0/8, chosen by its name.
    const block = [...region].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) % 200, 7);
    const base = ((54 << 24) | (block << 16)) >>> 0;
    const n = (this.publicPool.get(region) ?? 10) + 1;
    this.publicPool.set(region, n);
    return base + n;
  }

  allocateElasticIp(region: string, origin?: Origin): ElasticIp {
    const id = this.newId('eipalloc', region, origin, 'eip');
    const e: ElasticIp = { id, logicalId: origin?.logicalId, region, tags: { ...(origin?.tags ?? {}) }, publicIp: this.allocatePublicIp(region) };
    this.elasticIps.set(id, e);
    return e;
  }

  /** Associates an elastic IP with an instance's primary interface, or with an interface. */
  associateElasticIp(spec: { allocationId: string; instanceId?: string; networkInterfaceId?: string; allowReassociation?: boolean }): void {
    const eip = this.elasticIps.get(spec.allocationId);
    if (!eip) throw new CloudError('InvalidAllocationID.NotFound', `the elastic IP allocation "${spec.allocationId}" does not exist`, 'AllocationId');
    let eni: NetworkInterface | undefined;
    if (spec.networkInterfaceId) {
      eni = this.interfaces.get(spec.networkInterfaceId);
      if (!eni) throw new CloudError('InvalidNetworkInterfaceID.NotFound', `the network interface "${spec.networkInterfaceId}" does not exist`, 'NetworkInterfaceId');
    } else if (spec.instanceId) {
      const inst = this.instances.get(spec.instanceId);
      if (!inst) throw new CloudError('InvalidInstanceID.NotFound', `the instance "${spec.instanceId}" does not exist`, 'InstanceId');
      eni = this.interfaces.get(inst.networkInterfaceIds[0]);
    } else {
      throw new CloudError('MissingParameter', 'an elastic IP association needs InstanceId or NetworkInterfaceId', 'InstanceId');
    }
    if (!eni) throw new CloudError('InvalidParameterValue', 'the instance has no network interface');
    if (eip.networkInterfaceId && eip.networkInterfaceId !== eni.id && !spec.allowReassociation) {
      throw new CloudError('Resource.AlreadyAssociated', `elastic IP ${formatIp(eip.publicIp)} is already associated with ${eip.networkInterfaceId}`, 'AllocationId');
    }
    const vpc = this.vpcOfSubnet(eni.subnetId);
    if (!this.attachedGateway(vpc.id)) {
      this.pendingGatewayChecks.push({ vpcId: vpc.id, eip: eip.id });
    }
    if (eip.networkInterfaceId) {
      const old = this.interfaces.get(eip.networkInterfaceId);
      if (old) {
        old.publicIp = undefined;
        old.elasticIpId = undefined;
        old.publicIpSource = undefined;
      }
    }
    eip.networkInterfaceId = eni.id;
    eip.instanceId = eni.owner.kind === 'instance' ? eni.owner.id : undefined;
    eni.publicIp = eip.publicIp;
    eni.publicIpSource = 'elastic';
    eni.elasticIpId = eip.id;
  }

  private readonly pendingGatewayChecks: { vpcId: string; eip: string }[] = [];

  createNatGateway(
    spec: { subnetId: string; allocationId?: string; connectivityType?: string; privateIpAddress?: string },
    origin?: Origin,
  ): NatGateway {
    const subnet = this.subnet(spec.subnetId);
    const connectivity = (spec.connectivityType ?? 'public') as string;
    if (connectivity !== 'public' && connectivity !== 'private') {
      throw new CloudError('InvalidParameterValue', `ConnectivityType is "public" or "private", not "${connectivity}"`, 'ConnectivityType');
    }
    if (connectivity === 'public' && !spec.allocationId) {
      throw new CloudError(
        'MissingParameter',
        'a public NAT gateway needs an elastic IP: give AllocationId (for example !GetAtt MyEip.AllocationId)',
        'AllocationId',
      );
    }
    if (connectivity === 'private' && spec.allocationId) {
      throw new CloudError('InvalidParameterCombination', 'a private NAT gateway has no elastic IP: remove AllocationId', 'AllocationId');
    }
    let eip: ElasticIp | undefined;
    if (spec.allocationId) {
      eip = this.elasticIps.get(spec.allocationId);
      if (!eip) throw new CloudError('InvalidAllocationID.NotFound', `the elastic IP allocation "${spec.allocationId}" does not exist`, 'AllocationId');
      if (eip.networkInterfaceId) {
        throw new CloudError('Resource.AlreadyAssociated', `elastic IP ${formatIp(eip.publicIp)} is already associated with ${eip.networkInterfaceId}`, 'AllocationId');
      }
    }
    const id = this.newId('nat', subnet.region, origin, 'nat');
    const eni = this.createInterfaceRecord(subnet, {
      privateIp: spec.privateIpAddress,
      securityGroupIds: [],
      sourceDestCheck: false,
      owner: { kind: 'nat-gateway', id },
      field: 'PrivateIpAddress',
      name: `${id}/eni`,
    });
    const nat: NatGateway = {
      id,
      logicalId: origin?.logicalId,
      region: subnet.region,
      tags: { ...(origin?.tags ?? {}) },
      subnetId: subnet.id,
      connectivity,
      allocationId: eip?.id,
      networkInterfaceId: eni.id,
    };
    this.natGateways.set(id, nat);
    if (eip) {
      eip.networkInterfaceId = eni.id;
      eni.publicIp = eip.publicIp;
      eni.publicIpSource = 'elastic';
      eni.elasticIpId = eip.id;
    }
    return nat;
  }

  // ---------------------------------------------------------------- security groups

  createSecurityGroup(
    spec: { vpcId: string; groupName?: string; description?: string },
    origin?: Origin,
    isDefault = false,
  ): SecurityGroup {
    const vpc = this.vpc(spec.vpcId);
    if (!isDefault && (!spec.description || spec.description.trim() === '')) {
      throw new CloudError('MissingParameter', 'a security group needs a GroupDescription', 'GroupDescription');
    }
    const id = this.newId('sg', vpc.region, origin, 'sg');
    const name = spec.groupName ?? origin?.logicalId ?? id;
    if (!isDefault && name === 'default') {
      throw new CloudError('InvalidParameterValue', 'the name "default" is taken by the VPC\'s default security group', 'GroupName');
    }
    for (const g of this.securityGroups.values()) {
      if (g.vpcId === vpc.id && g.name === name) {
        throw new CloudError('InvalidGroup.Duplicate', `${vpc.logicalId ?? vpc.id} already has a security group named "${name}"`, 'GroupName');
      }
    }
    const group: SecurityGroup = {
      id,
      logicalId: origin?.logicalId,
      region: vpc.region,
      tags: { ...(origin?.tags ?? {}) },
      vpcId: vpc.id,
      name,
      description: spec.description ?? '',
      ingress: isDefault ? [{ protocol: 'all', fromPort: -1, toPort: -1, groupId: id }] : [],
      egress: [{ protocol: 'all', fromPort: -1, toPort: -1, cidr: parseCidr('0.0.0.0/0') }],
      isDefault,
    };
    this.securityGroups.set(id, group);
    return group;
  }

  /** Removes the allow-all egress rule every new group starts with (CloudFormation does this when SecurityGroupEgress is given). */
  clearEgress(groupId: string): void {
    this.securityGroup(groupId).egress = [];
  }

  addSecurityGroupRule(groupId: string, direction: 'ingress' | 'egress', spec: RuleSpec, origin?: Origin): SecurityGroupRule {
    const group = this.securityGroup(groupId);
    const rule = this.normaliseRule(group, direction, spec);
    rule.logicalId = origin?.logicalId;
    const list = direction === 'ingress' ? group.ingress : group.egress;
    if (list.some((r) => sameRule(r, rule))) {
      throw new CloudError(
        'InvalidPermission.Duplicate',
        `${group.logicalId ?? group.id} already has this ${direction === 'ingress' ? 'inbound' : 'outbound'} rule (${describeRule(rule, direction)})`,
        spec.field,
      );
    }
    if (list.length >= QUOTAS.rulesPerSecurityGroupPerDirection) {
      throw new CloudError(
        'RulesPerSecurityGroupLimitExceeded',
        `${group.logicalId ?? group.id} already has ${list.length} ${direction === 'ingress' ? 'inbound' : 'outbound'} rules; the quota is ${QUOTAS.rulesPerSecurityGroupPerDirection} per direction`,
        spec.field,
      );
    }
    list.push(rule);
    return rule;
  }

  private normaliseRule(group: SecurityGroup, direction: 'ingress' | 'egress', spec: RuleSpec): SecurityGroupRule {
    const f = (name: string): (string | number)[] | string => (spec.field ? [...([] as (string | number)[]).concat(spec.field), name] : name);
    const protocol = parseProtocol(spec.ipProtocol, f('IpProtocol'));
    let fromPort = -1;
    let toPort = -1;
    if (protocol === 'tcp' || protocol === 'udp') {
      if (spec.fromPort === undefined || spec.toPort === undefined) {
        throw new CloudError(
          'InvalidParameterValue',
          `a ${protocol} rule needs FromPort and ToPort (the destination port range, e.g. 443 and 443)`,
          f(spec.fromPort === undefined ? 'FromPort' : 'ToPort'),
        );
      }
      fromPort = parsePort(spec.fromPort, f('FromPort'));
      toPort = parsePort(spec.toPort, f('ToPort'));
      if (fromPort === -1 && toPort === -1) {
        fromPort = 0;
        toPort = 65535;
      }
      if (fromPort < 0 || toPort < 0 || fromPort > toPort) {
        throw new CloudError('InvalidParameterValue', `invalid port range ${spec.fromPort}-${spec.toPort}: ports run from 0 to 65535 and FromPort must not exceed ToPort`, f('FromPort'));
      }
    } else if (protocol === 'icmp') {
      fromPort = spec.fromPort === undefined ? -1 : parseIcmp(spec.fromPort, f('FromPort'), 'type');
      toPort = spec.toPort === undefined ? -1 : parseIcmp(spec.toPort, f('ToPort'), 'code');
    }
    const sources = [spec.cidrIp !== undefined, spec.groupId !== undefined, spec.prefixListId !== undefined].filter(Boolean).length;
    const peer = direction === 'ingress' ? 'source' : 'destination';
    if (sources === 0 && spec.cidrIpv6 === undefined) {
      throw new CloudError(
        'MissingParameter',
        `a rule needs a ${peer}: ${direction === 'ingress' ? 'CidrIp or SourceSecurityGroupId' : 'CidrIp or DestinationSecurityGroupId'}`,
        f('CidrIp'),
      );
    }
    if (sources > 1) {
      throw new CloudError('InvalidParameterCombination', `a rule has one ${peer}: a CIDR block or a security group, not both`, f('CidrIp'));
    }
    const rule: SecurityGroupRule = { protocol, fromPort, toPort, description: spec.description };
    if (spec.cidrIp !== undefined) {
      rule.cidr = requireBlock(spec.cidrIp, 'CidrIp', 'a rule');
    } else if (spec.groupId !== undefined) {
      const other = this.securityGroups.get(spec.groupId);
      if (!other) {
        throw new CloudError('InvalidGroup.NotFound', `the security group "${spec.groupId}" does not exist`, f(direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId'));
      }
      if (other.vpcId !== group.vpcId && !this.peered(other.vpcId, group.vpcId, true)) {
        this.pendingGroupChecks.push({ group: group.id, other: other.id, field: f(direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId') });
      }
      rule.groupId = other.id;
    } else if (spec.prefixListId !== undefined) {
      rule.prefixListId = spec.prefixListId;
    }
    return rule;
  }

  private readonly pendingGroupChecks: { group: string; other: string; field: string | (string | number)[] }[] = [];

  /** True when an active peering connects the two VPCs (same region only, when asked). */
  peered(a: string, b: string, sameRegionOnly = false): boolean {
    for (const p of this.peerings.values()) {
      if (p.status !== 'active') continue;
      if ((p.requesterVpcId === a && p.accepterVpcId === b) || (p.requesterVpcId === b && p.accepterVpcId === a)) {
        if (!sameRegionOnly || this.vpc(a).region === this.vpc(b).region) return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- network ACLs

  createNetworkAcl(spec: { vpcId: string }, origin?: Origin, isDefault = false): NetworkAcl {
    const vpc = this.vpc(spec.vpcId);
    const id = this.newId('acl', vpc.region, origin, 'acl');
    const all = parseCidr('0.0.0.0/0');
    const acl: NetworkAcl = {
      id,
      logicalId: origin?.logicalId,
      region: vpc.region,
      tags: { ...(origin?.tags ?? {}) },
      vpcId: vpc.id,
      isDefault,
      entries: isDefault
        ? [
            { ruleNumber: 100, egress: false, action: 'allow', protocol: 'all', cidr: all },
            { ruleNumber: 100, egress: true, action: 'allow', protocol: 'all', cidr: all },
          ]
        : [],
    };
    this.networkAcls.set(id, acl);
    return acl;
  }

  addNetworkAclEntry(
    spec: {
      networkAclId: string;
      ruleNumber: unknown;
      protocol: unknown;
      ruleAction: unknown;
      egress?: boolean;
      cidrBlock: unknown;
      portRange?: { From?: unknown; To?: unknown };
      icmp?: { Code?: unknown; Type?: unknown };
    },
    origin?: Origin,
  ): NetworkAclEntry {
    const acl = this.networkAcl(spec.networkAclId);
    const ruleNumber = Number(spec.ruleNumber);
    if (!Number.isInteger(ruleNumber) || ruleNumber < 1 || ruleNumber > 32766) {
      throw new CloudError('InvalidParameterValue', `RuleNumber ${String(spec.ruleNumber)} is not valid; rule numbers are whole numbers from 1 to 32766`, 'RuleNumber');
    }
    const action = String(spec.ruleAction ?? '').toLowerCase();
    if (action !== 'allow' && action !== 'deny') {
      throw new CloudError('InvalidParameterValue', `RuleAction is "allow" or "deny", not "${String(spec.ruleAction)}"`, 'RuleAction');
    }
    const protocol = parseProtocol(spec.protocol, 'Protocol');
    const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a network ACL entry');
    const egress = Boolean(spec.egress);
    const entry: NetworkAclEntry = { ruleNumber, egress, action, protocol, cidr, logicalId: origin?.logicalId };
    if (protocol === 'tcp' || protocol === 'udp') {
      if (!spec.portRange || spec.portRange.From === undefined || spec.portRange.To === undefined) {
        throw new CloudError('MissingParameter', `a ${protocol} entry needs PortRange with From and To (e.g. From: 443, To: 443)`, 'PortRange');
      }
      entry.portFrom = parsePort(spec.portRange.From, ['PortRange', 'From']);
      entry.portTo = parsePort(spec.portRange.To, ['PortRange', 'To']);
      if (entry.portFrom < 0 || entry.portTo < 0 || entry.portFrom > entry.portTo) {
        throw new CloudError('InvalidParameterValue', `invalid port range ${entry.portFrom}-${entry.portTo}: ports run from 0 to 65535 and From must not exceed To`, 'PortRange');
      }
    } else if (protocol === 'icmp') {
      if (!spec.icmp) {
        throw new CloudError('MissingParameter', 'an icmp entry needs Icmp with Type and Code (-1 for any)', 'Icmp');
      }
      entry.icmpType = spec.icmp.Type === undefined ? -1 : parseIcmp(spec.icmp.Type, ['Icmp', 'Type'], 'type');
      entry.icmpCode = spec.icmp.Code === undefined ? -1 : parseIcmp(spec.icmp.Code, ['Icmp', 'Code'], 'code');
    }
    const sameDirection = acl.entries.filter((e) => e.egress === egress);
    if (sameDirection.some((e) => e.ruleNumber === ruleNumber)) {
      throw new CloudError(
        'NetworkAclEntryAlreadyExists',
        `${acl.logicalId ?? acl.id} already has ${egress ? 'an outbound' : 'an inbound'} rule number ${ruleNumber}; each direction's rule numbers must be unique`,
        'RuleNumber',
      );
    }
    if (sameDirection.length >= QUOTAS.networkAclRulesPerDirection) {
      throw new CloudError(
        'NetworkAclEntryLimitExceeded',
        `${acl.logicalId ?? acl.id} already has ${sameDirection.length} ${egress ? 'outbound' : 'inbound'} rules; the quota is ${QUOTAS.networkAclRulesPerDirection} per direction`,
        'RuleNumber',
      );
    }
    acl.entries.push(entry);
    acl.entries.sort((a, b) => a.ruleNumber - b.ruleNumber);
    return entry;
  }

  associateNetworkAcl(spec: { subnetId: string; networkAclId: string }): string {
    const subnet = this.subnet(spec.subnetId);
    const acl = this.networkAcl(spec.networkAclId);
    if (subnet.vpcId !== acl.vpcId) {
      throw new CloudError('InvalidParameterValue', `network ACL ${acl.logicalId ?? acl.id} and subnet ${subnet.logicalId ?? subnet.id} belong to different VPCs`, 'NetworkAclId');
    }
    const existing = this.subnetNetworkAcl.get(subnet.id);
    if (existing) {
      throw new CloudError(
        'Resource.AlreadyAssociated',
        `subnet ${subnet.logicalId ?? subnet.id} is already associated with network ACL ${this.networkAcls.get(existing)?.logicalId ?? existing}; a subnet has exactly one network ACL`,
        'SubnetId',
      );
    }
    this.subnetNetworkAcl.set(subnet.id, acl.id);
    return this.ids.make('aclassoc', `${subnet.id}/${acl.id}`);
  }

  // ---------------------------------------------------------------- peering

  createPeering(spec: { vpcId: string; peerVpcId: string; peerRegion?: string }, origin?: Origin): PeeringConnection {
    const a = this.vpc(spec.vpcId);
    const b = this.vpcs.get(spec.peerVpcId);
    if (!b) {
      throw new CloudError('InvalidVpcID.NotFound', `the peer VPC "${spec.peerVpcId}" does not exist${spec.peerRegion ? ` in ${spec.peerRegion}` : ''}`, 'PeerVpcId');
    }
    if (spec.peerRegion && spec.peerRegion !== b.region) {
      throw new CloudError('InvalidParameterValue', `PeerRegion is ${spec.peerRegion} but the peer VPC is in ${b.region}`, 'PeerRegion');
    }
    if (!spec.peerRegion && b.region !== a.region) {
      throw new CloudError('InvalidParameterValue', `the peer VPC is in ${b.region}: give PeerRegion: ${b.region}`, 'PeerRegion');
    }
    if (a.id === b.id) {
      throw new CloudError('InvalidParameterValue', 'a VPC cannot be peered with itself', 'PeerVpcId');
    }
    for (const ca of a.cidrs) {
      for (const cb of b.cidrs) {
        if (cidrOverlaps(ca, cb)) {
          throw new CloudError(
            'InvalidParameterValue',
            `${a.logicalId ?? a.id} (${formatCidr(ca)}) and ${b.logicalId ?? b.id} (${formatCidr(cb)}) overlap; VPCs with overlapping blocks cannot be peered`,
            'PeerVpcId',
          );
        }
      }
    }
    for (const p of this.peerings.values()) {
      if ((p.requesterVpcId === a.id && p.accepterVpcId === b.id) || (p.requesterVpcId === b.id && p.accepterVpcId === a.id)) {
        throw new CloudError('VpcPeeringConnectionAlreadyExists', `${a.logicalId ?? a.id} and ${b.logicalId ?? b.id} are already peered by ${p.logicalId ?? p.id}`, 'PeerVpcId');
      }
    }
    const id = this.newId('pcx', a.region, origin, 'pcx');
    const p: PeeringConnection = {
      id,
      logicalId: origin?.logicalId,
      region: a.region,
      tags: { ...(origin?.tags ?? {}) },
      requesterVpcId: a.id,
      accepterVpcId: b.id,
      accepterRegion: b.region,
      status: 'active',
    };
    this.peerings.set(id, p);
    return p;
  }

  // ---------------------------------------------------------------- instances and interfaces

  private takePrivateIp(subnet: Subnet, requested: string | undefined, field: string | (string | number)[]): number {
    const reserved = awsReservedAddresses(subnet.cidr);
    if (requested !== undefined) {
      let ip: number;
      try {
        ip = parseIp(requested);
      } catch (e) {
        throw new CloudError('InvalidParameterValue', (e as Error).message, field);
      }
      if (!cidrContainsIp(subnet.cidr, ip)) {
        throw new CloudError(
          'InvalidParameterValue',
          `${requested} is not in subnet ${subnet.logicalId ?? subnet.id} (${formatCidr(subnet.cidr)}); choose an address from ${formatIp(subnet.cidr.network + 4)} to ${formatIp(lastAddress(subnet.cidr) - 1)}`,
          field,
        );
      }
      if (reserved.includes(ip)) {
        throw new CloudError(
          'InvalidParameterValue',
          `${requested} is one of the five addresses AWS reserves in ${formatCidr(subnet.cidr)} (network, VPC router, DNS, future use, last); choose from ${formatIp(subnet.cidr.network + 4)} to ${formatIp(lastAddress(subnet.cidr) - 1)}`,
          field,
        );
      }
      for (const e of this.interfaces.values()) {
        if (e.subnetId === subnet.id && e.privateIp === ip) {
          throw new CloudError('InvalidIPAddress.InUse', `${requested} is already used by ${e.logicalId ?? e.id} in ${subnet.logicalId ?? subnet.id}`, field);
        }
      }
      return ip;
    }
    const used = new Set<number>();
    for (const e of this.interfaces.values()) if (e.subnetId === subnet.id) used.add(e.privateIp);
    let next = this.nextPrivate.get(subnet.id) ?? subnet.cidr.network + 4;
    const last = lastAddress(subnet.cidr) - 1;
    while (next <= last && used.has(next)) next++;
    if (next > last) {
      throw new CloudError(
        'InsufficientFreeAddressesInSubnet',
        `subnet ${subnet.logicalId ?? subnet.id} (${formatCidr(subnet.cidr)}) has no free address left; a /${subnet.cidr.prefix} holds ${2 ** (32 - subnet.cidr.prefix) - 5} usable addresses`,
        'SubnetId',
      );
    }
    this.nextPrivate.set(subnet.id, next + 1);
    return next;
  }

  private createInterfaceRecord(
    subnet: Subnet,
    o: {
      privateIp?: string;
      securityGroupIds: string[];
      sourceDestCheck: boolean;
      owner: NetworkInterface['owner'];
      field: string | (string | number)[];
      name: string;
      logicalId?: string;
      tags?: Record<string, string>;
    },
  ): NetworkInterface {
    const privateIp = this.takePrivateIp(subnet, o.privateIp, o.field);
    const id = this.ids.make('eni', `${subnet.region}/${o.name}`);
    const eni: NetworkInterface = {
      id,
      logicalId: o.logicalId,
      region: subnet.region,
      tags: { ...(o.tags ?? {}) },
      subnetId: subnet.id,
      privateIp,
      securityGroupIds: o.securityGroupIds,
      sourceDestCheck: o.sourceDestCheck,
      owner: o.owner,
    };
    this.interfaces.set(id, eni);
    return eni;
  }

  private checkGroups(subnet: Subnet, groupIds: string[], field: string | (string | number)[]): string[] {
    const unique = [...new Set(groupIds)];
    if (unique.length > QUOTAS.securityGroupsPerInterface) {
      throw new CloudError(
        'SecurityGroupsPerInterfaceLimitExceeded',
        `${unique.length} security groups on one network interface; the quota is ${QUOTAS.securityGroupsPerInterface}`,
        field,
      );
    }
    for (const g of unique) {
      const group = this.securityGroups.get(g);
      if (!group) throw new CloudError('InvalidGroup.NotFound', `the security group "${g}" does not exist`, field);
      if (group.vpcId !== subnet.vpcId) {
        throw new CloudError(
          'InvalidParameter',
          `security group ${group.logicalId ?? group.id} and subnet ${subnet.logicalId ?? subnet.id} belong to different VPCs`,
          field,
        );
      }
    }
    return unique.length ? unique : [this.vpc(subnet.vpcId).defaultSecurityGroupId];
  }

  createNetworkInterface(
    spec: { subnetId: string; groupSet?: string[]; privateIpAddress?: string; sourceDestCheck?: boolean },
    origin?: Origin,
  ): NetworkInterface {
    const subnet = this.subnet(spec.subnetId);
    const groups = this.checkGroups(subnet, spec.groupSet ?? [], 'GroupSet');
    return this.createInterfaceRecord(subnet, {
      privateIp: spec.privateIpAddress,
      securityGroupIds: groups,
      sourceDestCheck: spec.sourceDestCheck ?? true,
      owner: { kind: 'none' },
      field: 'PrivateIpAddress',
      name: origin?.logicalId ?? `eni${this.anonymous++}`,
      logicalId: origin?.logicalId,
      tags: origin?.tags,
    });
  }

  attachNetworkInterface(spec: { instanceId: string; networkInterfaceId: string; deviceIndex: number }): void {
    const inst = this.instances.get(spec.instanceId);
    if (!inst) throw new CloudError('InvalidInstanceID.NotFound', `the instance "${spec.instanceId}" does not exist`, 'InstanceId');
    const eni = this.interfaces.get(spec.networkInterfaceId);
    if (!eni) throw new CloudError('InvalidNetworkInterfaceID.NotFound', `the network interface "${spec.networkInterfaceId}" does not exist`, 'NetworkInterfaceId');
    if (eni.owner.kind !== 'none') throw new CloudError('InvalidNetworkInterface.InUse', `${eni.logicalId ?? eni.id} is already attached`, 'NetworkInterfaceId');
    const subnet = this.subnet(eni.subnetId);
    if (subnet.availabilityZone !== inst.availabilityZone) {
      throw new CloudError('InvalidParameterValue', `${eni.logicalId ?? eni.id} is in ${subnet.availabilityZone} and the instance in ${inst.availabilityZone}; an interface attaches to an instance in its own zone`, 'NetworkInterfaceId');
    }
    this.checkDeviceIndex(inst, spec.deviceIndex);
    eni.owner = { kind: 'instance', id: inst.id, deviceIndex: spec.deviceIndex };
    inst.networkInterfaceIds.push(eni.id);
  }

  private checkDeviceIndex(inst: Instance, deviceIndex: number): void {
    for (const id of inst.networkInterfaceIds) {
      const e = this.interfaces.get(id);
      if (e?.owner.kind === 'instance' && e.owner.deviceIndex === deviceIndex) {
        throw new CloudError('InvalidParameterValue', `the instance already has an interface at device index ${deviceIndex}`, 'DeviceIndex');
      }
    }
  }

  createInstance(region: string, spec: InstanceSpec, origin?: Origin): Instance {
    if (spec.subnetId && spec.networkInterfaces?.length) {
      throw new CloudError(
        'InvalidParameterCombination',
        'give either SubnetId (with SecurityGroupIds) or NetworkInterfaces, not both: network interfaces and an instance-level subnet cannot be given together',
        'NetworkInterfaces',
      );
    }
    if (spec.networkInterfaces?.length && spec.securityGroupIds?.length) {
      throw new CloudError(
        'InvalidParameterCombination',
        'with NetworkInterfaces, put the security groups in each interface\'s GroupSet, not in SecurityGroupIds',
        'SecurityGroupIds',
      );
    }
    if (spec.securityGroupNames?.length) {
      throw new CloudError(
        'InvalidParameterCombination',
        'SecurityGroups takes group names, which only work in a default VPC; in your own VPC give SecurityGroupIds (for example !Ref WebSecurityGroup)',
        'SecurityGroups',
      );
    }
    const id = this.newId('i', region, origin, 'instance');
    const interfaces = spec.networkInterfaces?.length
      ? spec.networkInterfaces
      : [{ deviceIndex: 0, subnetId: spec.subnetId, groupSet: spec.securityGroupIds, privateIpAddress: spec.privateIpAddress, fieldBase: [] as (string | number)[] }];
    const primary = interfaces.find((n) => Number(n.deviceIndex) === 0);
    if (!primary) {
      throw new CloudError('InvalidParameterValue', 'one network interface must have DeviceIndex 0 (the primary interface)', 'NetworkInterfaces');
    }
    if (!primary.subnetId && !primary.networkInterfaceId) {
      throw new CloudError(
        'MissingParameter',
        'the instance has no SubnetId: the virtual cloud has no default VPC, so give SubnetId (for example !Ref PublicSubnetA)',
        'SubnetId',
      );
    }
    if (interfaces.length > 1 && interfaces.some((n) => n.associatePublicIpAddress === true)) {
      throw new CloudError(
        'InvalidParameterCombination',
        'AssociatePublicIpAddress cannot be used when an instance is launched with more than one network interface; use an elastic IP',
        'NetworkInterfaces',
      );
    }
    const primarySubnet = primary.subnetId ? this.subnet(primary.subnetId, fieldOf(primary.fieldBase, 'SubnetId')) : this.subnet(this.interfaces.get(primary.networkInterfaceId!)?.subnetId ?? '', 'NetworkInterfaceId');
    if (primarySubnet.region !== region) {
      throw new CloudError('InvalidParameterValue', `subnet ${primarySubnet.logicalId ?? primarySubnet.id} is in ${primarySubnet.region}, not ${region}`, 'SubnetId');
    }
    if (spec.availabilityZone && spec.availabilityZone !== primarySubnet.availabilityZone) {
      throw new CloudError(
        'InvalidParameterValue',
        `AvailabilityZone ${spec.availabilityZone} does not match the subnet's zone ${primarySubnet.availabilityZone}; leave it out or make them agree`,
        'AvailabilityZone',
      );
    }
    const inst: Instance = {
      id,
      logicalId: origin?.logicalId,
      region,
      tags: { ...(origin?.tags ?? {}) },
      subnetId: primarySubnet.id,
      availabilityZone: primarySubnet.availabilityZone,
      networkInterfaceIds: [],
    };
    const sorted = [...interfaces].sort((a, b) => Number(a.deviceIndex) - Number(b.deviceIndex));
    const created: NetworkInterface[] = [];
    const seen = new Set<number>();
    for (const n of sorted) {
      const deviceIndex = Number(n.deviceIndex ?? 0);
      if (seen.has(deviceIndex)) {
        throw new CloudError('InvalidParameterValue', `two network interfaces have DeviceIndex ${deviceIndex}`, fieldOf(n.fieldBase, 'DeviceIndex'));
      }
      seen.add(deviceIndex);
      if (n.networkInterfaceId) {
        const eni = this.interfaces.get(n.networkInterfaceId);
        if (!eni) throw new CloudError('InvalidNetworkInterfaceID.NotFound', `the network interface "${n.networkInterfaceId}" does not exist`, fieldOf(n.fieldBase, 'NetworkInterfaceId'));
        if (eni.owner.kind !== 'none') throw new CloudError('InvalidNetworkInterface.InUse', `${eni.logicalId ?? eni.id} is already attached`, fieldOf(n.fieldBase, 'NetworkInterfaceId'));
        if (this.subnet(eni.subnetId).availabilityZone !== inst.availabilityZone) {
          throw new CloudError('InvalidParameterValue', 'all network interfaces of an instance must be in its availability zone', fieldOf(n.fieldBase, 'NetworkInterfaceId'));
        }
        created.push(eni);
        continue;
      }
      const subnet = this.subnet(n.subnetId ?? '', fieldOf(n.fieldBase, 'SubnetId'));
      if (subnet.availabilityZone !== inst.availabilityZone) {
        throw new CloudError('InvalidParameterValue', `subnet ${subnet.logicalId ?? subnet.id} is in ${subnet.availabilityZone}; every interface of an instance is in the instance's zone (${inst.availabilityZone})`, fieldOf(n.fieldBase, 'SubnetId'));
      }
      const groups = this.checkGroups(subnet, n.groupSet ?? [], fieldOf(n.fieldBase, n.fieldBase.length ? 'GroupSet' : 'SecurityGroupIds'));
      const eni = this.createInterfaceRecord(subnet, {
        privateIp: n.privateIpAddress,
        securityGroupIds: groups,
        sourceDestCheck: spec.sourceDestCheck ?? true,
        owner: { kind: 'none' },
        field: fieldOf(n.fieldBase, 'PrivateIpAddress'),
        name: `${origin?.logicalId ?? id}/eth${deviceIndex}`,
        logicalId: origin?.logicalId ? `${origin.logicalId}.eth${deviceIndex}` : undefined,
      });
      const wantsPublic = n.associatePublicIpAddress ?? (interfaces.length === 1 ? subnet.mapPublicIpOnLaunch : false);
      if (wantsPublic && deviceIndex === 0) {
        eni.publicIp = this.allocatePublicIp(region);
        eni.publicIpSource = 'auto';
      }
      created.push(eni);
    }
    this.instances.set(id, inst);
    for (const [i, eni] of created.entries()) {
      eni.owner = { kind: 'instance', id, deviceIndex: Number(sorted[i].deviceIndex ?? 0) };
      if (eni.owner.deviceIndex === 0 && spec.sourceDestCheck !== undefined) eni.sourceDestCheck = spec.sourceDestCheck;
      inst.networkInterfaceIds.push(eni.id);
    }
    return inst;
  }

  instanceVpc(inst: Instance): Vpc {
    return this.vpcOfSubnet(inst.subnetId);
  }

  createUnmodelled(region: string, type: string, origin?: Origin): UnmodelledResource {
    const prefix = type.split('::').pop()!.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'res';
    const id = this.newId(prefix, region, origin, type);
    const r: UnmodelledResource = { id, logicalId: origin?.logicalId, region, tags: { ...(origin?.tags ?? {}) }, type };
    this.unmodelled.set(id, r);
    return r;
  }

  // ---------------------------------------------------------------- removal (failures, the shell)

  /** Deletes a NAT gateway, internet gateway, peering connection or instance; routes to it become blackholes. */
  deleteResource(id: string): boolean {
    if (this.natGateways.has(id)) {
      const n = this.natGateways.get(id)!;
      this.interfaces.delete(n.networkInterfaceId);
      if (n.allocationId) {
        const e = this.elasticIps.get(n.allocationId);
        if (e) e.networkInterfaceId = undefined;
      }
      return this.natGateways.delete(id);
    }
    if (this.internetGateways.has(id)) return this.internetGateways.delete(id);
    if (this.peerings.has(id)) return this.peerings.delete(id);
    if (this.instances.has(id)) {
      const inst = this.instances.get(id)!;
      for (const e of inst.networkInterfaceIds) {
        const eni = this.interfaces.get(e);
        if (eni?.elasticIpId) {
          const eip = this.elasticIps.get(eni.elasticIpId);
          if (eip) eip.networkInterfaceId = undefined;
        }
        this.interfaces.delete(e);
      }
      return this.instances.delete(id);
    }
    return false;
  }

  /** True when a route's target no longer exists (a blackhole). */
  isBlackhole(target: RouteTarget): boolean {
    switch (target.kind) {
      case 'local':
        return false;
      case 'internet-gateway':
        return !this.internetGateways.has(target.id);
      case 'nat-gateway':
        return !this.natGateways.has(target.id);
      case 'peering':
        return !this.peerings.has(target.id) || this.peerings.get(target.id)!.status !== 'active';
      case 'instance':
        return !this.instances.has(target.id);
      case 'network-interface':
        return !this.interfaces.has(target.id);
      case 'unmodelled':
        return false;
    }
  }

  /**
   * Checks that need the whole topology, run once everything is created (a template may
   * create a route before the gateway's attachment): routes to internet gateways not
   * attached to the table's VPC, elastic IPs in VPCs with no gateway, group references to
   * VPCs that are not peered.
   */
  finish(): CloudError[] {
    const problems: CloudError[] = [];
    for (const t of this.routeTables.values()) {
      for (const r of t.routes) {
        if (r.target.kind === 'internet-gateway') {
          const g = this.internetGateways.get(r.target.id);
          if (g && g.attachedVpcId !== t.vpcId) {
            problems.push(
              new CloudError(
                'InvalidParameterValue',
                `route ${formatCidr(r.destination)} in ${t.logicalId ?? t.id} points to internet gateway ${g.logicalId ?? g.id}, which is ${g.attachedVpcId ? 'attached to another VPC' : 'not attached to any VPC'}; attach it to ${t.vpcId} with an AWS::EC2::VPCGatewayAttachment`,
                'GatewayId',
                r.logicalId,
              ),
            );
          }
        }
      }
    }
    for (const p of this.pendingGatewayChecks) {
      if (!this.attachedGateway(p.vpcId)) {
        const eip = this.elasticIps.get(p.eip);
        problems.push(
          new CloudError(
            'Gateway.NotAttached',
            `elastic IP ${eip ? formatIp(eip.publicIp) : p.eip} is associated in ${p.vpcId}, which has no internet gateway attached; AWS refuses the association`,
            'AllocationId',
            eip?.logicalId,
          ),
        );
      }
    }
    for (const c of this.pendingGroupChecks) {
      const g = this.securityGroups.get(c.group)!;
      const o = this.securityGroups.get(c.other)!;
      if (!this.peered(g.vpcId, o.vpcId, true)) {
        problems.push(
          new CloudError(
            'InvalidGroup.NotFound',
            `${g.logicalId ?? g.id} refers to ${o.logicalId ?? o.id}, a group of another VPC; a rule can name a group of its own VPC or of a peered VPC in the same region`,
            c.field,
            g.logicalId,
          ),
        );
      }
    }
    return problems;
  }
}

export interface RuleSpec {
  ipProtocol: unknown;
  fromPort?: unknown;
  toPort?: unknown;
  cidrIp?: unknown;
  cidrIpv6?: unknown;
  groupId?: string;
  prefixListId?: string;
  description?: string;
  field?: string | (string | number)[];
}

export interface InstanceInterfaceSpec {
  deviceIndex?: number | string;
  subnetId?: string;
  groupSet?: string[];
  privateIpAddress?: string;
  associatePublicIpAddress?: boolean;
  networkInterfaceId?: string;
  fieldBase: (string | number)[];
}

export interface InstanceSpec {
  subnetId?: string;
  securityGroupIds?: string[];
  securityGroupNames?: string[];
  privateIpAddress?: string;
  availabilityZone?: string;
  sourceDestCheck?: boolean;
  networkInterfaces?: InstanceInterfaceSpec[];
}

function fieldOf(base: (string | number)[], name: string): string | (string | number)[] {
  return base.length ? [...base, name] : name;
}

const PROTOCOL_NAMES: Record<string, Protocol> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  '-1': 'all',
  all: 'all',
};

export function parseProtocol(value: unknown, field: string | (string | number)[]): Protocol {
  const text = String(value ?? '').trim().toLowerCase();
  if (text in PROTOCOL_NAMES) return PROTOCOL_NAMES[text];
  if (/^\d+$/.test(text) && Number(text) <= 255) return Number(text);
  throw new CloudError(
    'InvalidParameterValue',
    `"${String(value)}" is not a protocol; use tcp, udp, icmp, -1 (all traffic) or a protocol number from 0 to 255`,
    field,
  );
}

function parsePort(value: unknown, field: string | (string | number)[]): number {
  const n = Number(value);
  if (value === '' || value === null || !Number.isInteger(n) || n < -1 || n > 65535) {
    throw new CloudError('InvalidParameterValue', `"${String(value)}" is not a port; ports are whole numbers from 0 to 65535`, field);
  }
  return n;
}

function parseIcmp(value: unknown, field: string | (string | number)[], what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1 || n > 255) {
    throw new CloudError('InvalidParameterValue', `"${String(value)}" is not an ICMP ${what}; use a number from 0 to 255, or -1 for any`, field);
  }
  return n;
}

function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  return (
    a.protocol === b.protocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.groupId === b.groupId &&
    a.prefixListId === b.prefixListId &&
    (a.cidr?.network ?? -1) === (b.cidr?.network ?? -1) &&
    (a.cidr?.prefix ?? -1) === (b.cidr?.prefix ?? -1)
  );
}

export function describeProtocolPorts(protocol: Protocol, from: number, to: number): string {
  if (protocol === 'all') return 'all traffic';
  if (protocol === 'icmp') return from === -1 ? 'all icmp' : `icmp type ${from}${to !== -1 ? ` code ${to}` : ''}`;
  if (typeof protocol === 'number') return `protocol ${protocol}`;
  if (from === 0 && to === 65535) return `all ${protocol}`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

export function describeRule(r: SecurityGroupRule, direction: 'ingress' | 'egress'): string {
  const peer = r.cidr ? formatCidr(r.cidr) : r.groupId ? `group ${r.groupId}` : r.prefixListId ? `prefix list ${r.prefixListId}` : '?';
  return `${describeProtocolPorts(r.protocol, r.fromPort, r.toPort)} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`;
}
