import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { architectureText } from '../../src/formats/describe/architecture-text.js';
import { architectureView, type ArchitectureView } from '../../src/formats/describe/architecture.js';
import { servicesView } from '../../src/formats/describe/data-services.js';
import { topologyDot, topologyMermaid } from '../../src/formats/describe/graph.js';
import { topologyView } from '../../src/formats/describe/topology.js';
import { loadSubmissionPath } from '../../src/formats/load-submission.js';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/services/${p}`, import.meta.url));

function load(p: string) {
  const r = loadSubmissionPath(fixture(p));
  expect(r.ok, JSON.stringify(r.diagnostics?.filter((d) => d.severity === 'error'))).toBe(true);
  const topo = topologyView(r.cloud);
  const data = servicesView(r.cloud);
  const arch = architectureView(r.cloud, topo, data);
  return { topo, data, arch, text: architectureText(arch, topo, data) };
}

/** The lines of one region's section of the text, from its heading to the next heading. */
function section(text: string[], heading: string): string[] {
  const start = text.indexOf(heading);
  expect(start, `no "${heading}" in\n${text.join('\n')}`).toBeGreaterThanOrEqual(0);
  const end = text.findIndex((l, i) => i > start && !l.startsWith(' '));
  return text.slice(start, end === -1 ? undefined : end);
}

const fits = (lines: string[]) => expect(lines.filter((l) => l.length > 80 || l !== l.trimEnd())).toEqual([]);

const edge = (arch: ArchitectureView, from: string, to: string) =>
  arch.edges.find((e) => arch.nodes.find((n) => n.id === e.from)?.name === from && arch.nodes.find((n) => n.id === e.to)?.name === to);

describe('describe: the architecture, top-down per region', () => {
  it('a two-region warm standby reads DNS → CloudFront → load balancer → target group → group per zone → database, with the replica across regions', () => {
    const { text, arch } = load('arch/warm-standby');
    fits(text);
    expect(text[0]).toBe('Architecture (the request path, top-down)');
    expect(section(text, 'Region us-east-1')).toEqual([
      'Region us-east-1',
      '  DNS names',
      '  ├─ www.example.com A alias → Cdn',
      '  └─ api.example.com A alias failover PRIMARY → Alb  health check EastCheck',
      '  ↓',
      '  CloudFront',
      '  └─ Cdn  da53559d7d836f.cloudfront.net',
      '     └─ * → origin group failover: east → Alb, failing over to west →',
      '           shop-west.example.net (outside the submission) on 502, 503',
      '  ↓',
      '  Load balancers',
      '  └─ Alb  application internet-facing  [AlbSg]',
      '     ├─ nodes us-east-1a 10.0.0.4, us-east-1b 10.0.1.4',
      '     └─ HTTP:80 → WebTargets',
      '  ↓',
      '  Target groups',
      '  └─ WebTargets  HTTP:80 instance  health HTTP /health → WebGroup',
      '  ↓',
      '  Instances',
      '  └─ auto scaling group WebGroup  min 2 desired 2 max 4',
      '     ├─ us-east-1a: WebGroup-1 10.0.10.4',
      '     └─ us-east-1b: WebGroup-2 10.0.11.4',
      '  ↓',
      '  Databases',
      '  └─ Database  mysql port 3306  us-east-1a, standby us-east-1b',
      '     └─ ⇢ read replica Replica (us-west-2)',
    ]);
    const west = section(text, 'Region us-west-2');
    expect(west).toContain('  └─ api.example.com A alias failover SECONDARY → Alb');
    expect(west.join('\n')).toContain('⇠ read replica of Database\n        (us-east-1)');
    expect(west.join('\n')).not.toContain('CloudFront');
    const replication = edge(arch, 'Database', 'Replica')!;
    expect(replication).toMatchObject({ kind: 'replicates', crossRegion: true, label: 'read replica in us-west-2' });
    expect(edge(arch, 'Cdn', 'failover')).toMatchObject({ kind: 'origin', label: '*' });
    expect(arch.nodes.find((n) => n.kind === 'distribution')!.regions).toEqual(['us-east-1']);
    expect(arch.nodes.find((n) => n.kind === 'health-check')!.regions).toEqual(['us-east-1']);
  });

  it('a load-balanced group: listener and rule, target group, instances per zone', () => {
    const { text } = load('elbasg/web.yaml');
    fits(text);
    expect(section(text, 'Region us-east-1')).toEqual([
      'Region us-east-1',
      '  Load balancers',
      '  └─ Alb  application internet-facing  [AlbSg]',
      '     ├─ nodes us-east-1a 10.0.0.4, us-east-1b 10.0.1.4',
      '     └─ HTTP:80 → WebTargets; rule 10 → redirect 301',
      '  ↓',
      '  Target groups',
      '  └─ WebTargets  HTTP:80 instance  health HTTP /health → WebGroup',
      '  ↓',
      '  Instances',
      '  └─ auto scaling group WebGroup  min 2 desired 4 max 6',
      '     ├─ us-east-1a: WebGroup-1 10.0.10.4, WebGroup-3 10.0.10.5',
      '     └─ us-east-1b: WebGroup-2 10.0.11.4, WebGroup-4 10.0.11.5',
    ]);
  });

  it('private zone names lead to the database of their region; the replica points back across regions', () => {
    const { text } = load('rds/warm-standby');
    fits(text);
    expect(section(text, 'Region us-east-1')).toContain('  └─ db.internal.example.com CNAME  private zone, in Vpc (us-east-1) → Database');
    expect(section(text, 'Region us-west-2')).toContain('  └─ db.internal.example.com CNAME  private zone, in Vpc (us-west-2) → Replica');
  });

  it('names that reach nothing of the submission are drawn apart, with their values and health check', () => {
    const { text } = load('route53/failover.yaml');
    fits(text);
    expect(section(text, 'Reaching nothing the submission makes')).toEqual([
      'Reaching nothing the submission makes',
      '  DNS names',
      '  ├─ api.example.com A failover PRIMARY → 203.0.113.10  health check',
      '  │     PrimaryCheck',
      '  ├─ api.example.com A failover SECONDARY → 198.51.100.10',
      '  ├─ app.example.com A weighted weight 90 → 203.0.113.20',
      '  └─ app.example.com A weighted weight 10 → 203.0.113.21',
    ]);
  });

  it('a distribution whose origins are outside the submission shows its origin group and behaviours', () => {
    const { text } = load('cloudfront/edge.yaml');
    fits(text);
    const s = section(text, 'Reaching nothing the submission makes').join('\n');
    expect(s).toContain('└─ Cdn  da53559d7d836f.cloudfront.net  for www.example.com');
    expect(s).toContain('* → origin group failover: primary → app-east.example.net (outside the\n     │     submission), failing over to secondary → app-west.example.net');
    expect(s).toContain('/api/* → origin primary → app-east.example.net (outside the submission)');
  });

  it('a submission without these services has no architecture section', () => {
    const { text } = load('cost/web.yaml');
    expect(text.length).toBeGreaterThan(0);
    const vpcOnly = loadSubmissionPath(fileURLToPath(new URL('../fixtures/real/awslabs-vpc-managed-nat.yaml', import.meta.url)));
    const topo = topologyView(vpcOnly.cloud);
    const data = servicesView(vpcOnly.cloud);
    expect(architectureText(architectureView(vpcOnly.cloud, topo, data), topo, data)).toEqual([]);
  });
});

/** Mermaid: every subgraph ends, every label is quoted, ids are plain. */
function mermaidSane(lines: string[]): void {
  expect(lines[0]).toBe('flowchart LR');
  expect(lines.filter((l) => /^\s*subgraph /.test(l)).length).toBe(lines.filter((l) => /^\s*end$/.test(l)).length);
  let depth = 0;
  for (const l of lines) {
    if (/^\s*subgraph /.test(l)) depth++;
    if (/^\s*end$/.test(l)) depth--;
    expect(depth).toBeGreaterThanOrEqual(0);
    expect((l.match(/"/g) ?? []).length % 2, l).toBe(0);
    expect(l).not.toContain('#');
  }
  expect(depth).toBe(0);
}

function dotSane(lines: string[]): void {
  expect(lines[0]).toBe('digraph topology {');
  expect(lines.at(-1)).toBe('}');
  const text = lines.join('\n');
  expect((text.match(/{/g) ?? []).length).toBe((text.match(/}/g) ?? []).length);
  for (const l of lines) expect((l.replace(/\\"/g, '').match(/"/g) ?? []).length % 2, l).toBe(0);
}

describe('describe --format mermaid and dot draw the services', () => {
  const { topo, arch } = load('arch/warm-standby');
  const mermaid = topologyMermaid(topo, arch);
  const dot = topologyDot(topo, arch);

  it('Mermaid has a node for each record, distribution, origin group, load balancer, target group, group, database and health check, and the request path as edges', () => {
    mermaidSane(mermaid);
    const has = (s: string) => expect(mermaid.some((l) => l.includes(s)), s).toBe(true);
    has('subgraph global["DNS and CloudFront (global)"]');
    has('dns1>"DNS www.example.com<br/>A alias"]');
    has('cdn1(["CloudFront Cdn<br/>da53559d7d836f.cloudfront.net"])');
    has('og1{"origin group failover<br/>east, else west<br/>on 502, 503"}');
    has('lb1[["load balancer Alb<br/>application internet-facing<br/>us-east-1a 10.0.0.4, us-east-1b 10.0.1.4"]]');
    has('tg1["target group WebTargets<br/>HTTP:80 instance<br/>health HTTP /health"]');
    has('asg1["auto scaling group WebGroup<br/>min 2 desired 2 max 4<br/>us-east-1a: 1, us-east-1b: 1"]');
    has('db1[("database Database<br/>mysql port 3306<br/>us-east-1a, standby us-east-1b")]');
    has('hc1(("health check EastCheck');
    for (const e of ['dns1 --> cdn1', 'cdn1 -->|"*"| og1', 'og1 -->|"primary east"| lb1', 'og1 -->|"secondary west"| ext1', 'lb1 -->|"HTTP:80"| tg1', 'tg1 --> asg1', 'dns2 --> lb1', 'dns3 --> lb2', 'dns2 -.-|"health check"| hc1', 'db1 -.->|"read replica in us-west-2"| db2']) {
      expect(mermaid, e).toContain(`  ${e}`);
    }
    // The group's instances are the ones drawn in their subnets.
    const launched = mermaid.filter((l) => l.startsWith('  asg1 -.- ')).map((l) => l.split(' ').at(-1)!);
    expect(launched).toHaveLength(2);
    for (const id of launched) expect(mermaid.some((l) => l.trim().startsWith(`${id}["WebGroup-`))).toBe(true);
    // Regional services sit inside their region's subgraph.
    const west = mermaid.indexOf('  subgraph us_west_2["us-west-2"]');
    expect(mermaid.findIndex((l) => l.includes('lb2[['))).toBeGreaterThan(west);
    expect(mermaid.findIndex((l) => l.includes('lb1[['))).toBeLessThan(west);
  });

  it('DOT has the same nodes and edges, in clusters per region and one for the global services', () => {
    dotSane(dot);
    const text = dot.join('\n');
    expect(text).toContain('subgraph "cluster_global" {');
    expect(text).toContain('"db1" [label="database Database\\nmysql port 3306\\nus-east-1a, standby us-east-1b", shape=cylinder];');
    for (const e of ['"dns1" -> "cdn1";', '"cdn1" -> "og1" [label="*"];', '"og1" -> "lb1" [label="primary east"];', '"lb1" -> "tg1" [label="HTTP:80"];', '"tg1" -> "asg1";', '"dns2" -> "hc1" [style=dashed];', '"db1" -> "db2" [label="read replica in us-west-2", style=dashed, color=blue];']) {
      expect(text, e).toContain(`  ${e}`);
    }
  });

  it('the other fixtures draw sane diagrams too', () => {
    for (const p of ['elbasg/web.yaml', 'rds/warm-standby', 'route53/failover.yaml', 'cloudfront/edge.yaml']) {
      const { topo: t, arch: a } = load(p);
      mermaidSane(topologyMermaid(t, a));
      dotSane(topologyDot(t, a));
    }
  });
});
