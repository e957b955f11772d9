import { printable } from '../safe-text.js';
import { type ArchitectureView, type ArchNode, recordNodeId } from './architecture.js';
import type { ServicesView as DataServicesView } from './data-services.js';
import type { ActionView } from './services.js';
import type { TopologyView } from './topology.js';
import { type TreeNode, treeLines } from './wrap.js';

/**
 * describe's "Architecture" section: per region, the request path top-down — DNS names,
 * CloudFront, load balancers, target groups, instances (auto scaling groups per zone),
 * databases and their replicas — each line naming where it leads. Empty when the submission
 * has none of these services (a VPC alone is drawn by the topology tree above it).
 */
const TIERS: [string, ArchNode['kind'][]][] = [
  ['DNS names', ['record']],
  ['CloudFront', ['distribution']],
  ['Load balancers', ['load-balancer']],
  ['Target groups', ['target-group']],
  ['Instances', ['auto-scaling-group', 'instance']],
  ['Databases', ['database']],
];

const actionText = (a: ActionView): string =>
  a.type === 'forward' ? a.targetGroups!.map((g) => g.name).join(', ') : a.type === 'redirect' ? `redirect ${a.statusCode!.replace('HTTP_', '')}` : a.type === 'fixed-response' ? `fixed response ${a.statusCode}` : a.type;

