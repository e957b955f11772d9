import type { TopologyView } from './topology.js';
import { printable } from '../safe-text.js';
import { servicesItems } from './services.js';
import { edgeBackupText } from './edge-backup.js';
import { wrapUnder } from './wrap.js';

/** The topology as an indented text tree that fits 80 columns. */
export function topologyText(view: TopologyView, width = 80): string[] {
  const lines: string[] = [];
  const put = (prefix: string, text: string, cont: string): void => {
    lines.push(...wrapUnder(prefix, text, cont, width));
  };
  for (const region of view.regions) {
    lines.push(`Region ${region.region}`);
    const services = servicesItems(region);
    region.vpcs.forEach((vpc, vi) => {
      const lastVpc = vi === region.vpcs.length - 1 && view.peerings.length === 0 && services.length === 0;
      const v = lastVpc ? '   ' : '│  ';
      put(lastVpc ? '└─ ' : '├─ ', `VPC ${vpc.name}  ${[...vpc.cidrs, ...(vpc.ipv6Cidrs ?? [])].join(', ')}  (${vpc.id})`, `${v}   `);
      const items: [string, string[]][] = [];
      items.push([vpc.internetGateway ? `internet gateway ${vpc.internetGateway.name} (attached)` : 'no internet gateway', []]);
      for (const g of vpc.egressOnlyInternetGateways ?? []) items.push([`egress-only internet gateway ${g.name} (IPv6 out only)`, []]);
      for (const n of vpc.natGateways) items.push([`NAT gateway ${n.name} in ${n.subnet}${n.publicIp ? `, elastic IP ${n.publicIp}` : ', private'}`, []]);
      for (const s of vpc.subnets) {
        const head = `subnet ${s.name}  ${s.cidr}${s.ipv6Cidr ? `  ${s.ipv6Cidr}` : ''}  ${s.zone}  ${s.public ? 'public' : 'private'}  route table ${s.routeTable}${s.defaultRoute ? ` (0.0.0.0/0 → ${s.defaultRoute})` : ''}  ACL ${s.networkAcl}`;
        const kids = s.instances.map((i) => `${i.name}  ${i.privateIp}${i.publicIp ? `  public ${i.publicIp}` : ''}  [${i.groups.join(', ')}]`);
        items.push([head, kids]);
      }
      for (const t of vpc.routeTables) items.push([`route table ${t.name}${t.main ? ' (main)' : ''}: ${t.routes.map((r) => `${r.destination} → ${r.target}${r.blackhole ? ' (blackhole)' : ''}`).join('; ')}`, []]);
      for (const g of vpc.securityGroups) {
        items.push([`security group ${g.name}: in ${g.inbound.length ? g.inbound.join('; ') : 'nothing'} | out ${g.outbound.length ? g.outbound.join('; ') : 'nothing'}`, []]);
      }
      for (const a of vpc.networkAcls) {
        const allowsAll = (lines: string[]): boolean => lines.slice(0, -1).every((l) => /^\d+ allow all (from|to) (0\.0\.0\.0|::)\/0$/.test(l));
        if (a.isDefault && a.inbound.length <= 3 && a.outbound.length <= 3 && allowsAll(a.inbound) && allowsAll(a.outbound)) {
          items.push([`network ACL ${a.name} (default): allows all in and out`, []]);
          continue;
        }
        items.push([`network ACL ${a.name}: in ${a.inbound.join('; ')} | out ${a.outbound.join('; ')}`, []]);
      }
      items.forEach(([head, kids], ii) => {
        const last = ii === items.length - 1;
        const p = `${v}${last ? '└─ ' : '├─ '}`;
        const c = `${v}${last ? '   ' : '│  '}`;
        put(p, head, `${c}   `);
        kids.forEach((k, ki) => {
          const kl = ki === kids.length - 1;
          put(`${c}${kl ? '└─ ' : '├─ '}`, k, `${c}${kl ? '   ' : '│  '}   `);
        });
      });
    });
    services.forEach(([head, kids], si) => {
      const last = si === services.length - 1 && view.peerings.length === 0;
      const c = last ? '   ' : '│  ';
      put(last ? '└─ ' : '├─ ', head, `${c}   `);
      kids.forEach((k, ki) => {
        const kl = ki === kids.length - 1;
        put(`${c}${kl ? '└─ ' : '├─ '}`, k, `${c}${kl ? '   ' : '│  '}   `);
      });
    });
  }
  if (view.peerings.length) {
    view.peerings.forEach((p, i) => {
      const last = i === view.peerings.length - 1;
      put(last ? '└─ ' : '├─ ', `peering ${p.name}: ${p.from} ↔ ${p.to}`, last ? '      ' : '│     ');
    });
  }
  lines.push(...edgeBackupText(view.distributions ?? [], view.backup ?? [], width));
  return lines.map((l) => printable(l));
}
