import { printable } from '../safe-text.js';
import type { TopologyView } from './topology.js';
import type { ArchitectureView } from './architecture.js';
import { dotServiceEdges, dotServiceNodes, label as quote, mermaidServiceEdges, mermaidServiceNodes, safeId as safe } from './graph-services.js';

const NO_SERVICES: ArchitectureView = { nodes: [], edges: [] };

/** Regions that hold services but no VPC of the submission (a database outside any VPC). */
const extraRegions = (view: TopologyView, arch: ArchitectureView): string[] =>
  [...new Set(arch.nodes.flatMap((n) => (n.region && !view.regions.some((r) => r.region === n.region) ? [n.region] : [])))];

/**
 * Mermaid flowchart: VPCs and subnets as nested subgraphs, gateways and routes as edges; the
 * services (DNS, CloudFront, load balancers, target groups, groups, databases) as nodes with
 * the request path, replication and health checks as edges.
 */
export function topologyMermaid(view: TopologyView, arch: ArchitectureView = NO_SERVICES): string[] {
  const lines = ['flowchart LR', '  internet(("internet"))'];
  for (const region of view.regions) {
    lines.push(`  subgraph ${safe(region.region)}["${region.region}"]`);
    for (const vpc of region.vpcs) {
      lines.push(`    subgraph ${safe(vpc.id)}["VPC ${quote(vpc.name)} ${vpc.cidrs.join(', ')}"]`);
      if (vpc.internetGateway) lines.push(`      ${safe(vpc.internetGateway.id)}{{"IGW ${quote(vpc.internetGateway.name)}"}}`);
      for (const n of vpc.natGateways) lines.push(`      ${safe(n.id)}[/"NAT ${quote(n.name)}"/]`);
      for (const s of vpc.subnets) {
        lines.push(`      subgraph ${safe(s.id)}["${quote(s.name)} ${s.cidr} ${s.zone} ${s.public ? 'public' : 'private'}"]`);
        for (const i of s.instances) lines.push(`        ${safe(i.id)}["${quote(i.name)}<br/>${i.privateIp}${i.publicIp ? ` / ${i.publicIp}` : ''}"]`);
        if (!s.instances.length) lines.push(`        ${safe(s.id)}_empty[" "]`);
        lines.push('      end');
      }
      lines.push('    end');
    }
    lines.push(...mermaidServiceNodes(arch, region.region, '    '));
    lines.push('  end');
  }
  for (const region of extraRegions(view, arch)) lines.push(`  subgraph ${safe(region)}["${region}"]`, ...mermaidServiceNodes(arch, region, '    '), '  end');
  const global = mermaidServiceNodes(arch, undefined, '    ');
  if (global.length) lines.push('  subgraph global["DNS and CloudFront (global)"]', ...global, '  end');
  for (const region of view.regions) {
    for (const vpc of region.vpcs) {
      if (vpc.internetGateway) lines.push(`  ${safe(vpc.internetGateway.id)} --- internet`);
      for (const s of vpc.subnets) {
        if (!s.defaultRoute) continue;
        const igw = vpc.internetGateway && s.defaultRoute.startsWith(vpc.internetGateway.name) ? vpc.internetGateway.id : undefined;
        const nat = vpc.natGateways.find((n) => s.defaultRoute!.startsWith(n.name));
        const to = igw ?? nat?.id;
        if (to) lines.push(`  ${safe(s.id)} -->|0.0.0.0/0| ${safe(to)}`);
      }
      for (const n of vpc.natGateways) {
        const s = vpc.subnets.find((x) => x.name === n.subnet);
        if (s) lines.push(`  ${safe(n.id)} -.- ${safe(s.id)}`);
      }
    }
  }
  for (const p of view.peerings) {
    const from = view.regions.flatMap((r) => r.vpcs).find((v) => v.name === p.from);
    const to = view.regions.flatMap((r) => r.vpcs).find((v) => v.name === p.to);
    if (from && to) lines.push(`  ${safe(from.id)} <-->|peering ${quote(p.name)}| ${safe(to.id)}`);
  }
  lines.push(...mermaidServiceEdges(arch));
  return lines.map((l) => printable(l));
}

/** Graphviz DOT: clusters for regions, VPCs and subnets; the services as in Mermaid. */
export function topologyDot(view: TopologyView, arch: ArchitectureView = NO_SERVICES): string[] {
  const lines = ['digraph topology {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];', '  internet [shape=ellipse];'];
  for (const region of view.regions) {
    lines.push(`  subgraph "cluster_${region.region}" {`, `    label="${region.region}";`);
    for (const vpc of region.vpcs) {
      lines.push(`    subgraph "cluster_${vpc.id}" {`, `      label="VPC ${quote(vpc.name)} ${vpc.cidrs.join(', ')}";`);
      if (vpc.internetGateway) lines.push(`      "${vpc.internetGateway.id}" [label="IGW ${quote(vpc.internetGateway.name)}", shape=hexagon];`);
      for (const n of vpc.natGateways) lines.push(`      "${n.id}" [label="NAT ${quote(n.name)}", shape=trapezium];`);
      for (const s of vpc.subnets) {
        lines.push(`      subgraph "cluster_${s.id}" {`, `        label="${quote(s.name)} ${s.cidr} ${s.zone} ${s.public ? 'public' : 'private'}";`);
        lines.push(`        "${s.id}" [label="${quote(s.name)}", shape=point];`);
        for (const i of s.instances) lines.push(`        "${i.id}" [label="${quote(i.name)}\\n${i.privateIp}${i.publicIp ? `\\n${i.publicIp}` : ''}"];`);
        lines.push('      }');
      }
      lines.push('    }');
    }
    lines.push(...dotServiceNodes(arch, region.region, '    '));
    lines.push('  }');
  }
  for (const region of extraRegions(view, arch)) lines.push(`  subgraph "cluster_${region}" {`, `    label="${region}";`, ...dotServiceNodes(arch, region, '    '), '  }');
  const global = dotServiceNodes(arch, undefined, '    ');
  if (global.length) lines.push('  subgraph "cluster_global" {', '    label="DNS and CloudFront (global)";', ...global, '  }');
  for (const region of view.regions) {
    for (const vpc of region.vpcs) {
      if (vpc.internetGateway) lines.push(`  "${vpc.internetGateway.id}" -> internet [dir=both];`);
      for (const s of vpc.subnets) {
        const igw = vpc.internetGateway && s.defaultRoute?.startsWith(vpc.internetGateway.name) ? vpc.internetGateway.id : undefined;
        const nat = vpc.natGateways.find((n) => s.defaultRoute?.startsWith(n.name));
        const to = igw ?? nat?.id;
        if (to) lines.push(`  "${s.id}" -> "${to}" [label="0.0.0.0/0"];`);
      }
    }
  }
  for (const p of view.peerings) {
    const all = view.regions.flatMap((r) => r.vpcs);
    const from = all.find((v) => v.name === p.from);
    const to = all.find((v) => v.name === p.to);
    if (from && to && from.subnets[0] && to.subnets[0]) lines.push(`  "${from.subnets[0].id}" -> "${to.subnets[0].id}" [label="peering ${quote(p.name)}", dir=both, style=dashed, ltail="cluster_${from.id}", lhead="cluster_${to.id}"];`);
  }
  lines.push(...dotServiceEdges(arch));
  lines.push('}');
  return lines.map((l) => printable(l));
}
