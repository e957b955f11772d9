import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

const SIM = 'test/fixtures/sim';
const TOPOLOGY = `${SIM}/two-zones.yaml`;
const SCENARIO = `${SIM}/zone-failure.yaml`;
let tmp: string;

beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-sim-'));
}, 180_000);

const write = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('cloudlab simulate', () => {
  it('prints the measures first, then the charts with the events marked, then the timeline, within 80 columns', () => {
    const r = cloudlab(['simulate', TOPOLOGY, '--scenario', SCENARIO]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const order = ['Requests  30,300 sent, 14,400 served, 15,900 dropped (52.5%)', 'Cost      $0.1636', 'RECOVERY', 'Requests a second (every 2m)', 'Instances in service', 'A 30m zone us-east-1a failed', 'Timeline'].map((s) =>
      r.stdout.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toMatch(/internet → WebA tcp 80\s+23,100\s+10,800\s+12,300\s+1h\s+1h/);
    expect(r.stdout).toMatch(/^ {2}events {16}A {29}B$/m);
    expect(r.stdout).toContain('Databases: none in the submission, so no recovery point.');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--json keeps the names of DESIGN.md, and the same scenario gives the same bytes', () => {
    const a = cloudlab(['simulate', TOPOLOGY, '--scenario', SCENARIO, '--json']);
    const b = cloudlab(['simulate', TOPOLOGY, '--scenario', SCENARIO, '--format', 'json']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout);
    expect(j.requests).toEqual({ sent: 30300, served: 14400, dropped: 15900 });
    expect(j.ends[0]).toMatchObject({ end: 'WebA', port: 80, sent: 23100, served: 10800, dropped: 12300, recoveryTime: 3600 });
    expect(j.databases).toEqual([]);
    expect(j.cost.total).toBeCloseTo(0.1636, 4);
    expect(j.events[0]).toEqual({ at: 1800, what: 'failed', resource: 'us-east-1a', detail: expect.any(String) });
    for (const row of j.intervals) for (const e of row.ends) expect(e.sent).toBe(e.served + e.dropped);
  });

  it('--format csv: a header, then one row per interval', () => {
    const r = cloudlab(['simulate', TOPOLOGY, '--scenario', SCENARIO, '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(61);
    expect(rows[0]).toBe(
      'start,end,internet → WebA tcp 80 sent,internet → WebA tcp 80 served,internet → WebA tcp 80 dropped,AppB → internet tcp 443 sent,AppB → internet tcp 443 served,AppB → internet tcp 443 dropped,instances us-east-1a,instances us-east-1b,cost so far (USD)',
    );
    expect(rows[16]).toMatch(/^1800,1920,360,0,360,120,0,120,0,2,/);
  });

  it('exit 2 for a scenario with mistakes: each with file, line, column and a caret, never a stack trace', () => {
    const p = write('bad.yaml', 'duration: 90x\ntraffic:\n  - to: WebC\n    port: 80\n    rps: fast\n');
    const r = cloudlab(['simulate', TOPOLOGY, '--scenario', p]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const flat = r.stderr.replace(/\s+/g, ' ');
    expect(flat).toContain(`${p}:1:11: error InvalidDuration: duration: "90x" is not a duration`);
    expect(flat).toContain(`${p}:5:10: error InvalidValue: rps is a number`);
    expect(r.stderr).toContain('    1 | duration: 90x\n      |           ^\n');
    expect(r.stderr).toMatch(/cloudlab: .*bad\.yaml has 2 errors; fix them and simulate again\.\n$/);
    expect(noStackTrace(r)).toBe(true);
  });

  it('exit 2 for an end or a replica the submission does not have, with the nearest name or what it has', () => {
    const p = write('ends.yaml', 'duration: 1h\ntraffic:\n  - to: WebC\n    port: 80\n    rps: 1\nevents:\n  - at: 10m\n    promote: ReplicaDb\n');
    const r = cloudlab(['simulate', TOPOLOGY, '--scenario', p, '--json']);
    expect(r.status).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.error.code).toBe('invalid-scenario');
    expect(j.error.diagnostics.map((d: { line: number; column: number; code: string }) => [d.line, d.column, d.code])).toEqual([
      [3, 9, 'UnknownEnd'],
      [8, 14, 'UnknownResource'],
    ]);
    expect(j.error.diagnostics[1].message).toBe('the submission has no read replica named ReplicaDb (it has no databases)');
  });

  it('a warm-standby drill: each database with its recovery point and what happened; the CSV has what DNS and the origin groups answer', () => {
    const drill = [`${SIM}/dr-dns`, '--scenario', `${SIM}/warm-standby-drill.yaml`];
    const r = cloudlab(['simulate', ...drill]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('    Database (primary, us-east-1): recovery point 5s, writes back after 10m.\n      Writes went to Replica, promoted at 1200 s');
    expect(r.stdout.split('\n').every((l) => l.length <= 80)).toBe(true);
    const csv = cloudlab(['simulate', ...drill, '--format', 'csv']);
    const header = csv.stdout.split('\n')[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['databases Database', 'dns www.example.com', 'origins Site']));
    expect(csv.stdout.split('\n')[4].split(',')[header.indexOf('dns www.example.com')]).toMatch(/^SECONDARY secondary/);
  });

  it('exit 2 for a missing scenario file or a template that does not load', () => {
    const missing = cloudlab(['simulate', TOPOLOGY, '--scenario', join(tmp, 'nope.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cloudlab: .*nope\.yaml: no such scenario file\./);
    const broken = write('broken.yaml', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n');
    expect(cloudlab(['simulate', broken, '--scenario', SCENARIO]).status).toBe(2);
    expect(cloudlab(['simulate', TOPOLOGY]).status).toBe(2);
  });

  it('has help with examples', () => {
    const r = cloudlab(['simulate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--scenario <file>');
    expect(r.stdout).toContain('Examples:\n  $ cloudlab simulate template.yaml --scenario zone-failure.yaml');
  });
});
