import { createDbSubnetGroup } from '../../../engine/rds/index.js';
import { list, S, TAGS } from '../schema.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::RDS::DBSubnetGroup → CreateDBSubnetGroup. Ref is the group's name.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbsubnetgroup.html
 */
export const dbSubnetGroup: ResourceType = {
  schema: schema({ DBSubnetGroupDescription: S, DBSubnetGroupName: S, SubnetIds: list(S), Tags: TAGS }, { required: ['DBSubnetGroupDescription', 'SubnetIds'] }),
  attributes: [],
  create({ cloud, region }, r) {
    const p = r.properties;
    const g = createDbSubnetGroup(cloud, region, { name: str(p, 'DBSubnetGroupName'), description: str(p, 'DBSubnetGroupDescription'), subnetIds: strList(p, 'SubnetIds') ?? [] }, originOf(r));
    return { ref: g.name, attributes: {} };
  },
};
