import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/** Runs the built binary, as a user would. `npm test` builds first; a stale build is rebuilt. */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = [
  'src/cli/main.ts',
  'src/cli/output.ts',
  'src/cli/exit-codes.ts',
  'src/cli/commands/cidr.ts',
  'src/engine/cidr-report.ts',
  'src/engine/address.ts',
];

function buildIfStale(): void {
  const stale = SOURCES.some((src) => {
    const built = join(ROOT, 'dist', src.replace(/\.ts$/, '.js'));
    return !existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, src)).mtimeMs;
  });
  if (!stale) return;
  // Errors in unrelated files still leave our files emitted; check the output, not the status.
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(join(ROOT, 'dist/src/cli/commands/cidr.js'))) throw new Error('the build did not produce dist/src/cli/commands/cidr.js');
}

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cloudlab(...args: string[]): Result {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: Result): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^cloudlab: /);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
}

beforeAll(buildIfStale, 180_000);

describe('cloudlab cidr', () => {
  it('prints the block with aligned labels, within 80 columns, exit 0', () => {
    const r = cloudlab('cidr', '10.0.0.0/16');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('Block           10.0.0.0/16');
    expect(lines).toContain('Netmask         255.255.0.0  (wildcard 0.0.255.255)');
    expect(lines).toContain('First address   10.0.0.0');
    expect(lines).toContain('Last address    10.0.255.255');
    expect(lines).toContain('Addresses       65,536');
    expect(lines.some((l) => l.startsWith('AWS usable      65,531'))).toBe(true);
    expect(lines).toContain('                10.0.0.1      VPC router');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('--json prints the report with the contract fields', () => {
    const r = cloudlab('cidr', '10.0.1.5/16', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      network: '10.0.0.0/16',
      prefixLength: 16,
      netmask: '255.255.0.0',
      first: '10.0.0.0',
      last: '10.0.255.255',
      total: 65536,
      awsUsable: 65531,
      hostBitsSet: true,
    });
    expect(json.notes[0]).toContain('has host bits set');
  });

  it('--split prints an aligned table within 80 columns', () => {
    const r = cloudlab('cidr', '10.0.0.0/24', '--split', '26');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const title = lines.indexOf('10.0.0.0/24 split into 4 /26 subnets');
    expect(title).toBeGreaterThan(0);
    expect(lines.slice(title + 1)).toEqual([
      '  #  Network        First       Last        AWS usable',
      '  1  10.0.0.0/26    10.0.0.0    10.0.0.63           59',
      '  2  10.0.0.64/26   10.0.0.64   10.0.0.127          59',
      '  3  10.0.0.128/26  10.0.0.128  10.0.0.191          59',
      '  4  10.0.0.192/26  10.0.0.192  10.0.0.255          59',
    ]);
  });

  it('--split of the widest addresses still fits 80 columns', () => {
    const r = cloudlab('cidr', '255.255.240.0/20', '--split', '32');
    expect(r.status).toBe(0);
    for (const l of r.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('--hosts in JSON and in text', () => {
    const json = JSON.parse(cloudlab('cidr', '10.0.0.0/16', '--hosts', '300', '--json').stdout);
    expect(json.hostsFit).toEqual({ hosts: 300, prefixLength: 23, awsUsable: 507, subnetsInBlock: 128 });
    const text = cloudlab('cidr', '10.0.0.0/16', '--hosts', '300').stdout;
    expect(text).toContain('Fit in block    128 subnets of /23 in 10.0.0.0/16');
  });

  it('wraps notes as sentences within 80 columns', () => {
    const r = cloudlab('cidr', '8.8.8.8');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Notes\n  - 8.8.8.8 has no prefix length');
    for (const l of r.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
  });

  it.each([
    [['cidr', '10.0.0.256/16'], /"10\.0\.0\.256\/16" does not start with an IPv4 address/],
    [['cidr', '10.0.0'], /"10\.0\.0" is not an IPv4 address or CIDR block/],
    [['cidr', '10.0.0.0/33'], /prefix length "33"/],
    [['cidr', '010.0.0.1'], /leading zero/],
    [['cidr', '10.0.0.0/16', '--split', '8'], /cannot split 10\.0\.0\.0\/16 into \/8 blocks/],
    [['cidr', '10.0.0.0/8', '--split', '28'], /1,048,576 subnets.*\/20 or less/],
    [['cidr', '10.0.0.0/16', '--hosts', 'many'], /"many" is not a number of instances/],
    [['cidr', '10.0.0.0/16', '--hosts', '0'], /"0" is not a number of instances/],
  ])('refuses %j with one line and exit 2', (args, message) => {
    const r = cloudlab(...args);
    expectOneLineError(r);
    expect(r.stderr).toMatch(message);
  });

  it('a missing block is a usage error, exit 2', () => {
    const r = cloudlab('cidr');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
