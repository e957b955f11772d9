import type { StackSetFile } from './cfn/index.js';
import { nearest } from './cfn/suggest.js';
import type { DeclaredResource } from './load-submission.js';

const NOUN: Readonly<Record<string, string>> = {
  'AWS::EC2::VPC': 'VPC',
  'AWS::EC2::Subnet': 'subnet',
  'AWS::EC2::SecurityGroup': 'security group',
  'AWS::EC2::Instance': 'instance',
};

/**
 * aws-semantics 36: a parameter of type AWS::EC2::VPC::Id (Subnet::Id, SecurityGroup::Id,
 * Instance::Id and their lists) names a resource that already exists in the region. In a
 * submission that is a resource another stack of the region created: named by its physical
 * id (vpc-…), its logical id when no other stack of the region uses it, or its logical id
 * qualified with its stack (network/VPC, us-east-1/network/VPC). `created` grows as stacks
 * load, so a stack sees the resources of the stacks loaded before it.
 */
export function resourceParameterResolver(
  created: readonly DeclaredResource[],
  f: StackSetFile,
): (resourceType: string, value: string) => { id: string } | { error: string } {
  return (resourceType, value) => {
    const noun = NOUN[resourceType] ?? resourceType;
    const here = created.filter((d) => d.region === f.region && d.type === resourceType && d.ref !== undefined);
    const byPhysical = here.find((d) => d.ref === value);
    if (byPhysical) return { id: byPhysical.ref! };
    const name = (d: DeclaredResource) => (d.stack ? `${d.stack}/${d.logicalId}` : d.logicalId);
    const matches = here.filter(
      (d) => d.logicalId === value || name(d) === value || `${d.region}/${name(d)}` === value || `${d.region}/${d.logicalId}` === value,
    );
    if (matches.length === 1) return { id: matches[0].ref! };
    if (matches.length > 1) {
      return { error: `names ${matches.length} ${noun}s of ${f.region}; write one of ${matches.map(name).join(', ')}` };
    }
    const names = here.map(name);
    const guess = nearest(value, [...names, ...here.map((d) => d.ref!)]);
    const list = here
      .slice(0, 6)
      .map((d) => `${name(d)} (${d.ref})`)
      .join(', ');
    return {
      error:
        here.length === 0
          ? `is not a ${noun} of ${f.region}: the ${noun} must already exist, and ${f.stack ? `no stack of the submission loaded before ${f.stack} creates one there` : 'the submission creates none there before this template'} (put the stack that makes it in ${f.region}/ beside this one, and name the ${noun} by its logical id so that stack loads first)`
          : `is not a ${noun} of ${f.region}${guess ? `; did you mean ${guess}?` : ''} (the ${noun}s there: ${list}${here.length > 6 ? ', …' : ''})`,
    };
  };
}
