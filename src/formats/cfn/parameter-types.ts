/** The parameter types CloudFormation accepts (Parameters section, `Type:`). */

const AWS_SPECIFIC = [
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
];

const LISTABLE = AWS_SPECIFIC.filter((t) => t !== 'AWS::EC2::KeyPair::KeyName');

export const PLAIN_PARAMETER_TYPES: readonly string[] = [
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  ...AWS_SPECIFIC,
  ...LISTABLE.map((t) => `List<${t}>`),
  'AWS::SSM::Parameter::Name',
];

const SSM_VALUE = /^AWS::SSM::Parameter::Value<(.+)>$/;

export interface ParameterKind {
  /** Ref gives a list (List<…>, CommaDelimitedList) rather than a string. */
  list: boolean;
  /** Values are numbers (Number, List<Number>). */
  numeric: boolean;
  /** Values are read from Systems Manager Parameter Store in AWS. */
  ssm: boolean;
  /** An availability zone name, checked against the region's zones. */
  zone: boolean;
}

/** What a parameter type means, or undefined when CloudFormation has no such type. */
export function parameterKind(type: string): ParameterKind | undefined {
  const ssm = SSM_VALUE.exec(type);
  if (ssm) {
    const inner = ssm[1];
    if (inner !== 'String' && inner !== 'List<String>' && !PLAIN_PARAMETER_TYPES.includes(inner)) return undefined;
    const kind = parameterKind(inner === 'String' ? 'String' : inner === 'List<String>' ? 'CommaDelimitedList' : inner);
    return kind && { ...kind, ssm: true, zone: false };
  }
  if (!PLAIN_PARAMETER_TYPES.includes(type)) return undefined;
  return {
    list: type.startsWith('List<') || type === 'CommaDelimitedList',
    numeric: type === 'Number' || type === 'List<Number>',
    ssm: false,
    zone: type === 'AWS::EC2::AvailabilityZone::Name' || type === 'List<AWS::EC2::AvailabilityZone::Name>',
  };
}

/** The parameter types that name a resource of the region, and the resource type each names. */
const RESOURCE_PARAMETER_TYPES: Readonly<Record<string, string>> = {
  'AWS::EC2::VPC::Id': 'AWS::EC2::VPC',
  'AWS::EC2::Subnet::Id': 'AWS::EC2::Subnet',
  'AWS::EC2::SecurityGroup::Id': 'AWS::EC2::SecurityGroup',
  'AWS::EC2::Instance::Id': 'AWS::EC2::Instance',
};

/** The resource type a parameter of this type names (List<…> forms too), if any. */
export function resourceParameterType(type: string): string | undefined {
  const inner = /^List<(.+)>$/.exec(type)?.[1] ?? type;
  return Object.prototype.hasOwnProperty.call(RESOURCE_PARAMETER_TYPES, inner) ? RESOURCE_PARAMETER_TYPES[inner] : undefined;
}
