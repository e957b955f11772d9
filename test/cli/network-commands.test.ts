import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace, ROOT } from '../support/cli.js';

const NET = 'test/fixtures/networks';
let tmp: string;

beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-cli-'));
}, 180_000);

const write = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('cloudlab validate', () => {
  it('exit 0 for a valid template, with the resource count', () => {
    const r = cloudlab(['validate', `${NET}/three-tier.yaml`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ .*three-tier\.yaml is valid: 17 resources in us-east-1/);
  });
  it('exit 2 with file, line, column, logical id and what would be valid', () => {
    const p = write('bad-subnet.yaml', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n  Sub:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.1.0.0/24\n');
    const r = cloudlab(['validate', p]);
    expect(r.status).toBe(2);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('bad-subnet.yaml:9:7: error InvalidSubnet.Range (Sub Properties.CidrBlock)');
    expect(text).toMatch(/not inside Vpc's block 10\.0\.0\.0\/16/);
    expect(noStackTrace(r)).toBe(true);
  });
  it('suggests the nearest real type for a type that does not exist', () => {
    const p = write('typo.yaml', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPCs\n    Properties: {CidrBlock: 10.0.0.0/16}\n');
    const r = cloudlab(['validate', p]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/AWS::EC2::VPC\b/);
  });
  it('loads a block with host bits as the network it names, with a warning (AWS canonicalises it)', () => {
    const p = write('overlap.yaml', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.1.5/16}\n');
    const r = cloudlab(['validate', p]);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/overlap\.yaml:4:18: warning CidrCanonicalised \(Vpc\): 10\.0\.1\.5\/16 has host bits set: AWS deploys it as 10\.0\.0\.0\/16/);
  });
  it('--json has valid, errors and the diagnostics', () => {
    const r = cloudlab(['validate', `${NET}/peered.yaml`, '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.valid).toBe(true);
    expect(j.errors).toBe(0);
    expect(j.resources).toBe(25);
  });
  it.each([
    ['empty.yaml', ''],
    ['junk.yaml', '\u0000\u0001\u0002binary'],
    ['broken.yaml', 'Resources:\n  Vpc:\n    Type: [unclosed\n'],
    ['list.yaml', '- a\n- b\n'],
  ])('refuses %s with exit 2 and no stack trace', (name, text) => {
    const r = cloudlab(['validate', write(name, text)]);
    expect(r.status).toBe(2);
    expect(noStackTrace(r)).toBe(true);
    expect(r.stdout + r.stderr).toContain(name);
  });
  it('a template over CloudFormation\'s 500 resources loads with a warning, and reach still works', () => {
    const lines = ['Resources:', '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}', '  Sub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20}}'];
    for (let i = 0; i < 600; i++) lines.push(`  I${i}: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Sub}}`);
    const p = write('big.yaml', lines.join('\n') + '\n');
    const v = cloudlab(['validate', p]);
    expect(v.status).toBe(0);
    expect(v.stdout.replace(/\s+/g, ' ')).toMatch(/warning LimitExceeded.*602 resources; CloudFormation allows at most 500 per stack/);
    const r = cloudlab(['reach', p, '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.classes).toHaveLength(1);
    expect(j.classes[0].members).toHaveLength(600);
  });
  it('a missing file is exit 2 with one line', () => {
    const r = cloudlab(['validate', join(tmp, 'nope.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cloudlab: .*nope\.yaml: no such file or folder\.\n$/);
  });
  it('loads a folder of <region>.yaml templates as one submission', () => {
    const dir = join(tmp, 'multi');
    mkdirSync(dir);
    writeFileSync(join(dir, 'us-east-1.yaml'), 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\nOutputs:\n  VpcId:\n    Value: !Ref Vpc\n    Export: {Name: east-vpc}\n');
    writeFileSync(join(dir, 'eu-west-1.yaml'), "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n  Peer:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties: {VpcId: !Ref Vpc, PeerVpcId: !ImportValue east-vpc, PeerRegion: us-east-1}\n");
    const r = cloudlab(['validate', dir, '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.valid).toBe(true);
    expect(j.regions.sort()).toEqual(['eu-west-1', 'us-east-1']);
  });
});

describe('cloudlab trace', () => {
  it('exit 0 when reachable, 1 when not, with the hop-by-hop path', () => {
    const ok = cloudlab(['trace', `${NET}/three-tier.yaml`, '--from', 'Web', '--to', 'App', '--port', '8080']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/✓ Reachable\./);
    const no = cloudlab(['trace', `${NET}/three-tier.yaml`, '--from', 'Web', '--to', 'Db', '--port', '5432']);
    expect(no.status).toBe(1);
    expect(no.stdout).toMatch(/✗ security group DbSg/);
    expect(no.stdout).toMatch(/To let it through: /);
  });
  it('--json has reachable and path', () => {
    const r = cloudlab(['trace', `${NET}/prod-bastion.yaml`, '--from', 'internet', '--to', 'Bastion', '--port', '22', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.reachable).toBe(true);
    expect(Array.isArray(j.path)).toBe(true);
    expect(j.path[0].component).toBe('internet');
    expect(j.addresses).toEqual(['203.0.113.10/32']);
  });
  it('accepts physical ids and IP addresses as ends', () => {
    const j = JSON.parse(cloudlab(['trace', `${NET}/three-tier.yaml`, '--from', 'Web', '--to', 'App', '--port', '8080', '--json']).stdout);
    const appId = j.path.find((h: { component: string; logicalId?: string }) => h.component === 'instance' && h.logicalId === 'App').id;
    expect(cloudlab(['trace', `${NET}/three-tier.yaml`, '--from', 'Web', '--to', appId, '--port', '8080']).status).toBe(0);
    expect(cloudlab(['trace', `${NET}/three-tier.yaml`, '--from', '10.0.0.4', '--to', '10.0.10.4', '--port', '8080']).status).toBe(0);
  });
  it('--param overrides a template parameter', () => {
    const r = cloudlab(['trace', `${NET}/prod-bastion.yaml`, '--from', '198.51.100.9', '--to', 'Bastion', '--port', '22', '--param', 'AdminCidr=198.51.100.9/32']);
    expect(r.status).toBe(0);
  });
  it.each([
    [['--from', 'Wbe', '--to', 'App', '--port', '80'], /Did you mean Web\?/],
    [['--from', 'internet', '--to', 'internet', '--port', '80'], /one end must be an instance/],
    [['--from', 'Web', '--to', 'App'], /needs a port/],
    [['--from', 'Web', '--to', 'App', '--port', 'http'], /--port takes a number/],
    [['--from', 'Web', '--to', 'App', '--port', '70000'], /0 to 65535/],
    [['--from', 'Web', '--to', '10.0.99.9', '--port', '80'], /no network interface has 10\.0\.99\.9/],
    [['--from', 'Web', '--to', 'App', '--port', '80', '--protocol', 'gre'], /Allowed choices are tcp, udp, icmp, all/],
  ])('bad question %j → exit 2 with a clear message', (args, message) => {
    const r = cloudlab(['trace', `${NET}/three-tier.yaml`, ...(args as string[])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(noStackTrace(r)).toBe(true);
  });
  it('refuses to trace an invalid template, exit 2', () => {
    const p = write('invalid-for-trace.yaml', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/8}\n');
    const r = cloudlab(['trace', p, '--from', 'internet', '--to', 'X', '--port', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/InvalidVpc\.Range/);
  });
});

describe('cloudlab reach', () => {
  it('lists who reaches whom, with restrictions, within 80 columns', () => {
    const r = cloudlab(['reach', `${NET}/prod-bastion.yaml`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/internet\s+Bastion\s+22/);
    expect(r.stdout).toMatch(/tcp 22 only from 203\.0\.113\.10\/32/);
    expect(r.stdout).toMatch(/Bastion\s+ProdApp\s+22/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
  it('--json rows name members and ports', () => {
    const j = JSON.parse(cloudlab(['reach', `${NET}/peered.yaml`, '--json']).stdout);
    const ab = j.rows.find((r: { from: string[]; to: string[] }) => r.from[0] === 'HostA' && r.to[0] === 'HostB');
    expect(ab).toBeUndefined();
    const as = j.rows.find((r: { from: string[]; to: string[] }) => r.from[0] === 'HostA' && r.to[0] === 'SharedHost');
    expect(as.tcp).toBe('443');
  });
});

describe('cloudlab describe', () => {
  it('draws the topology within 80 columns', () => {
    const r = cloudlab(['describe', `${NET}/prod-bastion.yaml`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/VPC Prod\s+10\.20\.0\.0\/16/);
    expect(r.stdout).toMatch(/subnet ProdPrivate\s+10\.20\.10\.0\/24\s+us-east-1a\s+private/);
    expect(r.stdout).toMatch(/NAT gateway Nat in ProdPublic/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
  it('--format mermaid and dot', () => {
    const m = cloudlab(['describe', `${NET}/peered.yaml`, '--format', 'mermaid']);
    expect(m.stdout.startsWith('flowchart LR')).toBe(true);
    expect(m.stdout).toMatch(/<-->\|peering PeerA\|/);
    const d = cloudlab(['describe', `${NET}/three-tier.yaml`, '--format', 'dot']);
    expect(d.stdout.startsWith('digraph topology {')).toBe(true);
    expect(d.stdout.trimEnd().endsWith('}')).toBe(true);
  });
});

describe('the command line', () => {
  it('--version and --help exit 0; an unknown command exits 2 with a suggestion', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cloudlab(['--version']).stdout.trim()).toBe(pkg.version);
    expect(cloudlab(['trace', '--help']).status).toBe(0);
    const r = cloudlab(['trcae']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/trace/);
  });
});