export function architectureText(arch: ArchitectureView, topo: TopologyView, data: DataServicesView, width = 80): string[] {
  const byId = new Map(arch.nodes.map((n) => [n.id, n]));
  if (!arch.nodes.some((n) => n.kind !== 'instance' && n.kind !== 'external')) return [];
  const out = (id: string) => arch.edges.filter((e) => e.from === id);
  const where = (n: ArchNode, region: string | undefined): string => {
    const name = n.kind === 'external' ? `${n.name} (outside the submission)` : n.name;
    return n.region && n.region !== region ? `${name} (${n.region})` : name;
  };
  const leadsTo = (id: string, region: string | undefined): string => {
    const to = out(id).filter((e) => e.kind !== 'checks');
    return to.length ? ` → ${to.map((e) => where(byId.get(e.to)!, region)).join(', ')}` : '';
  };
  const records = new Map(data.hostedZones.flatMap((z) => z.records.map((r) => [recordNodeId(z.id, r.name, r.type, r.setIdentifier), r] as const)));
  const regionsOf = new Map(topo.regions.map((r) => [r.region, r]));

  const lines = (n: ArchNode, region: string | undefined): TreeNode => {
    switch (n.kind) {
      case 'record': {
        const rec = records.get(n.id);
        const check = out(n.id).find((e) => e.kind === 'checks');
        const values = rec && !rec.alias && rec.type !== 'CNAME' ? ` → ${rec.values.join(', ')}` : '';
        return [`${n.name} ${n.facts.join('  ')}${leadsTo(n.id, region)}${values}${check ? `  health check ${byId.get(check.to)!.name}` : ''}`, []];
      }
      case 'distribution': {
        const d = topo.distributions.find((x) => x.id === n.id)!;
        const kids: TreeNode[] = d.behaviors.map((b) => {
          if (b.targetIsGroup) {
            const g = d.originGroups.find((x) => x.id === b.target);
            const gid = `origin-group:${d.id}:${b.target}`;
            const member = (role: string, origin: string): string => {
              const e = out(gid).find((x) => (x.label ?? '').split(', ').includes(`${role} ${origin}`));
              return `${origin}${e ? ` → ${where(byId.get(e.to)!, region)}` : ''}`;
            };
            const members = g ? `${member('primary', g.primary)}, failing over to ${member('secondary', g.secondary)} on ${g.statusCodes.join(', ')}` : 'not found';
            return [`${b.pathPattern} → origin group ${b.target}: ${members}`, []];
          }
          const o = d.origins.find((x) => x.id === b.target);
          const e = out(d.id).find((x) => x.label?.split(', ').includes(b.pathPattern));
          return [`${b.pathPattern} → origin ${b.target}${e ? ` → ${where(byId.get(e.to)!, region)}` : ''}${o?.protocolPolicy ? `  ${o.protocolPolicy}` : ''}`, []];
        });
        return [`${n.name}  ${d.domainName}${d.aliases.length ? `  for ${d.aliases.join(', ')}` : ''}`, kids];
      }
      case 'load-balancer': {
        const lb = regionsOf.get(n.region!)!.loadBalancers.find((x) => x.id === n.id)!;
        const kids: TreeNode[] = [[`nodes ${lb.nodes.map((x) => `${x.zone} ${x.privateIp}`).join(', ') || 'none'}`, []]];
        if (!lb.listeners.length) kids.push(['no listeners: it accepts no traffic', []]);
        for (const l of lb.listeners) {
          const rules = l.rules.map((r) => `; rule ${r.priority} → ${r.actions.map(actionText).join(', ')}`).join('');
          kids.push([`${l.protocol}:${l.port} → ${l.defaultActions.map(actionText).join(', ')}${rules}`, []]);
        }
        return [`${n.name}  ${lb.type} ${lb.scheme}  [${lb.securityGroups.join(', ') || 'no security groups'}]`, kids];
      }
      case 'target-group':
        return [`${n.name}  ${n.facts.join('  ')}${leadsTo(n.id, region) || '  no targets'}`, []];
      case 'auto-scaling-group': {
        const g = regionsOf.get(n.region!)!.autoScalingGroups.find((x) => x.groupName === n.id)!;
        return [`auto scaling group ${n.name}  min ${g.minSize} desired ${g.desiredCapacity} max ${g.maxSize}`, g.zones.map((z): TreeNode => [`${z.zone}: ${z.instances.map((i) => `${i.name} ${i.privateIp}`).join(', ') || 'no instances'}`, []])];
      }
      case 'instance':
        return [`instance ${n.name}  ${n.facts.join(' ')}`, []];
      case 'database': {
        const d = data.databases.find((x) => x.id === n.id)!;
        const kids: TreeNode[] = out(n.id)
          .filter((e) => e.kind === 'replicates')
          .map((e) => [`⇢ read replica ${where(byId.get(e.to)!, region)}`, []]);
        const from = d.replicaOf ? `  ⇠ read replica of ${d.replicaOf.source}${d.replicaOf.crossRegion ? ` (${d.replicaOf.region})` : ''}` : '';
        return [`${n.name}  ${d.engine} port ${d.port}  ${d.zone ?? 'no zone'}${d.multiAz ? `, standby ${d.standbyZone ?? '?'}` : ''}${from}`, kids];
      }
      default:
        return [n.name, []];
    }
  };

  const section = (heading: string, region: string | undefined, inRegion: (n: ArchNode) => boolean): string[] => {
    const body: string[] = [];
    for (const [title, kinds] of TIERS) {
      const tier = arch.nodes.filter((n) => kinds.includes(n.kind) && inRegion(n));
      // An instance is its own line only when something forwards to it outside a group.
      const shown = tier.filter((n) => n.kind !== 'instance' || arch.edges.some((e) => e.to === n.id && e.kind !== 'launches'));
      if (!shown.length) continue;
      if (body.length) body.push('  ↓');
      body.push(`  ${title}`);
      treeLines(shown.map((n) => lines(n, region)), '  ', width, body);
    }
    return body.length ? [heading, ...body] : [];
  };
  const regions = [...new Set([...topo.regions.map((r) => r.region), ...arch.nodes.flatMap((n) => n.regions)])];
  const text = ['Architecture (the request path, top-down)'];
  for (const r of regions) text.push(...section(`Region ${r}`, r, (n) => n.regions.includes(r)));
  text.push(...section('Reaching nothing the submission makes', undefined, (n) => n.regions.length === 0));
  return text.map((l) => printable(l));
}
