import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { AUTOSCALING } from './kinds.js';

/**
 * ASG-01: launch templates (EC2's) and launch configurations: what an
 * auto scaling group launches — image, type, security groups, network interfaces and the
 * public address. A template made by CloudFormation has one version, 1, both latest and default.
 */

export interface LaunchInterface {
  deviceIndex: number;
  groups: string[];
  subnetId?: string;
  associatePublicIpAddress?: boolean;
}

export interface LaunchData {
  imageId?: string;
  instanceType?: string;
  securityGroupIds: string[];
  networkInterfaces: LaunchInterface[];
  /** From a launch configuration's AssociatePublicIpAddress (a template says it in its interface). */
  associatePublicIpAddress?: boolean;
  keyName?: string;
  userData?: string;
}

export interface LaunchTemplate extends Named {
  name: string;
  versions: LaunchData[];
  latestVersion: number;
  defaultVersion: number;
}

export interface LaunchConfiguration extends Named {
  name: string;
  data: LaunchData;
}

export interface LaunchTemplateDataSpec {
  imageId?: string;
  instanceType?: string;
  instanceRequirements?: boolean;
  securityGroupIds?: string[];
  securityGroups?: string[];
  networkInterfaces?: { deviceIndex?: number; groups?: string[]; subnetId?: string; associatePublicIpAddress?: boolean; networkInterfaceId?: string }[];
  keyName?: string;
  userData?: string;
}

const NAME = /^[a-zA-Z0-9()./_-]{3,128}$/;
const base = 'LaunchTemplateData';

function launchData(d: LaunchTemplateDataSpec | undefined): LaunchData {
  if (!d) throw new CloudError('MissingParameter', 'a launch template needs LaunchTemplateData', base);
  if (d.instanceType !== undefined && d.instanceRequirements) {
    throw new CloudError('InvalidParameterCombination', 'give InstanceType or InstanceRequirements, not both', [base, 'InstanceRequirements']);
  }
  // An image id, or a Systems Manager parameter: `resolve:ssm:…`, or the parameter's name as the
  // loader passes an AWS::SSM::Parameter::Value<…> parameter it cannot look up.
  if (d.imageId !== undefined && !/^(ami-[0-9a-f]{8,17}|resolve:ssm:.+|\/.+)$/.test(d.imageId)) {
    throw new CloudError('InvalidAMIID.Malformed', `ImageId "${d.imageId}" is not an image id (ami-0123456789abcdef0) or a Systems Manager parameter (resolve:ssm:parameter-name)`, [base, 'ImageId']);
  }
  if (d.securityGroupIds?.length && d.securityGroups?.length) {
    throw new CloudError('InvalidParameterCombination', 'give SecurityGroupIds or SecurityGroups, not both', [base, 'SecurityGroups']);
  }
  if (d.securityGroups?.length) {
    throw new CloudError('InvalidParameterCombination', 'SecurityGroups takes group names, which only work in a default VPC; in your own VPC give SecurityGroupIds', [base, 'SecurityGroups']);
  }
  const nis = d.networkInterfaces ?? [];
  if (nis.length && d.securityGroupIds?.length) {
    throw new CloudError('InvalidParameterCombination', 'with NetworkInterfaces, put the security groups in each interface\'s Groups, not in SecurityGroupIds', [base, 'SecurityGroupIds']);
  }
  if (d.userData !== undefined && d.userData.length > 16 * 1024) {
    throw new CloudError('InvalidUserData.Malformed', 'UserData is at most 16 KB', [base, 'UserData']);
  }
  nis.forEach((n, i) => {
    if (n.networkInterfaceId !== undefined) {
      throw new CloudError('InvalidParameterValue', 'an auto scaling group makes a new interface for each instance; a launch template for it cannot name an existing NetworkInterfaceId', [base, 'NetworkInterfaces', i, 'NetworkInterfaceId']);
    }
  });
  for (const g of d.securityGroupIds ?? []) if (typeof g !== 'string' || !g) throw new CloudError('InvalidParameterValue', 'SecurityGroupIds holds group ids', [base, 'SecurityGroupIds']);
  return {
    imageId: d.imageId,
    instanceType: d.instanceType,
    securityGroupIds: [...(d.securityGroupIds ?? [])],
    networkInterfaces: nis.map((n) => ({ deviceIndex: n.deviceIndex ?? 0, groups: [...(n.groups ?? [])], subnetId: n.subnetId, associatePublicIpAddress: n.associatePublicIpAddress })),
    keyName: d.keyName,
    userData: d.userData,
  };
}

