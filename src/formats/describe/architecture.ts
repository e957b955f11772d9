import { resourceAtName } from '../../engine/cloudfront/origin-target.js';
import type { Store } from '../../engine/store.js';
import type { ServicesView as DataServicesView } from './data-services.js';
import type { TopologyView } from './topology.js';

/**
 * The whole architecture as a graph, for describe's "Architecture" section, Mermaid and DOT:
 * DNS names → CloudFront distributions (origin groups, origins) → load balancers → target
 * groups → auto scaling groups and instances → databases and their replicas. Nodes are the
 * resources (ids as the engine keeps them), edges the request path and replication. A global
 * node (a DNS name, a distribution, an origin group, a health check) belongs to every region
 * its path reaches; one that reaches nothing of the submission belongs to none.
 */
export type ArchKind = 'record' | 'distribution' | 'origin-group' | 'load-balancer' | 'target-group' | 'auto-scaling-group' | 'instance' | 'database' | 'health-check' | 'external';

export type ArchEdgeKind = 'resolves' | 'origin' | 'forwards' | 'targets' | 'launches' | 'replicates' | 'checks';

export interface ArchNode {
  id: string;
  kind: ArchKind;
  name: string;
  /** The region of a regional resource; absent for global ones. */
  region?: string;
  /** The regions whose request path passes through this node (its own, for a regional one). */
  regions: string[];
  /** Short facts for a diagram's label, after the name. */
  facts: string[];
}

export interface ArchEdge {
  from: string;
  to: string;
  kind: ArchEdgeKind;
  label?: string;
  /** Between resources of two regions (a cross-region read replica). */
  crossRegion: boolean;
}

export interface ArchitectureView {
  nodes: ArchNode[];
  edges: ArchEdge[];
}

export const recordNodeId = (zoneId: string, name: string, type: string, setIdentifier?: string): string => `record:${zoneId}:${name}:${type}${setIdentifier !== undefined ? `:${setIdentifier}` : ''}`;
const groupNodeId = (distributionId: string, groupId: string): string => `origin-group:${distributionId}:${groupId}`;

