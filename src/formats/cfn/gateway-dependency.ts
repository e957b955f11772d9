import { child, type TemplateResource, type TNode } from './model.js';
import type { Report } from './sink.js';

/**
 * aws-semantics 35: CloudFormation creates resources in parallel as soon as what they refer
 * to exists. A route to an internet gateway, an elastic IP for the VPC or an instance with a
 * public address may then be created before the gateway is attached to the VPC, and fail.
 * AWS's documentation asks for `DependsOn: <the VPCGatewayAttachment>` on them
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html,
 * "When a DependsOn attribute is required"). The virtual cloud creates resources one at a
 * time in an order that works, so it only warns.
 */
export function gatewayDependencyWarnings(
  resources: readonly TemplateResource[],
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): Report[] {
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const attachments = resources
    .filter((r) => r.type === 'AWS::EC2::VPCGatewayAttachment' && edges.has(r.logicalId))
    .map((r) => ({ id: r.logicalId, gateway: refTarget(prop(r, 'InternetGatewayId')), vpc: refTarget(prop(r, 'VpcId')) }))
    .filter((a) => a.gateway !== undefined && byId.get(a.gateway)?.type === 'AWS::EC2::InternetGateway');
  if (attachments.length === 0) return [];

  const closure = new Map<string, Set<string>>();
  const reaches = (from: string): Set<string> => {
    const known = closure.get(from);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [...(edges.get(from) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(edges.get(id) ?? []));
    }
    closure.set(from, seen);
    return seen;
  };
  const vpcOf = (r: TemplateResource | undefined, depth = 0): string | undefined => {
    if (!r || depth > 3) return undefined;
    if (r.type === 'AWS::EC2::VPC') return r.logicalId;
    const direct = refTarget(prop(r, 'VpcId'));
    if (direct) return direct;
    const subnet = refTarget(prop(r, 'SubnetId')) ?? refTarget(prop(r, 'RouteTableId'));
    return subnet ? vpcOf(byId.get(subnet), depth + 1) : undefined;
  };

  const out: Report[] = [];
  for (const r of resources) {
    if (!edges.has(r.logicalId)) continue;
    let needed: typeof attachments = [];
    let what = '';
    if (r.type === 'AWS::EC2::Route') {
      const gateway = refTarget(prop(r, 'GatewayId'));
      needed = attachments.filter((a) => a.gateway === gateway);
      what = `the route to ${gateway}`;
    } else if (r.type === 'AWS::EC2::EIP' && isText(prop(r, 'Domain'), 'vpc')) {
      const instance = byId.get(refTarget(prop(r, 'InstanceId')) ?? '');
      // An instance of the default VPC uses its gateway, attached since the account exists.
      if (instance?.type === 'AWS::EC2::Instance' && landsInDefaultVpc(instance)) continue;
      const vpc = vpcOf(instance);
      needed = vpc ? attachments.filter((a) => a.vpc === vpc) : attachments;
      what = 'the elastic IP';
    } else if (r.type === 'AWS::EC2::Instance' && !landsInDefaultVpc(r) && isPublicInstance(r, byId)) {
      const vpc = vpcOf(r) ?? vpcOf(byId.get(refTarget(firstInterfaceSubnet(r)) ?? ''));
      needed = vpc ? attachments.filter((a) => a.vpc === vpc) : attachments;
      what = 'the instance, which has a public address,';
    }
    if (needed.length === 0) continue;
    const after = reaches(r.logicalId);
    if (needed.some((a) => after.has(a.id))) continue;
    const a = needed[0];
    out.push({
      code: 'MissingDependsOn',
      message: `${what} does not depend on ${a.id}, so CloudFormation may create it before ${a.gateway} is attached to the VPC, and it then fails; add DependsOn: ${a.id}`,
      loc: r.loc,
      logicalId: r.logicalId,
    });
  }
  return out;
}

function prop(r: TemplateResource, key: string): TNode | undefined {
  return r.properties ? child(r.properties, key) : undefined;
}

/** The logical id named by `!Ref X` or `!GetAtt X.Attr`. */
function refTarget(node: TNode | undefined): string | undefined {
  if (!node || node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const [e] = node.entries;
  if (e.key === 'Ref' && e.value.kind === 'scalar' && typeof e.value.value === 'string') return e.value.value;
  if (e.key === 'Fn::GetAtt') {
    const v = e.value;
    if (v.kind === 'scalar' && typeof v.value === 'string') return v.value.split('.')[0];
    if (v.kind === 'seq' && v.items[0]?.kind === 'scalar' && typeof v.items[0].value === 'string') return v.items[0].value;
  }
  return undefined;
}

function isText(node: TNode | undefined, text: string): boolean {
  return node?.kind === 'scalar' && String(node.value).toLowerCase() === text;
}

function isTrue(node: TNode | undefined): boolean {
  return node?.kind === 'scalar' && (node.value === true || String(node.value).toLowerCase() === 'true');
}

function firstInterfaceSubnet(r: TemplateResource): TNode | undefined {
  const nics = prop(r, 'NetworkInterfaces');
  if (nics?.kind !== 'seq') return undefined;
  const first = nics.items[0];
  return first?.kind === 'map' ? child(first, 'SubnetId') : undefined;
}

/** An instance with no subnet anywhere lands in the default VPC (aws-semantics 32), whose gateway is always attached. */
function landsInDefaultVpc(r: TemplateResource): boolean {
  if (prop(r, 'SubnetId')) return false;
  const nics = prop(r, 'NetworkInterfaces');
  if (nics === undefined) return true;
  if (nics.kind !== 'seq') return false;
  return !nics.items.some((n) => n.kind !== 'map' || child(n, 'SubnetId') !== undefined || child(n, 'NetworkInterfaceId') !== undefined);
}

/** A public address from the interface's AssociatePublicIpAddress or the subnet's MapPublicIpOnLaunch. */
function isPublicInstance(r: TemplateResource, byId: ReadonlyMap<string, TemplateResource>): boolean {
  const nics = prop(r, 'NetworkInterfaces');
  if (nics?.kind === 'seq') {
    const first = nics.items[0];
    if (first?.kind === 'map') {
      const assoc = child(first, 'AssociatePublicIpAddress');
      if (assoc) return isTrue(assoc);
    }
  }
  const subnet = byId.get(refTarget(prop(r, 'SubnetId') ?? firstInterfaceSubnet(r)) ?? '');
  return subnet?.type === 'AWS::EC2::Subnet' && isTrue(prop(subnet, 'MapPublicIpOnLaunch'));
}
