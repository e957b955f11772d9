import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

const WEB = 'test/fixtures/services/cost/web.yaml';

beforeAll(() => {
  buildIfStale();
}, 180_000);

describe('cloudlab cost', () => {
  it('prints each billed resource per hour and per month, the total, what bills by use and the sources, at 80 columns', () => {
    const r = cloudlab(['cost', WEB]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
    expect(r.stdout).toMatch(/App +EC2 m5\.large +0\.0960 +70\.08/);
    expect(r.stdout).toMatch(/Web +EC2 t3\.micro +0\.0104 +7\.59/);
    expect(r.stdout).toMatch(/Nat +NAT gateway hours +0\.0450 +32\.85/);
    expect(r.stdout).toMatch(/total +0\.1614 +117\.82/);
    expect(r.stdout).toMatch(/Billed by use, not in the total:[\s\S]*Cdn: CloudFront bills by use/);
    expect(r.stdout).toMatch(/PRC-01: .*checked 2026-09-25/s);
  });

  it('--json has items, lines and total, with the same figures', () => {
    const r = cloudlab(['cost', WEB, '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.hoursPerMonth).toBe(730);
    expect(j.total).toEqual({ hourlyUsd: 0.1614, monthlyUsd: 117.82 });
    expect(j.items.map((i: { resource: string; what: string }) => `${i.resource} ${i.what}`)).toEqual(['App EC2 m5.large', 'Web EC2 t3.micro', 'Nat NAT gateway hours', 'Nat public IPv4 addresses', 'Web public IPv4 addresses']);
    expect(j.lines.find((l: { what: string }) => l.what === 'public IPv4 addresses')).toMatchObject({ quantity: 2, resources: ['Nat', 'Web'] });
    expect(j.usageBased.map((u: { resources: string[] }) => u.resources)).toEqual([['Nat'], ['Cdn']]);
    expect(j.sources.map((s: { item: string }) => s.item)).toEqual(['PRC-01', 'PRC-02', 'PRC-03']);
  });

  it('an invalid template is refused with exit 2 and its error, no stack trace', () => {
    const r = cloudlab(['cost', 'test/fixtures/services/backup/broken-lifecycle.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken-lifecycle\.yaml:19:15: error[\s\S]*InvalidParameterValueException/);
    expect(noStackTrace(r)).toBe(true);
    const missing = cloudlab(['cost', 'no/such/file.yaml', '--json']);
    expect(missing.status).toBe(2);
  });
});