/** CreateLaunchTemplate. */
export function createLaunchTemplate(cloud: Cloud, region: string, spec: { name?: string; data?: LaunchTemplateDataSpec }, origin?: Origin): LaunchTemplate {
  const id = cloud.newId('lt', region, origin, 'launch-template');
  const name = spec.name ?? `${origin?.logicalId ?? 'lt'}-${id.slice(3, 15)}`;
  if (!NAME.test(name)) {
    throw new CloudError('InvalidLaunchTemplateName.MalformedException', `launch template name "${name}" is not valid: 3 to 128 letters, digits and ( ) . / _ -`, 'LaunchTemplateName');
  }
  for (const t of cloud.table(AUTOSCALING.launchTemplate).values()) {
    if (t.region === region && t.name === name) {
      throw new CloudError('InvalidLaunchTemplateName.AlreadyExistsException', `a launch template named "${name}" already exists in ${region}`, 'LaunchTemplateName');
    }
  }
  const lt: LaunchTemplate = { ...named(id, region, origin), name, versions: [launchData(spec.data)], latestVersion: 1, defaultVersion: 1 };
  cloud.table(AUTOSCALING.launchTemplate).set(id, lt);
  return lt;
}

/** CreateLaunchConfiguration (the older way; AWS recommends launch templates). */
export function createLaunchConfiguration(
  cloud: Cloud,
  region: string,
  spec: { name?: string; imageId?: string; instanceType?: string; securityGroups?: string[]; associatePublicIpAddress?: boolean; keyName?: string; userData?: string },
  origin?: Origin,
): LaunchConfiguration {
  if (!spec.imageId) throw new CloudError('ValidationError', 'a launch configuration needs ImageId', 'ImageId');
  if (!spec.instanceType) throw new CloudError('ValidationError', 'a launch configuration needs InstanceType', 'InstanceType');
  const id = cloud.newId('lc', region, origin, 'launch-configuration');
  const name = spec.name ?? `${origin?.logicalId ?? 'lc'}-${id.slice(3, 15).toUpperCase()}`;
  for (const c of cloud.table(AUTOSCALING.launchConfiguration).values()) {
    if (c.region === region && c.name === name) throw new CloudError('AlreadyExists', `a launch configuration named "${name}" already exists in ${region}`, 'LaunchConfigurationName');
  }
  const lc: LaunchConfiguration = {
    ...named(name, region, origin),
    name,
    data: { imageId: spec.imageId, instanceType: spec.instanceType, securityGroupIds: [...(spec.securityGroups ?? [])], networkInterfaces: [], associatePublicIpAddress: spec.associatePublicIpAddress, keyName: spec.keyName, userData: spec.userData },
  };
  cloud.table(AUTOSCALING.launchConfiguration).set(name, lc);
  return lc;
}

/** The data of the version an auto scaling group asks for: a number, `$Latest` or `$Default` (ASG-01). */
export function templateVersion(lt: LaunchTemplate, version: string | undefined, field: (string | number)[]): { number: number; data: LaunchData } {
  if (version === undefined || version === '') {
    throw new CloudError('ValidationError', `LaunchTemplate needs a Version: a number, $Latest or $Default, such as the LatestVersionNumber of ${lt.logicalId ?? lt.name}`, field);
  }
  const n = version === '$Latest' ? lt.latestVersion : version === '$Default' ? lt.defaultVersion : Number(version);
  if (!Number.isInteger(n) || n < 1 || n > lt.versions.length) {
    throw new CloudError('ValidationError', `launch template ${lt.logicalId ?? lt.name} has no version "${version}"; its versions are 1 to ${lt.latestVersion}, $Latest and $Default`, field);
  }
  return { number: n, data: lt.versions[n - 1] };
}
