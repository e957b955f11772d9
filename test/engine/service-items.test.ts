/**
 * Items of aws-semantics-services.md that the engine reproduces where no other test is named
 * after them: each loads a variant of a real-shaped template and asserts what AWS does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ELBV2 } from '../../src/engine/elbv2/kinds.js';
import { trace } from '../../src/engine/reach/question.js';
import { loadSubmissionFromTemplates } from '../../src/formats/load-submission.js';

const web = readFileSync(fileURLToPath(new URL('../fixtures/services/elbasg/web.yaml', import.meta.url)), 'utf8');
const load = (text: string) => loadSubmissionFromTemplates([{ file: 'variant.yaml', text }]);
const errors = (text: string) => load(text).diagnostics.filter((d) => d.severity === 'error');
const clean = (text: string) => {
  const loaded = load(text);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.cloud;
};
const replaced = (from: string, to: string): string => {
  expect(web).toContain(from);
  return web.replace(from, to);
};

describe('Elastic Load Balancing', () => {
  it('ELB-18: a target group with no registered targets makes the load balancer answer 503', () => {
    const cloud = clean(replaced('      TargetGroupARNs: [!Ref WebTargets]\n', ''));
    const r = trace(cloud, { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause).toMatchObject({ code: 'TargetGroupEmpty', targetGroup: 'WebTargets' });
    expect(r.drop?.reason).toMatch(/503/);
  });

  it('ELB-21: an application load balancer starts with deletion protection off and a 60 s idle timeout', () => {
    const lb = [...clean(web).table(ELBV2.loadBalancer).values()][0];
    expect(lb.attributes['deletion_protection.enabled']).toBe('false');
    expect(lb.attributes['idle_timeout.timeout_seconds']).toBe('60');
    expect(lb.attributes['routing.http2.enabled']).toBe('true');
  });

  it('ELB-22: Subnets and SubnetMappings together are refused; a listener needs DefaultActions', () => {
    const both = replaced(
      '      Subnets: [!Ref PublicA, !Ref PublicB]\n',
      '      Subnets: [!Ref PublicA, !Ref PublicB]\n      SubnetMappings: [{ SubnetId: !Ref PublicA }, { SubnetId: !Ref PublicB }]\n',
    );
    expect(errors(both).map((d) => d.code)).toEqual(['ConflictingProperties']);
    expect(errors(both)[0].message).toMatch(/Subnets and SubnetMappings/);
    const noActions = replaced('      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref WebTargets\n', '');
    expect(errors(noActions).length).toBeGreaterThan(0);
    expect(errors(noActions).map((d) => d.message).join('\n')).toMatch(/DefaultActions/);
  });

  it('ELB-22: a target group of instances needs Port, Protocol and VpcId', () => {
    const noPort = replaced('      Protocol: HTTP\n      Port: 80\n      HealthCheckPath', '      Protocol: HTTP\n      HealthCheckPath');
    expect(errors(noPort).map((d) => d.message).join('\n')).toMatch(/needs a Port/);
  });
});

describe('EC2 Auto Scaling', () => {
  it('ASG-14: a group takes at most 50 scaling policies; the 51st is refused with LimitExceeded', () => {
    const policy = (i: number) =>
      `  Policy${i}:\n    Type: AWS::AutoScaling::ScalingPolicy\n    Properties:\n      AutoScalingGroupName: !Ref WebGroup\n      PolicyType: TargetTrackingScaling\n      TargetTrackingConfiguration:\n        PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }\n        TargetValue: ${20 + i}\n`;
    const withPolicies = (n: number) => replaced('Outputs:\n', `${Array.from({ length: n }, (_, i) => policy(i)).join('')}Outputs:\n`);
    // web.yaml has one policy of its own: 49 more make 50, the quota; 50 more make 51.
    expect(errors(withPolicies(49))).toEqual([]);
    const over = errors(withPolicies(50));
    expect(over.map((d) => d.code)).toEqual(['LimitExceeded']);
    expect(over[0].message).toMatch(/50 scaling policies, the quota/);
  });
});

describe('Route 53', () => {
  const zone = (check: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Primary:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTP, FullyQualifiedDomainName: www.example.com, Port: 80, ResourcePath: / }
  Secondary:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTP, FullyQualifiedDomainName: api.example.com, Port: 80, ResourcePath: / }
  Parent:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig:
${check}
`;
  it('R53-09: a calculated health check combines its children by a health threshold', () => {
    expect(errors(zone('        Type: CALCULATED\n        ChildHealthChecks: [!Ref Primary, !Ref Secondary]\n        HealthThreshold: 1'))).toEqual([]);
  });

  it('R53-09: a calculated check needs children, cannot nest calculated checks, and its threshold is 0-256', () => {
    expect(errors(zone('        Type: CALCULATED\n        HealthThreshold: 1')).map((d) => d.message).join('\n')).toMatch(/needs ChildHealthChecks/);
    expect(errors(zone('        Type: CALCULATED\n        ChildHealthChecks: [!Ref Primary]\n        HealthThreshold: 300')).map((d) => d.message).join('\n')).toMatch(/HealthThreshold 300 is out of range 0-256/);
    const nested = zone('        Type: CALCULATED\n        ChildHealthChecks: [!Ref Primary]\n        HealthThreshold: 1') +
      '  Grand:\n    Type: AWS::Route53::HealthCheck\n    Properties:\n      HealthCheckConfig:\n        Type: CALCULATED\n        ChildHealthChecks: [!Ref Parent]\n        HealthThreshold: 1\n';
    expect(errors(nested).map((d) => d.message).join('\n')).toMatch(/cannot be nested/);
  });
});
