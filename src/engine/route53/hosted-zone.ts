import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { isRegion } from '../regions.js';
import { named, type Named, type Origin } from '../store.js';
import { ROUTE53 } from './kinds.js';
import { checkDomainName, fqdn, hostedZoneId, nameServers } from './names.js';

/**
 * Hosted zones (R53-01, R53-02): public ones answer the internet; private ones answer only
 * queries from the VPCs associated with them, when those VPCs have DNS support and DNS
 * hostnames on. A zone the submission names but does not create is assumed to exist.
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zones-private.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53-hostedzone.html
 */
export interface HostedZone extends Named {
  /** The hosted zone id (Z0…); what Ref returns. */
  zoneId: string;
  /** Lower case, no trailing dot; empty for a zone assumed by its id alone. */
  name: string;
  private: boolean;
  vpcs: { vpcId: string; vpcRegion: string }[];
  nameServers: string[];
  comment?: string;
  /** Named by the submission (HostedZoneName or HostedZoneId) but not created by it. */
  assumed: boolean;
}

export interface HostedZoneSpec {
  name?: string;
  vpcs?: { vpcId?: string; vpcRegion?: string }[];
  comment?: string;
}

/** CreateHostedZone. */
export function createHostedZone(cloud: Cloud, region: string, spec: HostedZoneSpec, origin?: Origin): HostedZone {
  if (spec.name === undefined || spec.name === '') throw new CloudError('InvalidDomainName', 'a hosted zone needs Name, the domain (example.com)', 'Name');
  const name = checkDomainName(spec.name, 'Name');
  if (!name.includes('.')) {
    throw new CloudError('InvalidDomainName', `${name} is a top-level domain; Route 53 makes no hosted zone for a top-level domain: give your domain (example.${name})`, 'Name');
  }
  const vpcs = (spec.vpcs ?? []).map((v, i) => {
    if (!v.vpcId) throw new CloudError('InvalidInput', 'each VPCs entry of a private hosted zone needs VPCId', ['VPCs', i, 'VPCId']);
    if (!v.vpcRegion) throw new CloudError('InvalidInput', 'each VPCs entry of a private hosted zone needs VPCRegion', ['VPCs', i, 'VPCRegion']);
    if (!isRegion(v.vpcRegion)) throw new CloudError('InvalidVPCId', `VPCRegion "${v.vpcRegion}" is not a region`, ['VPCs', i, 'VPCRegion']);
    // A VPC of another region may come from a template loaded later: checked in checks.ts.
    const vpc = cloud.vpcs.get(v.vpcId);
    if (vpc && vpc.region !== v.vpcRegion) {
      throw new CloudError('InvalidVPCId', `VPC ${vpc.logicalId ?? vpc.id} is in ${vpc.region}, not in VPCRegion ${v.vpcRegion}`, ['VPCs', i, 'VPCRegion']);
    }
    if (!vpc && v.vpcRegion === region) {
      throw new CloudError('InvalidVPCId', `VPC ${v.vpcId} does not exist in ${region}`, ['VPCs', i, 'VPCId']);
    }
    return { vpcId: v.vpcId, vpcRegion: v.vpcRegion };
  });
  const isPrivate = vpcs.length > 0;
  for (const z of cloud.table(ROUTE53.hostedZone).values()) {
    if (z.name === name && z.private === isPrivate && !z.assumed && (!isPrivate || z.vpcs.some((a) => vpcs.some((b) => a.vpcId === b.vpcId)))) {
      throw new CloudError('ConflictingDomainExists', `${z.logicalId ?? z.zoneId} already hosts ${name}${isPrivate ? ' for the same VPC' : ''}; a VPC can be associated with only one private zone of a name`, 'Name');
    }
  }
  const zoneId = uniqueZoneId(cloud, `${origin?.logicalId ?? cloud.nextAnonymous()}/${name}`);
  const zone: HostedZone = {
    ...named(zoneId, region, origin),
    zoneId,
    name,
    private: isPrivate,
    vpcs,
    nameServers: isPrivate ? [] : nameServers(cloud.seed, `${zoneId}/${name}`),
    ...(spec.comment !== undefined ? { comment: spec.comment } : {}),
    assumed: false,
  };
  cloud.table(ROUTE53.hostedZone).set(zoneId, zone);
  return zone;
}

function uniqueZoneId(cloud: Cloud, name: string): string {
  for (let i = 0; ; i++) {
    const id = hostedZoneId(cloud.seed, i ? `${name}#${i}` : name);
    if (!cloud.table(ROUTE53.hostedZone).has(id)) return id;
  }
}

/** The zone a record set names: by HostedZoneId, else by HostedZoneName; one the submission does not create is assumed (public). */
export function zoneFor(cloud: Cloud, region: string, spec: { hostedZoneId?: string; hostedZoneName?: string }): { zone: HostedZone; assumed?: string } {
  const table = cloud.table(ROUTE53.hostedZone);
  if (spec.hostedZoneId !== undefined && spec.hostedZoneName !== undefined) {
    throw new CloudError('InvalidInput', 'give HostedZoneId or HostedZoneName, not both', 'HostedZoneName');
  }
  if (spec.hostedZoneId !== undefined) {
    const id = spec.hostedZoneId.replace(/^\/hostedzone\//, '');
    const z = table.get(id);
    if (z) return { zone: z };
    if (!/^Z[A-Z0-9]{1,31}$/.test(id)) throw new CloudError('NoSuchHostedZone', `No hosted zone found with ID: ${id} (hosted zone ids look like Z0123456789ABCDEFGHIJ)`, 'HostedZoneId');
    const zone: HostedZone = { ...named(id, region), zoneId: id, name: '', private: false, vpcs: [], nameServers: [], assumed: true };
    table.set(id, zone);
    return { zone, assumed: `the hosted zone ${id} is not created by the submission; it is assumed to exist (a zone you already own)` };
  }
  if (spec.hostedZoneName === undefined) throw new CloudError('InvalidInput', 'a record set needs HostedZoneId or HostedZoneName', 'HostedZoneId');
  const name = checkDomainName(spec.hostedZoneName, 'HostedZoneName', 'InvalidInput');
  const matching = [...table.values()].filter((z) => z.name === name);
  if (matching.length > 1) {
    throw new CloudError('InvalidInput', `several hosted zones are named ${name} (${matching.map((z) => `${z.logicalId ?? z.zoneId}${z.private ? ', private' : ''}`).join('; ')}); name the zone by HostedZoneId`, 'HostedZoneName');
  }
  if (matching.length === 1) return { zone: matching[0] };
  const id = uniqueZoneId(cloud, `assumed/${name}`);
  const zone: HostedZone = { ...named(id, region), zoneId: id, name, private: false, vpcs: [], nameServers: nameServers(cloud.seed, `${id}/${name}`), assumed: true };
  table.set(id, zone);
  return { zone, assumed: `the hosted zone ${fqdn(name)}. is not created by the submission; it is assumed to exist as a public zone (the domain you already own)` };
}
