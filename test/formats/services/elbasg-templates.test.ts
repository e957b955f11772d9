/**
 * Load balancers, launch templates and auto scaling groups through the whole loader: the
 * load-balanced group of test/fixtures/services/elbasg/web.yaml and its broken variants.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTOSCALING } from '../../../src/engine/autoscaling/kinds.js';
import { ELBV2 } from '../../../src/engine/elbv2/kinds.js';
import { resolveEndpoint } from '../../../src/engine/reach/endpoints.js';
import { topologyText } from '../../../src/formats/describe/text.js';
import { topologyView } from '../../../src/formats/describe/topology.js';
import { MODELLED_TYPES } from '../../../src/formats/cfn/types.js';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../../src/formats/load-submission.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/services/elbasg/${name}`, import.meta.url));
const load = (name: string) => loadSubmissionPath(fixture(name));
const errors = (r: ReturnType<typeof load>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, logicalId: d.logicalId, line: d.line }));

describe('a load-balanced group across two zones (web.yaml)', () => {
  const r = load('web.yaml');
  const stack = Object.values(r.stacks)[0];

  it('loads with no diagnostics, every resource modelled', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.cloud.unmodelled.size).toBe(0);
  });

  it('ELB-07: Ref and Fn::GetAtt of the load balancer read as AWS returns them', () => {
    const out = stack.outputs as Record<string, { value: unknown }>;
    expect(out.Url.value).toMatch(/^http:\/\/web-alb-\d{9,10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(out.Zone.value).toBe('Z35SXDOTRQ7X7K');
    const lb = [...r.cloud.table(ELBV2.loadBalancer).values()][0];
    expect(r.resources.find((x) => x.logicalId === 'Alb')!.ref).toBe(lb.arn);
    expect(r.resources.find((x) => x.logicalId === 'HttpListener')!.properties.LoadBalancerArn).toBe(lb.arn);
  });

  it('ASG-01: the group names its launch template version with !GetAtt LatestVersionNumber', () => {
    const g = r.cloud.table(AUTOSCALING.group).get(r.resources.find((x) => x.logicalId === 'WebGroup')!.ref!)!;
    expect(r.resources.find((x) => x.logicalId === 'WebGroup')!.properties.LaunchTemplate).toMatchObject({ Version: '1' });
    expect(g.launch).toMatchObject({ kind: 'launch-template', version: 1 });
    expect([g.minSize, g.desiredCapacity, g.maxSize, g.healthCheckType, g.healthCheckGracePeriod]).toEqual([2, 4, 6, 'ELB', 120]);
  });

  it('ASG-05 and ELB-23: four instances, two per zone, registered with the target group, each a trace end by its name', () => {
    const tg = [...r.cloud.table(ELBV2.targetGroup).values()][0];
    const names = tg.targets.map((t) => r.cloud.instances.get(t.id)!.logicalId);
    expect(names).toEqual(['WebGroup-1', 'WebGroup-2', 'WebGroup-3', 'WebGroup-4']);
    expect(names.map((n) => r.cloud.instances.get(tg.targets[names.indexOf(n)].id)!.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1a', 'us-east-1b']);
    const end = resolveEndpoint(r.cloud, 'WebGroup-3');
    expect(end.kind === 'interface' && end.eni.owner.kind === 'instance' && r.cloud.instances.get(end.eni.owner.id)!.logicalId).toBe('WebGroup-3');
    expect(tg.loadBalancerArns).toHaveLength(1);
  });

  it('describe: scheme, nodes per zone, listener → target group → targets, and the group per zone, within 80 columns', () => {
    const view = topologyView(r.cloud);
    const region = view.regions[0];
    expect(region.loadBalancers[0]).toMatchObject({ name: 'Alb', loadBalancerName: 'web-alb', type: 'application', scheme: 'internet-facing', securityGroups: ['AlbSg'] });
    expect(region.loadBalancers[0].nodes.map((n) => [n.zone, n.subnet, n.privateIp])).toEqual([['us-east-1a', 'PublicA', '10.0.0.4'], ['us-east-1b', 'PublicB', '10.0.1.4']]);
    expect(region.loadBalancers[0].listeners[0]).toMatchObject({ protocol: 'HTTP', port: 80, defaultActions: [{ type: 'forward', targetGroups: [{ name: 'WebTargets', weight: 1 }] }] });
    expect(region.loadBalancers[0].listeners[0].rules[0]).toMatchObject({ priority: 10, conditions: [{ field: 'path-pattern', values: ['/old/*'] }] });
    expect(region.targetGroups[0]).toMatchObject({ name: 'WebTargets', port: 80, loadBalancers: ['Alb'], healthCheck: { path: '/health' } });
    expect(region.autoScalingGroups[0]).toMatchObject({ name: 'WebGroup', minSize: 2, desiredCapacity: 4, maxSize: 6, targetGroups: ['WebTargets'] });
    expect(region.autoScalingGroups[0].zones.map((z) => [z.zone, z.instances.map((i) => i.name)])).toEqual([['us-east-1a', ['WebGroup-1', 'WebGroup-3']], ['us-east-1b', ['WebGroup-2', 'WebGroup-4']]]);
    const text = topologyText(view);
    expect(text.every((l) => [...l].length <= 80)).toBe(true);
    expect(text.join('\n')).toMatch(/application load balancer Alb \(web-alb\)  internet-facing/);
    expect(text.join('\n')).toMatch(/listener HTTP:80 → forward WebTargets/);
    expect(text.join('\n')).toMatch(/us-east-1a: WebGroup-1 10\.0\.10\.4, WebGroup-3 10\.0\.10\.5/);
  });

  it('loads the same, ids and names, on every run', () => {
    const again = load('web.yaml');
    expect(JSON.stringify(topologyView(again.cloud))).toBe(JSON.stringify(topologyView(r.cloud)));
  });
});

describe('broken variants', () => {
  it('ELB-04: an ALB in one zone is refused with ValidationError at the Subnets line', () => {
    expect(errors(load('alb-one-zone.yaml'))).toEqual([{ code: 'ValidationError', logicalId: 'Alb', line: expect.any(Number) }]);
    expect(load('alb-one-zone.yaml').diagnostics[0].message).toMatch(/At least two subnets in two different Availability Zones/);
  });

  it('ELB-12: an HTTPS listener without a certificate is refused', () => {
    const r = load('https-no-certificate.yaml');
    expect(errors(r).map((e) => [e.code, e.logicalId])).toEqual([['ValidationError', 'HttpListener']]);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/A certificate must be specified for HTTPS listeners/);
  });

  it('ELB-12 and ELB-13: a second listener on a port is DuplicateListener, a second rule at a priority PriorityInUse', () => {
    expect(errors(load('duplicate-listener.yaml')).map((e) => [e.code, e.logicalId])).toEqual([
      ['DuplicateListener', 'Second'],
      ['PriorityInUse', 'RuleTwo'],
    ]);
  });

  it('ASG-02: a desired capacity above MaxSize is refused with AWS\'s message', () => {
    const r = load('desired-above-max.yaml');
    expect(errors(r).map((e) => [e.code, e.logicalId])).toEqual([['ValidationError', 'WebGroup']]);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/Desired capacity:8 must be between the specified min size:2 and max size:6/);
  });

  it('ELB-02: an internet-facing load balancer in a VPC without an internet gateway is refused with InvalidSubnet', () => {
    expect(errors(load('no-internet-gateway.yaml')).map((e) => [e.code, e.logicalId])).toEqual([['InvalidSubnet', 'Alb']]);
  });

  it('ELB-03: an internet-facing load balancer in subnets without a route to the internet gateway loads, with a warning naming them', () => {
    const r = load('alb-in-private-subnets.yaml');
    expect(errors(r)).toEqual([]);
    const warnings = r.diagnostics.filter((d) => d.code === 'InternetFacingInPrivateSubnet');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', logicalId: 'Alb' });
    expect(warnings[0].message).toMatch(/nodes in subnets PrivateA, PrivateB with no route 0\.0\.0\.0\/0 to the internet gateway/);
    expect(load('web.yaml').diagnostics.some((d) => d.code === 'InternetFacingInPrivateSubnet')).toBe(false);
  });

  it('a load balancer without a listener loads, as AWS deploys it, and describe says it accepts no traffic', () => {
    const r = load('listener-missing.yaml');
    expect(errors(r)).toEqual([]);
    const view = topologyView(r.cloud);
    expect(view.regions[0].loadBalancers[0].listeners).toEqual([]);
    expect(view.regions[0].targetGroups[0].loadBalancers).toEqual([]);
    expect(topologyText(view).join('\n')).toMatch(/no listeners: it accepts no traffic/);
  });

  it('a target group on the wrong port loads, as AWS deploys it, and describe and --json show the port', () => {
    const r = load('target-group-wrong-port.yaml');
    expect(errors(r)).toEqual([]);
    expect(topologyView(r.cloud).regions[0].targetGroups[0].port).toBe(8080);
  });
});

describe('template door details', () => {
  it('the ELBv2, launch template and Auto Scaling types are modelled, with the attributes the reference lists', () => {
    expect(MODELLED_TYPES['AWS::ElasticLoadBalancingV2::LoadBalancer'].attributes).toEqual(['CanonicalHostedZoneID', 'DNSName', 'LoadBalancerArn', 'LoadBalancerFullName', 'LoadBalancerName', 'SecurityGroups']);
    expect(MODELLED_TYPES['AWS::ElasticLoadBalancingV2::TargetGroup'].attributes).toEqual(['LoadBalancerArns', 'TargetGroupArn', 'TargetGroupFullName', 'TargetGroupName']);
    expect(MODELLED_TYPES['AWS::EC2::LaunchTemplate'].attributes).toEqual(['DefaultVersionNumber', 'LatestVersionNumber', 'LaunchTemplateId']);
    for (const t of ['Listener', 'ListenerRule', 'ListenerCertificate']) expect(MODELLED_TYPES[`AWS::ElasticLoadBalancingV2::${t}`]).toBeDefined();
    for (const t of ['AutoScalingGroup', 'LaunchConfiguration', 'ScalingPolicy', 'ScheduledAction']) expect(MODELLED_TYPES[`AWS::AutoScaling::${t}`]).toBeDefined();
  });
  const base = (resources: string) =>
    loadSubmissionFromTemplates([
      {
        file: 't.yaml',
        text: `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b } }
${resources}`,
      },
    ]);
  it('schema errors name the property: an unknown property, Subnets with SubnetMappings', () => {
    const r = base(`  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Scheme: internal, Subnets: [!Ref A, !Ref B], SubnetMappings: [{ SubnetId: !Ref A }] }
  Lb2:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Scheme: internal, Subnets: [!Ref A, !Ref B], Zones: 2 }
`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.logicalId]).sort()).toEqual([
      ['ConflictingProperties', 'Lb'],
      ['UnknownProperty', 'Lb2'],
    ]);
  });
  it('an auto scaling group without a template Version is refused at the LaunchTemplate', () => {
    const r = base(`  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: t3.micro } } }
  G:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: 1, MaxSize: 1, VPCZoneIdentifier: [!Ref A], LaunchTemplate: { LaunchTemplateId: !Ref Lt } }
`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.logicalId])).toEqual([['MissingProperty', 'G']]);
  });
  it('a classic load balancer named by the group is reported as a warning, not modelled', () => {
    const r = base(`  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: t3.micro } } }
  G:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: 1, MaxSize: 1, VPCZoneIdentifier: [!Ref A], LoadBalancerNames: [old-elb], LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: $Latest } }
`);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'ClassicLoadBalancerIgnored']]);
  });
});
