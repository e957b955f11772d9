/** `db:<LogicalId>` as an end of the reachability check kinds (graders/selectors.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { selectEnds } from '../../graders/selectors.js';
import { loadSubmissionFromTemplates } from '../../src/formats/load-submission.js';
import { runKind } from './support.js';

const text = readFileSync(fileURLToPath(new URL('../fixtures/services/trace/stack.yaml', import.meta.url)), 'utf8');
const load = (t: string) => {
  const loaded = loadSubmissionFromTemplates([{ file: 'stack.yaml', text: t }]);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.cloud;
};
// A monitoring server beside the web tier, in its own group, that must not reach the database.
const withMonitor = text.replace(
  '      HealthCheckType: ELB\n',
  "      HealthCheckType: ELB\n      Tags: [{ Key: Role, Value: web, PropagateAtLaunch: true }]\n",
).replace(
  '  DbSg:\n',
  `  MonitorSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: monitoring
      VpcId: !Ref Vpc
  Monitor:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      SubnetId: !Ref PrivateA
      SecurityGroupIds: [!Ref MonitorSg]
  DbSg:
`,
);

describe('db: selects a database', () => {
  it('names the network interface of the database, by logical id or identifier', () => {
    const cloud = load(withMonitor);
    expect(selectEnds(cloud, 'db:Database').map((e) => [e.name, e.endpoint.kind])).toEqual([['Database', 'interface']]);
    expect(selectEnds(cloud, 'db:shop-db').map((e) => e.name)).toEqual(['Database']);
    expect(selectEnds(cloud, 'db:Nothing')).toEqual([]);
  });

  it('reachable and not-reachable judge the database by its security group: the web tier gets in, the monitor does not', () => {
    const cloud = load(withMonitor);
    expect(runKind(cloud, 'reachable', { from: 'WebGroup-1', to: 'db:Database', port: 3306 }).passed).toBe(true);
    const denied = runKind(cloud, 'not-reachable', { from: 'Monitor', to: 'db:Database', port: 3306 });
    expect(denied.passed).toBe(true);
    expect(denied.detail).toMatch(/Monitor cannot reach the database Database on tcp port 3306/);
  });

  it('fails not-reachable when the database group admits the monitor too', () => {
    const open = withMonitor.replace(
      '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref WebSg }\n',
      '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref WebSg }\n        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref MonitorSg }\n',
    );
    const r = runKind(load(open), 'not-reachable', { from: 'Monitor', to: 'db:Database', port: 3306 });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/Monitor reaches Database on tcp port 3306/);
    expect(runKind(load(open), 'only-from', { to: 'db:Database', port: 3306, sources: 'role:web' }).passed).toBe(false);
  });

  it('only-from with the web tier as the sources: no other instance and not the internet', () => {
    const cloud = load(withMonitor);
    expect(runKind(cloud, 'only-from', { to: 'db:Database', port: 3306, sources: 'role:web' }).passed).toBe(true);
  });

  it('a database that does not exist is named in the failure', () => {
    const r = runKind(load(withMonitor), 'reachable', { from: 'WebGroup-1', to: 'db:Orders', port: 3306 });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/there is no database Orders/);
  });
});
