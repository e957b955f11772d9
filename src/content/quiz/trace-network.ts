import { formatIp } from '../../engine/address.js';
import { Cloud } from '../../engine/cloud.js';
import { createRng } from '../../engine/random.js';

/**
 * The small random networks of `cloudlab quiz trace`: one VPC with a web subnet (public when
 * its route table sends 0.0.0.0/0 to the internet gateway) and an app subnet, an instance in
 * each, a security group each, custom network ACLs or the default one, sometimes a NAT
 * gateway, and one flow to ask about. A network is plain data first, so the same data is
 * built into the engine (which answers) and printed for the learner (who is asked).
 */
export interface SgRule {
  /** "tcp", or "-1" for all traffic. */
  readonly protocol: 'tcp' | '-1';
  readonly from?: number;
  readonly to?: number;
  /** A block, or the logical id of a security group. */
  readonly peer: string;
}

export interface AclRule {
  readonly number: number;
  readonly action: 'allow' | 'deny';
  readonly protocol: 'tcp' | '-1';
  readonly from?: number;
  readonly to?: number;
  readonly cidr: string;
}

export interface AclSpec {
  readonly inbound: readonly AclRule[];
  readonly outbound: readonly AclRule[];
}

export interface GroupSpec {
  readonly inbound: readonly SgRule[];
  /** Undefined: the default rule, all traffic to 0.0.0.0/0. */
  readonly outbound?: readonly SgRule[];
}

export interface Flow {
  /** A logical id (Web, App) or an internet address. */
  readonly from: string;
  readonly to: string;
  readonly port: number;
}

export interface NetSpec {
  readonly webPublicIp: boolean;
  readonly webRoute: boolean;
  readonly nat: boolean;
  readonly appRoute: boolean;
  readonly webSg: GroupSpec;
  readonly appSg: GroupSpec;
  /** Undefined: the subnet keeps the VPC's default ACL, which allows everything. */
  readonly webAcl?: AclSpec;
  readonly appAcl?: AclSpec;
  readonly flow: Flow;
}

export const CLIENT = '203.0.113.25';
const REGION = 'us-east-1';
const EPHEMERAL = { from: 1024, to: 65535 };

/**
 * A network and a flow from a seed. Each draw may leave one thing wrong (a route, a rule, a
 * public address) or nothing; which hop drops the flow is for the engine to say.
 */
export function randomNetwork(seed: string): NetSpec {
  const rng = createRng(`trace-${seed}`);
  const kind = rng.pick(['in', 'in', 'tier', 'tier', 'out'] as const);
  const webPort = rng.pick([22, 80, 443]);
  const appPort = rng.pick([8080, 5432, 3306]);
  const fault = rng.next() < 0.12 ? 'none' : rng.pick(FAULTS[kind]);
  const other = (p: number, choices: number[]): number => rng.pick(choices.filter((c) => c !== p));

  const webIn: SgRule[] = [{ protocol: 'tcp', from: webPort, to: webPort, peer: '0.0.0.0/0' }];
  const one = (p: number): { from: number; to: number } => ({ from: p, to: p });
  if (fault === 'web-sg-port') webIn[0] = { ...webIn[0], ...one(other(webPort, [22, 80, 443])) };
  if (fault === 'web-sg-source') webIn[0] = { ...webIn[0], peer: rng.pick(['10.0.0.0/16', '198.51.100.10/32']) };
  const webSg: GroupSpec = {
    inbound: webIn,
    outbound: fault === 'web-sg-out' ? [{ protocol: 'tcp', from: 443, to: 443, peer: '0.0.0.0/0' }] : undefined,
  };
  const appRule: SgRule = { protocol: 'tcp', from: appPort, to: appPort, peer: rng.next() < 0.5 ? 'WebSg' : '10.0.1.0/24' };
  const appSg: GroupSpec = {
    inbound: [
      fault === 'app-sg-port' ? { ...appRule, ...one(other(appPort, [8080, 5432, 3306])) } : fault === 'app-sg-source' ? { ...appRule, peer: '10.0.3.0/24' } : appRule,
    ],
    outbound: fault === 'app-sg-out' ? [{ protocol: 'tcp', from: appPort, to: appPort, peer: '10.0.0.0/16' }] : undefined,
  };

  const customWeb = fault.startsWith('web-acl') || rng.next() < 0.5;
  const webAcl: AclSpec | undefined = customWeb
    ? {
        inbound: [
          acl(100, fault === 'web-acl-in' ? other(webPort, [22, 80, 443]) : webPort, '0.0.0.0/0'),
          aclRange(110, fault === 'web-acl-in-reply' ? { from: 443, to: 443 } : EPHEMERAL, '0.0.0.0/0'),
        ],
        outbound: [
          aclRange(100, fault === 'web-acl-out-reply' ? { from: 80, to: 443 } : EPHEMERAL, '0.0.0.0/0'),
          aclRange(110, { from: 80, to: 443 }, '0.0.0.0/0'),
          ...(fault === 'web-acl-out' ? [] : [acl(120, appPort, '10.0.2.0/24')]),
        ],
      }
    : undefined;
  const customApp = fault.startsWith('app-acl') || rng.next() < 0.4;
  const appAcl: AclSpec | undefined = customApp
    ? {
        inbound: [
          acl(100, fault === 'app-acl-in' ? other(appPort, [8080, 5432, 3306]) : appPort, '10.0.1.0/24'),
          aclRange(110, fault === 'app-acl-in-reply' ? { from: 443, to: 443 } : EPHEMERAL, '0.0.0.0/0'),
        ],
        outbound: [
          aclRange(100, fault === 'app-acl-out-reply' ? { from: 80, to: 443 } : EPHEMERAL, '10.0.1.0/24'),
          acl(110, 443, '0.0.0.0/0'),
        ],
      }
    : undefined;

  const flow: Flow =
    kind === 'in'
      ? { from: CLIENT, to: 'Web', port: webPort }
      : kind === 'tier'
        ? { from: 'Web', to: 'App', port: appPort }
        : { from: 'App', to: CLIENT, port: 443 };
  const nat = kind === 'out' ? fault !== 'no-nat' : rng.next() < 0.3;
  return {
    webPublicIp: fault !== 'no-public-ip',
    webRoute: fault !== 'no-web-route',
    nat,
    appRoute: nat && fault !== 'no-app-route',
    webSg,
    appSg,
    webAcl,
    appAcl,
    flow,
  };
}

