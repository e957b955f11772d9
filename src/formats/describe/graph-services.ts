import type { ArchEdge, ArchitectureView, ArchNode } from './architecture.js';

/**
 * The services of the architecture in Mermaid and DOT: regional nodes (load balancers, target
 * groups, auto scaling groups, databases) inside their region's subgraph, global ones (DNS
 * names, distributions, origin groups, health checks, names outside the submission) in a
 * subgraph of their own, and the request path, replication and health checks as edges.
 */

export const safeId = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_');

const PREFIX: Record<ArchNode['kind'], string> = {
  record: 'dns',
  distribution: 'cdn',
  'origin-group': 'og',
  'load-balancer': 'lb',
  'target-group': 'tg',
  'auto-scaling-group': 'asg',
  instance: 'i',
  database: 'db',
  'health-check': 'hc',
  external: 'ext',
};

/**
 * Short diagram ids, numbered per kind in the order of the view (`lb1`, `tg2`, …); an
 * instance keeps the id the VPC part of the diagram gives it.
 */
function diagramIds(arch: ArchitectureView): Map<string, string> {
  const count = new Map<string, number>();
  return new Map(
    arch.nodes.map((n) => {
      if (n.kind === 'instance') return [n.id, safeId(n.id)];
      const k = (count.get(n.kind) ?? 0) + 1;
      count.set(n.kind, k);
      return [n.id, `${PREFIX[n.kind]}${k}`];
    }),
  );
}
/** A label inside double quotes: no quote, backslash or `#` (Mermaid's entity marker) survives. */
export const label = (s: string): string => s.replace(/"/g, "'").replace(/\\/g, '/').replace(/#/g, 'no. ');

const TITLE: Record<ArchNode['kind'], string> = {
  record: 'DNS',
  distribution: 'CloudFront',
  'origin-group': 'origin group',
  'load-balancer': 'load balancer',
  'target-group': 'target group',
  'auto-scaling-group': 'auto scaling group',
  instance: 'instance',
  database: 'database',
  'health-check': 'health check',
  external: 'outside',
};

const title = (n: ArchNode): string => (n.kind === 'external' ? n.name : `${TITLE[n.kind]} ${n.name}`);

/** Instances are drawn by the VPC part of the diagram, inside their subnets. */
const drawn = (arch: ArchitectureView, pred: (n: ArchNode) => boolean): ArchNode[] => arch.nodes.filter((n) => n.kind !== 'instance' && pred(n));

export const isGlobal = (n: ArchNode): boolean => n.region === undefined;

function mermaidNode(n: ArchNode, id: string): string {
  const text = label([title(n), ...n.facts].join('<br/>'));
  switch (n.kind) {
    case 'record':
      return `${id}>"${text}"]`;
    case 'distribution':
      return `${id}(["${text}"])`;
    case 'origin-group':
      return `${id}{"${text}"}`;
    case 'load-balancer':
      return `${id}[["${text}"]]`;
    case 'database':
      return `${id}[("${text}")]`;
    case 'health-check':
      return `${id}(("${text}"))`;
    default:
      return `${id}["${text}"]`;
  }
}

/** Mermaid lines for the services of one region (inside its subgraph), or the global ones. */
export function mermaidServiceNodes(arch: ArchitectureView, region: string | undefined, indent: string): string[] {
  const ids = diagramIds(arch);
  const nodes = drawn(arch, (n) => (region === undefined ? isGlobal(n) : n.region === region));
  return nodes.map((n) => `${indent}${mermaidNode(n, ids.get(n.id)!)}`);
}

function mermaidEdge(e: ArchEdge, ids: Map<string, string>): string {
  const from = ids.get(e.from)!;
  const to = ids.get(e.to)!;
  const text = e.label ? `|"${label(e.label)}"|` : '';
  if (e.kind === 'replicates') return `  ${from} -.->${text || '|"replicates"|'} ${to}`;
  if (e.kind === 'checks') return `  ${from} -.-|"health check"| ${to}`;
  if (e.kind === 'launches') return `  ${from} -.- ${to}`;
  return `  ${from} -->${text} ${to}`;
}

export function mermaidServiceEdges(arch: ArchitectureView): string[] {
  const ids = diagramIds(arch);
  return arch.edges.map((e) => mermaidEdge(e, ids));
}

const DOT_SHAPE: Record<ArchNode['kind'], string> = {
  record: 'cds',
  distribution: 'ellipse',
  'origin-group': 'diamond',
  'load-balancer': 'box3d',
  'target-group': 'folder',
  'auto-scaling-group': 'tab',
  instance: 'box',
  database: 'cylinder',
  'health-check': 'octagon',
  external: 'note',
};

export function dotServiceNodes(arch: ArchitectureView, region: string | undefined, indent: string): string[] {
  const ids = diagramIds(arch);
  const nodes = drawn(arch, (n) => (region === undefined ? isGlobal(n) : n.region === region));
  return nodes.map((n) => `${indent}"${ids.get(n.id)}" [label="${label([title(n), ...n.facts].join('\n')).replace(/\n/g, '\\n')}", shape=${DOT_SHAPE[n.kind]}];`);
}

export function dotServiceEdges(arch: ArchitectureView): string[] {
  const ids = diagramIds(arch);
  // An instance is drawn by the VPC part under its own id.
  const dotId = (id: string): string => (arch.nodes.find((n) => n.id === id)?.kind === 'instance' ? id : ids.get(id)!);
  return arch.edges.map((e) => {
    const attrs = [e.label ? `label="${label(e.label)}"` : '', e.kind === 'replicates' || e.kind === 'checks' || e.kind === 'launches' ? 'style=dashed' : '', e.kind === 'replicates' ? 'color=blue' : ''].filter(Boolean);
    return `  "${dotId(e.from)}" -> "${dotId(e.to)}"${attrs.length ? ` [${attrs.join(', ')}]` : ''};`;
  });
}
