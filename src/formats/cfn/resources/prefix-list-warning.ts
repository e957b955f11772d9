import type { BuildWarning } from './resource-type.js';

/**
 * The warning for a reference to a prefix list the virtual cloud does not hold: an
 * AWS-managed list (S3, DynamoDB, CloudFront's origin-facing list, …) whose entries AWS
 * changes over time and which cannot be known offline.
 */
export function prefixListNotKnown(logicalId: string, id: string, path: (string | number)[]): BuildWarning {
  return {
    logicalId,
    code: 'PrefixListNotKnown',
    message: `${id} is not a prefix list of this submission; AWS-managed lists are not known offline, so this ${path.includes('DestinationPrefixListId') && path.length === 1 ? 'route' : 'rule'} matches no address in traces and reach (declare the list as an AWS::EC2::PrefixList to have it traced)`,
    path,
  };
}