const FAULTS = {
  in: ['no-public-ip', 'no-web-route', 'web-sg-port', 'web-sg-source', 'web-acl-in', 'web-acl-out-reply'],
  tier: ['web-sg-out', 'web-acl-out', 'app-acl-in', 'app-acl-out-reply', 'app-sg-port', 'app-sg-source', 'web-acl-in-reply'],
  out: ['no-nat', 'no-app-route', 'app-sg-out', 'app-acl-in-reply', 'no-web-route'],
} as const;

function acl(number: number, port: number, cidr: string): AclRule {
  return { number, action: 'allow', protocol: 'tcp', from: port, to: port, cidr };
}

function aclRange(number: number, range: { from: number; to: number }, cidr: string): AclRule {
  return { number, action: 'allow', protocol: 'tcp', ...range, cidr };
}

/**
 * The same network with every filter open and every route in place: the flow's full path,
 * every hop it would pass, so the choices can name each one whatever the real network drops.
 */
export function openNetwork(spec: NetSpec): NetSpec {
  const all: SgRule[] = [{ protocol: '-1', peer: '0.0.0.0/0' }];
  const allAcl = (a: AclSpec | undefined): AclSpec | undefined =>
    a && { inbound: [{ number: 100, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0' }], outbound: [{ number: 100, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0' }] };
  return {
    ...spec,
    webPublicIp: true,
    webRoute: true,
    nat: spec.nat || spec.flow.from === 'App',
    appRoute: spec.nat || spec.flow.from === 'App',
    webSg: { inbound: all },
    appSg: { inbound: all },
    webAcl: allAcl(spec.webAcl),
    appAcl: allAcl(spec.appAcl),
  };
}

export interface BuiltNetwork {
  readonly cloud: Cloud;
  readonly web: { readonly privateIp: string; readonly publicIp?: string };
  readonly app: { readonly privateIp: string };
}

