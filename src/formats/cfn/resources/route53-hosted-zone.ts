import { createHostedZone } from '../../../engine/route53/index.js';
import { JSON_VALUE, list, obj, S } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::Route53::HostedZone → CreateHostedZone. Ref and Id are the zone id; NameServers the
 * public zone's four name servers (none for a private zone).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53-hostedzone.html
 */
export const hostedZone: ResourceType = {
  schema: schema(
    {
      HostedZoneConfig: obj({ Comment: S }),
      HostedZoneFeatures: JSON_VALUE,
      HostedZoneTags: list(obj({ Key: S, Value: S }, { required: ['Key', 'Value'] })),
      Name: S,
      QueryLoggingConfig: obj({ CloudWatchLogsLogGroupArn: S }, { required: ['CloudWatchLogsLogGroupArn'] }),
      VPCs: list(obj({ VPCId: S, VPCRegion: S }, { required: ['VPCId', 'VPCRegion'] })),
    },
    { required: ['Name'], readOnly: ['Id', 'NameServers'] },
  ),
  attributes: ['Id', 'NameServers'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const vpcs = Array.isArray(p.VPCs) ? (p.VPCs as Record<string, unknown>[]).map((v) => ({ vpcId: str(v, 'VPCId'), vpcRegion: str(v, 'VPCRegion') })) : undefined;
    const config = p.HostedZoneConfig as Record<string, unknown> | undefined;
    const z = createHostedZone(cloud, region, { name: str(p, 'Name'), vpcs, comment: config ? str(config, 'Comment') : undefined }, originOf(r));
    return { ref: z.zoneId, attributes: { Id: z.zoneId, NameServers: z.nameServers } };
  },
};
