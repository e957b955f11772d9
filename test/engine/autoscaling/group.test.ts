import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/engine/address.js';
import { createAutoScalingGroup } from '../../../src/engine/autoscaling/group.js';
import { createLaunchConfiguration, createLaunchTemplate } from '../../../src/engine/autoscaling/launch-template.js';
import { placeInstances } from '../../../src/engine/autoscaling/placement.js';
import { createTargetGroup } from '../../../src/engine/elbv2/target-group.js';
import { code, network, REGION } from '../elbv2/support.js';

function setup() {
  const n = network();
  const lt = createLaunchTemplate(n.cloud, REGION, { data: { imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', securityGroupIds: [n.webSg] } }, { logicalId: 'WebTemplate' });
  const tg = createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId: n.vpc.id }, { logicalId: 'WebTargets' });
  const base = { minSize: '1', maxSize: '4', vpcZoneIdentifier: [n.privateA, n.privateB], launchTemplate: { launchTemplateId: lt.id, version: '1' } };
  return { ...n, lt, tg, base };
}

describe('launch templates', () => {
  it('ASG-01: LaunchTemplateData is required; SecurityGroupIds or SecurityGroups, not both; groups inside NetworkInterfaces when given', () => {
    const n = network();
    expect(code(() => createLaunchTemplate(n.cloud, REGION, {}))).toBe('MissingParameter');
    expect(code(() => createLaunchTemplate(n.cloud, REGION, { data: { securityGroupIds: [n.webSg], securityGroups: ['web'] } }))).toBe('InvalidParameterCombination');
    expect(code(() => createLaunchTemplate(n.cloud, REGION, { data: { securityGroupIds: [n.webSg], networkInterfaces: [{ deviceIndex: 0, groups: [n.webSg] }] } }))).toBe('InvalidParameterCombination');
    expect(code(() => createLaunchTemplate(n.cloud, REGION, { data: { imageId: 'my-image' } }))).toBe('InvalidAMIID.Malformed');
    expect(code(() => createLaunchTemplate(n.cloud, REGION, { data: { imageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' } }))).toBe('no error');
    const lt = createLaunchTemplate(n.cloud, REGION, { name: 'web', data: { instanceType: 't3.small' } });
    expect([lt.latestVersion, lt.defaultVersion, lt.id]).toEqual([1, 1, expect.stringMatching(/^lt-[0-9a-f]{17}$/)]);
    expect(code(() => createLaunchTemplate(n.cloud, REGION, { name: 'web', data: {} }))).toBe('InvalidLaunchTemplateName.AlreadyExistsException');
  });
});

describe('auto scaling groups', () => {
  it('ASG-02: MinSize ≤ DesiredCapacity ≤ MaxSize, given as numbers or text; desired defaults to MinSize', () => {
    const s = setup();
    let i = 0;
    const group = (extra: object) => code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: `g${i++}`, ...extra }));
    expect(group({ minSize: 4, maxSize: 10, desiredCapacity: 2 })).toBe('ValidationError');
    expect(group({ minSize: 5, maxSize: 2 })).toBe('ValidationError');
    expect(group({ minSize: 'two' })).toBe('ValidationError');
    expect(group({ minSize: -1 })).toBe('ValidationError');
    expect(group({ minSize: undefined })).toBe('ValidationError');
    expect(group({ healthCheckType: 'HTTP' })).toBe('ValidationError');
    expect(group({ maxInstanceLifetime: 3600 })).toBe('ValidationError');
    const g = createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'ok', minSize: '2', maxSize: 6 });
    expect([g.minSize, g.desiredCapacity, g.maxSize, g.healthCheckType, g.healthCheckGracePeriod, g.cooldown]).toEqual([2, 2, 6, 'EC2', 0, 300]);
    expect(g.instanceIds).toHaveLength(2);
    expect(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'msg', minSize: 4, maxSize: 10, desiredCapacity: 2 })).toThrow('Desired capacity:2 must be between the specified min size:4 and max size:10');
  });

  it('ASG-02: exactly one of LaunchTemplate, MixedInstancesPolicy, LaunchConfigurationName, InstanceId; VPCZoneIdentifier needed', () => {
    const s = setup();
    const ref = { launchTemplateId: s.lt.id, version: '1' };
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, launchTemplate: undefined }))).toBe('ValidationError');
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, mixedInstancesTemplate: ref }))).toBe('ValidationError');
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, vpcZoneIdentifier: undefined, availabilityZones: ['us-east-1a'] }))).toBe('ValidationError');
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'mixed', launchTemplate: undefined, mixedInstancesTemplate: ref }))).toBe('no error');
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'mixed' }))).toBe('AlreadyExists');
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, availabilityZones: ['us-east-1a', 'us-east-1c'] }))).toBe('ValidationError');
    const lc = createLaunchConfiguration(s.cloud, REGION, { name: 'old', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', securityGroups: [s.webSg], associatePublicIpAddress: false });
    const g = createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'lc', launchTemplate: undefined, launchConfigurationName: lc.name });
    expect(g.launch).toEqual({ kind: 'launch-configuration', name: 'old' });
  });

  it('ASG-01: the launch template version: a number, $Latest or $Default; one of LaunchTemplateId and LaunchTemplateName', () => {
    const s = setup();
    let i = 0;
    const group = (launchTemplate: object) => code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: `v${i++}`, launchTemplate }));
    expect(group({ launchTemplateId: s.lt.id, version: '1' })).toBe('no error');
    expect(group({ launchTemplateId: s.lt.id, version: '$Latest' })).toBe('no error');
    expect(group({ launchTemplateName: s.lt.name, version: '$Default' })).toBe('no error');
    expect(group({ launchTemplateId: s.lt.id, version: '2' })).toBe('ValidationError');
    expect(group({ launchTemplateId: s.lt.id })).toBe('ValidationError');
    expect(group({ launchTemplateId: s.lt.id, launchTemplateName: s.lt.name, version: '1' })).toBe('ValidationError');
    expect(group({ launchTemplateId: 'lt-00000000000000000', version: '1' })).toBe('InvalidLaunchTemplateId.NotFound');
    expect(group({ launchTemplateName: 'nope', version: '1' })).toBe('InvalidLaunchTemplateName.NotFoundException');
  });

  it('ASG-05: instances go to the zone with the fewest, ties by zone name, subnets of a zone in turn', () => {
    const s = setup();
    const extraA = s.cloud.createSubnet({ vpcId: s.vpc.id, cidrBlock: '10.0.12.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'PrivateA2' }).id;
    const subnets = [s.privateB, s.privateA, extraA].map((id) => s.cloud.subnets.get(id)!);
    expect(placeInstances(subnets, 5).map((x) => x.logicalId)).toEqual(['PrivateA', 'PrivateB', 'PrivateA2', 'PrivateB', 'PrivateA']);
    const g = createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'spread', minSize: 5, maxSize: 5, vpcZoneIdentifier: [s.privateA, s.privateB] });
    const zones = g.instanceIds.map((id) => s.cloud.instances.get(id)!.availabilityZone);
    expect(zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1a', 'us-east-1b', 'us-east-1a']);
  });

  it('ASG-03: the group\'s instances exist at desired capacity as EC2 instances, named Group-1…, tagged with the group, with the template\'s groups', () => {
    const s = setup();
    const g = createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'web-asg', desiredCapacity: 3 }, { logicalId: 'WebGroup' });
    const insts = g.instanceIds.map((id) => s.cloud.instances.get(id)!);
    expect(insts.map((i) => i.logicalId)).toEqual(['WebGroup-1', 'WebGroup-2', 'WebGroup-3']);
    expect(insts.every((i) => i.tags['aws:autoscaling:groupName'] === 'web-asg')).toBe(true);
    const eni = s.cloud.interfaces.get(insts[0].networkInterfaceIds[0])!;
    expect([formatIp(eni.privateIp), eni.securityGroupIds, eni.publicIp]).toEqual(['10.0.10.4', [s.webSg], undefined]);
    // a template whose interface asks for a public address gets one
    const pub = createLaunchTemplate(s.cloud, REGION, { data: { networkInterfaces: [{ deviceIndex: 0, groups: [s.webSg], associatePublicIpAddress: true }] } });
    const pg = createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'pub', vpcZoneIdentifier: [s.publicA, s.publicB], launchTemplate: { launchTemplateId: pub.id, version: '1' } });
    expect(s.cloud.interfaces.get(s.cloud.instances.get(pg.instanceIds[0])!.networkInterfaceIds[0])!.publicIp).toBeDefined();
    // a launch that EC2 refuses is reported on the group, naming the instance
    const wrong = createLaunchTemplate(s.cloud, REGION, { data: { securityGroupIds: ['sg-00000000000000000'] } });
    expect(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'bad', launchTemplate: { launchTemplateId: wrong.id, version: '1' } })).toThrow(/launching bad-1 in PrivateA: /);
  });

  it('ELB-23: the group registers each instance with its target groups, which must hold instance targets in its VPC', () => {
    const s = setup();
    const g = createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'reg', desiredCapacity: 2, targetGroupArns: [s.tg.arn] });
    expect(s.tg.targets.map((t) => [t.id, t.registeredBy])).toEqual(g.instanceIds.map((id) => [id, { kind: 'auto-scaling', group: 'reg' }]));
    const ip = createTargetGroup(s.cloud, REGION, { targetType: 'ip', protocol: 'HTTP', port: 80, vpcId: s.vpc.id });
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'ip', targetGroupArns: [ip.arn] }))).toBe('ValidationError');
    expect(code(() => createAutoScalingGroup(s.cloud, REGION, { ...s.base, name: 'gone', targetGroupArns: [`${s.tg.arn}0`] }))).toBe('ValidationError');
  });
});