export function architectureView(store: Store, topo: TopologyView, data: DataServicesView): ArchitectureView {
  const nodes = new Map<string, ArchNode>();
  const edges: ArchEdge[] = [];
  const add = (n: Omit<ArchNode, 'regions'>): void => {
    if (!nodes.has(n.id)) nodes.set(n.id, { ...n, regions: n.region ? [n.region] : [] });
  };
  const link = (from: string, to: string, kind: ArchEdgeKind, label?: string): void => {
    const same = edges.find((e) => e.from === from && e.to === to && e.kind === kind);
    if (same) {
      if (label && !(same.label ?? '').split(', ').includes(label)) same.label = same.label ? `${same.label}, ${label}` : label;
      return;
    }
    edges.push({ from, to, kind, ...(label ? { label } : {}), crossRegion: false });
  };
  const external = (name: string): string => {
    const id = `external:${name}`;
    add({ id, kind: 'external', name, facts: ['outside the submission'] });
    return id;
  };
  const instanceRegion = new Map<string, { region: string; zone: string; name: string; privateIp: string }>();
  for (const r of topo.regions) for (const v of r.vpcs) for (const s of v.subnets) for (const i of s.instances) if (!i.instanceId) instanceRegion.set(i.id, { region: r.region, zone: s.zone, name: i.name, privateIp: i.privateIp });
  const instanceNode = (id: string): string | undefined => {
    const i = instanceRegion.get(id);
    if (!i) return undefined;
    add({ id, kind: 'instance', name: i.name, region: i.region, facts: [i.zone, i.privateIp] });
    return id;
  };

  for (const r of topo.regions) {
    for (const lb of r.loadBalancers) {
      add({ id: lb.id, kind: 'load-balancer', name: lb.name, region: r.region, facts: [`${lb.type} ${lb.scheme}`, lb.nodes.map((n) => `${n.zone} ${n.privateIp}`).join(', ') || 'no nodes'] });
    }
    for (const tg of r.targetGroups) {
      add({ id: tg.id, kind: 'target-group', name: tg.name, region: r.region, facts: [`${tg.protocol ?? 'lambda'}${tg.port !== undefined ? `:${tg.port}` : ''} ${tg.targetType}`, `health ${tg.healthCheck.protocol}${tg.healthCheck.path ? ` ${tg.healthCheck.path}` : ''}`] });
    }
    for (const g of r.autoScalingGroups) {
      add({ id: g.groupName, kind: 'auto-scaling-group', name: g.name, region: r.region, facts: [`min ${g.minSize} desired ${g.desiredCapacity} max ${g.maxSize}`, g.zones.map((z) => `${z.zone}: ${z.instances.length}`).join(', ')] });
    }
  }
  for (const d of data.databases) {
    add({ id: d.id, kind: 'database', name: d.name, region: d.region, facts: [`${d.engine} port ${d.port}`, d.multiAz ? `${d.zone ?? '?'}, standby ${d.standbyZone ?? '?'}` : d.zone ?? 'single-AZ'] });
  }
  for (const d of topo.distributions) add({ id: d.id, kind: 'distribution', name: d.name, facts: [d.domainName, ...(d.aliases.length ? [d.aliases.join(', ')] : [])] });
  for (const h of data.healthChecks) add({ id: h.id, kind: 'health-check', name: h.name, facts: [`${h.type} ${h.endpoint ?? ''}${h.port ? `:${h.port}` : ''}${h.path ?? ''}`.trim()] });

  /** The node a DNS name leads to: a resource of the submission or a name outside it. */
  const atName = (name: string): string => {
    const r = resourceAtName(store, name);
    if (r && nodes.has(r.id)) return r.id;
    if (r && instanceNode(r.id)) return r.id;
    return external(name.replace(/\.$/, '').toLowerCase());
  };

  for (const r of topo.regions) {
    for (const lb of r.loadBalancers) {
      for (const l of lb.listeners) {
        const forwards = [...l.defaultActions, ...l.rules.flatMap((rule) => rule.actions)].flatMap((a) => a.targetGroups ?? []);
        for (const f of forwards) {
          const tg = r.targetGroups.find((t) => t.name === f.name);
          if (tg) link(lb.id, tg.id, 'forwards', `${l.protocol}:${l.port}`);
        }
      }
    }
    for (const tg of r.targetGroups) {
      for (const g of r.autoScalingGroups) if (g.targetGroups.includes(tg.name)) link(tg.id, g.groupName, 'targets');
      for (const t of tg.targets) if (t.registeredBy === 'template' && instanceNode(t.id)) link(tg.id, t.id, 'targets', t.port !== undefined ? `port ${t.port}` : undefined);
    }
    for (const g of r.autoScalingGroups) for (const z of g.zones) for (const i of z.instances) if (instanceNode(i.id)) link(g.groupName, i.id, 'launches');
  }
  for (const d of data.databases) {
    const source = d.replicaOf?.found ? data.databases.find((s) => s.name === d.replicaOf!.source && s.region === d.replicaOf!.region) : undefined;
    if (source) link(source.id, d.id, 'replicates', d.replicaOf!.crossRegion ? `read replica in ${d.region}` : 'read replica');
  }
  for (const d of topo.distributions) {
    const originNode = new Map(d.origins.map((o) => [o.id, o.target && nodes.has(o.target.id) ? o.target.id : o.target && instanceNode(o.target.id) ? o.target.id : external(o.domainName)]));
    for (const g of d.originGroups) {
      const id = groupNodeId(d.id, g.id);
      add({ id, kind: 'origin-group', name: g.id, facts: [`${g.primary}, else ${g.secondary}`, `on ${g.statusCodes.join(', ')}`] });
      const primary = originNode.get(g.primary);
      const secondary = originNode.get(g.secondary);
      if (primary) link(id, primary, 'origin', `primary ${g.primary}`);
      if (secondary) link(id, secondary, 'origin', `secondary ${g.secondary}`);
    }
    const used = new Set<string>();
    for (const b of d.behaviors) {
      if (b.targetIsGroup) {
        link(d.id, groupNodeId(d.id, b.target), 'origin', b.pathPattern);
        const g = d.originGroups.find((x) => x.id === b.target);
        if (g) used.add(g.primary).add(g.secondary);
      } else {
        const to = originNode.get(b.target);
        if (to) link(d.id, to, 'origin', b.pathPattern);
        used.add(b.target);
      }
    }
    for (const o of d.origins) if (!used.has(o.id)) link(d.id, originNode.get(o.id)!, 'origin', `origin ${o.id} (no behavior)`);
  }
  const checkByName = new Map(data.healthChecks.map((h) => [h.name, h.id]));
  const recordsByName = new Map<string, string[]>();
  for (const z of data.hostedZones) {
    for (const rec of z.records) {
      const id = recordNodeId(z.id, rec.name, rec.type, rec.setIdentifier);
      const policy = rec.policy === 'simple' ? '' : ` ${rec.policy}${rec.failover ? ` ${rec.failover}` : ''}${rec.weight !== undefined ? ` weight ${rec.weight}` : ''}${rec.region ? ` ${rec.region}` : ''}`;
      add({ id, kind: 'record', name: rec.name, facts: [`${rec.type}${rec.alias ? ' alias' : ''}${policy}`, ...(z.private ? [`private zone, in ${z.vpcs.join(', ')}`] : [])] });
      recordsByName.set(`${z.id} ${rec.name}`, [...(recordsByName.get(`${z.id} ${rec.name}`) ?? []), id]);
    }
  }
  for (const z of data.hostedZones) {
    for (const rec of z.records) {
      const id = recordNodeId(z.id, rec.name, rec.type, rec.setIdentifier);
      const to = rec.alias?.dnsName ?? (rec.type === 'CNAME' ? rec.values[0] : undefined);
      if (to) {
        const sameZone = recordsByName.get(`${z.id} ${to.replace(/\.$/, '').toLowerCase()}`);
        if (sameZone) for (const other of sameZone) link(id, other, 'resolves');
        else link(id, atName(to), 'resolves');
      }
      if (rec.healthCheck) {
        const hc = checkByName.get(rec.healthCheck);
        if (hc) link(id, hc, 'checks');
      }
    }
  }

  // A global node takes the regions its request path reaches; a replica's edge and a health
  // check do not carry the request.
  const down = (id: string, seen: Set<string>): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const n = nodes.get(id)!;
    if (n.region) return [n.region];
    return edges.filter((e) => e.from === id && e.kind !== 'checks' && e.kind !== 'replicates').flatMap((e) => down(e.to, seen));
  };
  for (const n of nodes.values()) if (!n.region && n.kind !== 'health-check') n.regions = [...new Set(down(n.id, new Set()))].sort();
  for (const e of edges) if (e.kind === 'checks') nodes.get(e.to)!.regions = [...new Set([...nodes.get(e.to)!.regions, ...nodes.get(e.from)!.regions])].sort();
  for (const e of edges) {
    const a = nodes.get(e.from)!;
    const b = nodes.get(e.to)!;
    e.crossRegion = a.region !== undefined && b.region !== undefined && a.region !== b.region;
  }
  return { nodes: [...nodes.values()], edges };
}