/** The network in the virtual cloud. Logical ids: Vpc, Igw, WebSubnet, AppSubnet, WebRoutes, AppRoutes, WebAcl, AppAcl, WebSg, AppSg, Nat, Web, App. */
export function buildNetwork(spec: NetSpec): BuiltNetwork {
  const cloud = new Cloud('quiz-trace');
  const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
  const igw = cloud.createInternetGateway(REGION, { logicalId: 'Igw' }).id;
  cloud.attachInternetGateway({ vpcId: vpc, internetGatewayId: igw });
  const web = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: spec.webPublicIp }, { logicalId: 'WebSubnet' }).id;
  const app = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'AppSubnet' }).id;
  const webRoutes = cloud.createRouteTable({ vpcId: vpc }, { logicalId: 'WebRoutes' }).id;
  const appRoutes = cloud.createRouteTable({ vpcId: vpc }, { logicalId: 'AppRoutes' }).id;
  cloud.associateRouteTable({ subnetId: web, routeTableId: webRoutes });
  cloud.associateRouteTable({ subnetId: app, routeTableId: appRoutes });
  if (spec.webRoute) cloud.createRoute({ routeTableId: webRoutes, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw });
  if (spec.nat) {
    const eip = cloud.allocateElasticIp(REGION, { logicalId: 'NatEip' }).id;
    const nat = cloud.createNatGateway({ subnetId: web, allocationId: eip }, { logicalId: 'Nat' }).id;
    if (spec.appRoute) cloud.createRoute({ routeTableId: appRoutes, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat });
  }
  const groups = new Map<string, string>();
  for (const name of ['WebSg', 'AppSg']) {
    groups.set(name, cloud.createSecurityGroup({ vpcId: vpc, description: name }, { logicalId: name }).id);
  }
  for (const [name, g] of [['WebSg', spec.webSg], ['AppSg', spec.appSg]] as const) {
    const id = groups.get(name)!;
    const rule = (r: SgRule) => ({
      ipProtocol: r.protocol,
      ...(r.protocol === 'tcp' ? { fromPort: r.from, toPort: r.to } : {}),
      ...(groups.has(r.peer) ? { groupId: groups.get(r.peer) } : { cidrIp: r.peer }),
    });
    for (const r of g.inbound) cloud.addSecurityGroupRule(id, 'ingress', rule(r));
    if (g.outbound) {
      cloud.clearEgress(id);
      for (const r of g.outbound) cloud.addSecurityGroupRule(id, 'egress', rule(r));
    }
  }
  for (const [name, subnet, a] of [['WebAcl', web, spec.webAcl], ['AppAcl', app, spec.appAcl]] as const) {
    if (!a) continue;
    const id = cloud.createNetworkAcl({ vpcId: vpc }, { logicalId: name }).id;
    for (const [egress, rules] of [[false, a.inbound], [true, a.outbound]] as const) {
      for (const r of rules) {
        cloud.addNetworkAclEntry({
          networkAclId: id,
          ruleNumber: r.number,
          protocol: r.protocol,
          ruleAction: r.action,
          egress,
          cidrBlock: r.cidr,
          portRange: r.protocol === 'tcp' ? { From: r.from, To: r.to } : undefined,
        });
      }
    }
    cloud.associateNetworkAcl({ subnetId: subnet, networkAclId: id });
  }
  const eni = (logicalId: string, subnetId: string, group: string) =>
    cloud.interfaces.get(cloud.createInstance(REGION, { subnetId, securityGroupIds: [groups.get(group)!] }, { logicalId }).networkInterfaceIds[0])!;
  const w = eni('Web', web, 'WebSg');
  const a = eni('App', app, 'AppSg');
  return {
    cloud,
    web: { privateIp: formatIp(w.privateIp), ...(w.publicIp !== undefined ? { publicIp: formatIp(w.publicIp) } : {}) },
    app: { privateIp: formatIp(a.privateIp) },
  };
}

/** The network in a few short lines of Markdown, for an 80-column terminal. */
export function describeNetwork(spec: NetSpec, { web, app }: Pick<BuiltNetwork, 'web' | 'app'>): string {
  const lines = [
    'VPC 10.0.0.0/16 with internet gateway Igw' + (spec.nat ? ', and NAT gateway Nat in WebSubnet.' : '.'),
    '',
    `- WebSubnet 10.0.1.0/24, routes: 10.0.0.0/16 local${spec.webRoute ? ', 0.0.0.0/0 → Igw' : ''}; ACL ${spec.webAcl ? 'WebAcl' : 'default (allows all)'}`,
    `- AppSubnet 10.0.2.0/24, routes: 10.0.0.0/16 local${spec.appRoute ? ', 0.0.0.0/0 → Nat' : ''}; ACL ${spec.appAcl ? 'AppAcl' : 'default (allows all)'}`,
    `- Web ${web.privateIp}${web.publicIp ? `, public ${web.publicIp}` : ', no public address'}, in WebSubnet with WebSg`,
    `- App ${app.privateIp}, in AppSubnet with AppSg`,
    `- WebSg in: ${sgRules(spec.webSg.inbound, 'from')}; out: ${spec.webSg.outbound ? sgRules(spec.webSg.outbound, 'to') : 'all'}`,
    `- AppSg in: ${sgRules(spec.appSg.inbound, 'from')}; out: ${spec.appSg.outbound ? sgRules(spec.appSg.outbound, 'to') : 'all'}`,
  ];
  for (const [name, a] of [['WebAcl', spec.webAcl], ['AppAcl', spec.appAcl]] as const) {
    if (!a) continue;
    lines.push(`- ${name} in: ${aclRules(a.inbound, 'from')}, then deny all`);
    lines.push(`- ${name} out: ${aclRules(a.outbound, 'to')}, then deny all`);
  }
  return lines.join('\n');
}

function ports(r: { protocol: string; from?: number; to?: number }): string {
  if (r.protocol === '-1') return 'all';
  return r.from === r.to ? `tcp ${r.from}` : `tcp ${r.from}-${r.to}`;
}

function sgRules(rules: readonly SgRule[], word: 'from' | 'to'): string {
  return rules.map((r) => `${ports(r)} ${word} ${r.peer}`).join(', ');
}

function aclRules(rules: readonly AclRule[], word: 'from' | 'to'): string {
  return rules.map((r) => `${r.number} ${r.action} ${ports(r)} ${word} ${r.cidr}`).join(', ');
}

