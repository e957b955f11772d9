import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

const NONE = 'test/fixtures/networks/no-instances.yaml';
const NAT = 'test/fixtures/networks/nat-instance.yaml';

beforeAll(() => buildIfStale(), 180_000);

describe('subnet ends: a probe instance in a subnet', () => {
  it('trace --from subnet:X stands for an instance there, with the VPC default group, through the NAT gateway', () => {
    const r = cloudlab(['trace', NONE, '--from', 'subnet:PrivateSubnetA', '--to', 'internet', '--port', '443']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Trace subnet:PrivateSubnetA → internet, tcp port 443');
    expect(r.stdout).toMatch(/instance subnet:PrivateSubnetA \(i-[0-9a-f]+\)\n\s+sends from 10\.0\.2\.4 \(subnet PrivateSubnetA\)/);
    expect(r.stdout).toContain('security group Vpc.DefaultSecurityGroup');
    expect(r.stdout).toMatch(/NAT gateway Nat .*\n\s+source 10\.0\.2\.4 → 10\.0\.1\.\d+ \(elastic IP/);
    expect(r.stdout).toContain('subnet:PrivateSubnetA can reach internet on tcp port 443');
  });

  it('--to-groups gives the probe security groups; without them the default group stops the internet', () => {
    const bare = cloudlab(['trace', NONE, '--from', 'internet', '--to', 'subnet:PublicSubnetA', '--port', '80', '--json']);
    expect(bare.status).toBe(1);
    expect(JSON.parse(bare.stdout).drop.cause).toMatchObject({ code: 'SecurityGroupNoInboundRule' });
    const web = cloudlab(['trace', NONE, '--from', 'internet', '--to', 'subnet:PublicSubnetA', '--to-groups', 'WebSg', '--port', '80', '--json']);
    expect(web.status).toBe(0);
    expect(JSON.parse(web.stdout)).toMatchObject({ reachable: true, to: 'subnet:PublicSubnetA' });
  });

  it('a probe in a subnet without a route out is not reachable, and the trace says which route table', () => {
    const r = cloudlab(['trace', NONE, '--from', 'subnet:IsolatedSubnetA', '--to', 'internet', '--port', '443', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).drop.cause).toMatchObject({ code: 'NoRoute', towardsInternet: true });
  });

  it('two probes in one subnet, and a probe to a probe across subnets', () => {
    expect(cloudlab(['trace', NONE, '--from', 'subnet:PrivateSubnetA', '--to', 'subnet:PrivateSubnetA', '--protocol', 'icmp']).status).toBe(0);
    expect(cloudlab(['trace', NONE, '--from', 'subnet:PublicSubnetA', '--to', 'subnet:IsolatedSubnetA', '--protocol', 'icmp']).status).toBe(0);
  });

  it('an unknown subnet, a group of no subnet end, or an unknown group is a usage error with what would be valid', () => {
    const typo = cloudlab(['trace', NONE, '--from', 'subnet:PrivSubnetA', '--to', 'internet', '--port', '443']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('"subnet:PrivSubnetA" names no subnet. Did you mean subnet:PrivateSubnetA?');
    const stray = cloudlab(['trace', NONE, '--from', 'internet', '--to', 'subnet:PublicSubnetA', '--from-groups', 'WebSg', '--port', '80']);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('security groups are given only for a subnet end');
    const group = cloudlab(['trace', NONE, '--from', 'internet', '--to', 'subnet:PublicSubnetA', '--to-groups', 'WebSG1', '--port', '80']);
    expect(group.status).toBe(2);
    expect(group.stderr).toContain('"WebSG1" is not a security group of the VPC of subnet PublicSubnetA. Did you mean WebSg?');
    for (const r of [typo, stray, group]) expect(noStackTrace(r)).toBe(true);
  });

  it('an instance name on a template without instances points at subnet ends', () => {
    const r = cloudlab(['trace', NONE, '--from', 'Web', '--to', 'internet', '--port', '443']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The topology has no instances; a subnet can stand for one: subnet:');
  });

  it('a subnet of a layered stack is written as other ends are (subnet:network/PublicSubnet), with groups of another stack', () => {
    const r = cloudlab(['trace', 'test/fixtures/layered', '--from', 'internet', '--to', 'subnet:network/PublicSubnet', '--to-groups', 'app/SG', '--port', '80']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('instance subnet:network/PublicSubnet (i-');
    expect(r.stdout).toContain('internet can reach subnet:network/PublicSubnet on tcp port 80');
  });
});

describe('reach on a template without instances', () => {
  it('reports what subnets and the internet reach through routes and network ACLs alone, and says so', () => {
    const r = cloudlab(['reach', NONE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/internet\s+subnet:PublicSubnetA\s+all\s+all\s+ping/);
    expect(r.stdout).toMatch(/subnet:PrivateSubnetA\s+internet\s+all\s+all\s+ping/);
    expect(r.stdout).not.toMatch(/subnet:IsolatedSubnetA\s+internet/);
    expect(r.stdout).not.toMatch(/internet\s+subnet:PrivateSubnetA/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('The topology has no instances, so each of its 3 subnets stands for a probe instance there (subnet:Name) with a security group that allows everything: these answers come from routes and network ACLs alone.');
  });

  it('--json says the basis and carries the note', () => {
    const j = JSON.parse(cloudlab(['reach', NONE, '--json']).stdout);
    expect(j.basis).toBe('subnets');
    expect(j.note).toContain('routes and network ACLs alone');
    expect(j.classes.map((c: { members: string[] }) => c.members[0]).sort()).toEqual(['subnet:IsolatedSubnetA', 'subnet:PrivateSubnetA', 'subnet:PublicSubnetA']);
    const withInstances = JSON.parse(cloudlab(['reach', NAT, '--json']).stdout);
    expect(withInstances.basis).toBe('instances');
    expect(withInstances.note).toBeUndefined();
  });
});

describe('NAT instances on the command line', () => {
  it('trace shows every hop through the NAT instance, and the internet sees its public address', () => {
    const r = cloudlab(['trace', NAT, '--from', 'App', '--to', 'internet', '--port', '443']);
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/route 0\.0\.0\.0\/0 → NatInstance \(i-[0-9a-f]+\)/);
    const m = /instance NatInstance \(i-[0-9a-f]+\) NAT instance: forwards with source 10\.0\.2\.\d+ → (10\.0\.1\.\d+) \(public (\d+\.\d+\.\d+\.\d+)\)/.exec(text);
    expect(m).not.toBeNull();
    expect(text).toContain(`internet gateway Igw (igw-`);
    expect(text).toContain(`source ${m![1]} → ${m![2]}`);
    expect(text).toMatch(/NAT instance: destination → 10\.0\.2\.\d+ \(the connection's sender\)/);
  });

  it('with the check on, the trace says source/destination checking stops the packet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloudlab-nat-'));
    const file = join(dir, 'check-on.yaml');
    writeFileSync(file, readFileSync(NAT, 'utf8').replace('SourceDestCheck: false', 'SourceDestCheck: true'));
    const r = cloudlab(['trace', file, '--from', 'App', '--to', 'internet', '--port', '443']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ instance NatInstance \(i-[0-9a-f]+\)\n\s+DROPPED: source\/destination check is on/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('A route sends the request to NatInstance, whose source/destination check is on');
    const j = JSON.parse(cloudlab(['trace', file, '--from', 'App', '--to', 'internet', '--port', '443', '--json']).stdout);
    expect(j.drop.cause).toMatchObject({ code: 'SourceDestCheck', leg: 'request' });
  });
});
