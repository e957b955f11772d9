import { DEFAULT_ACCOUNT_ID } from '../resolve.js';
import { I, list, obj, S, TAGS } from '../schema.js';
import { originOf } from './props.js';
import { ipv6HostBits } from './reference-warnings.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::PrefixList → CreateManagedPrefixList. */
export const prefixList: ResourceType = {
  schema: schema(
    { AddressFamily: S, Entries: list(obj({ Cidr: S, Description: S }, { required: ['Cidr'] })), MaxEntries: I, PrefixListName: S, Tags: TAGS },
    { required: ['AddressFamily', 'PrefixListName'], readOnly: ['Arn', 'OwnerId', 'PrefixListId', 'Version'] },
  ),
  attributes: ['Arn', 'OwnerId', 'PrefixListId', 'Version'],
  create({ cloud, region, warn }, r) {
    const p = r.properties;
    const entries = Array.isArray(p.Entries) ? (p.Entries as { Cidr?: unknown; Description?: unknown }[]).map((e) => ({ cidr: e.Cidr, description: e.Description })) : [];
    entries.forEach((e, i) => {
      const hb = ipv6HostBits(r.logicalId, e.cidr, ['Entries', i, 'Cidr']);
      if (hb) warn(hb);
    });
    const l = cloud.createManagedPrefixList(region, { prefixListName: p.PrefixListName, addressFamily: p.AddressFamily, maxEntries: p.MaxEntries, entries }, originOf(r));
    return {
      ref: l.id,
      attributes: { PrefixListId: l.id, Arn: `arn:aws:ec2:${region}:${DEFAULT_ACCOUNT_ID}:prefix-list/${l.id}`, OwnerId: DEFAULT_ACCOUNT_ID, Version: 1 },
    };
  },
};
