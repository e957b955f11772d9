import { describePorts } from '../../engine/reach/describe-sets.js';
import { probeEverySubnet } from '../../engine/reach/probe.js';
import { reachSummary } from '../../engine/reach/summary.js';
import { EXIT_OK } from '../exit-codes.js';
import { out, outJson } from '../output.js';
import { loadForCommand, refuseInvalid, type SubmissionOptions } from '../submission.js';
import { printable } from '../../formats/safe-text.js';
import { table, wrap } from '../text.js';

const SERVICE_KIND = { 'load-balancer': 'load balancer', database: 'database', dns: 'DNS name' } as const;

export async function run(path: string, opts: SubmissionOptions): Promise<number> {
  const loaded = loadForCommand(path, opts);
  if (!loaded.ok) return refuseInvalid(loaded, path);
  const progress = process.stderr.isTTY && !opts.json && !process.env.CI;
  let last = 0;
  // With no instances, each subnet stands for a probe instance whose group allows everything.
  const probes = loaded.cloud.instances.size === 0 ? probeEverySubnet(loaded.cloud) : undefined;
  const basis = probes ? 'subnets' : 'instances';
  const note = probes
    ? probes.subnets === 0
      ? 'The topology has no instances and no subnets: there is nothing to reach.'
      : `The topology has no instances, so each of its ${probes.subnets} subnet${probes.subnets === 1 ? '' : 's'} stands for a probe instance there (subnet:Name) with a security group that allows everything: these answers come from routes and network ACLs alone. Trace one with --from subnet:Name, and --from-groups for the groups an instance would have.`
    : undefined;
  const summary = reachSummary(probes?.cloud ?? loaded.cloud, (done, total) => {
    if (!progress || total < 400) return;
    const pct = Math.floor((done / total) * 100);
    if (pct !== last) {
      last = pct;
      process.stderr.write(`\rcomputing reachability… ${pct}%`);
    }
  });
  if (progress && last) process.stderr.write('\r\x1b[K');
  const ports = (s: { size: number; intervals: readonly (readonly [number, number])[] }): string =>
    s.size === 0 ? '—' : s.size === 65536 ? 'all' : describePorts(s as never);
  if (opts.json) {
    outJson({
      classes: summary.classes.map((c) => ({ members: c.members, subnet: c.subnetId, securityGroups: c.securityGroupIds, public: c.public })),
      rows: summary.rows.map((r) => ({
        from: r.fromMembers,
        to: r.toMembers,
        tcp: r.tcp.size ? describePorts(r.tcp) : null,
        udp: r.udp.size ? describePorts(r.udp) : null,
        icmp: r.icmp,
        onlyFrom: r.restricted.map((x) => ({ protocol: x.protocol, ports: describePorts(x.ports), addresses: x.addresses })),
      })),
      services: summary.services.map((r) => ({ from: r.fromMembers, to: r.to, kind: r.kind, tcp: describePorts(r.tcp) })),
      questions: summary.questions,
      basis,
      ...(note ? { note } : {}),
    });
    return EXIT_OK;
  }
  const rows = summary.rows.map((r) => [printable(r.from), printable(r.to), ports(r.tcp), ports(r.udp), r.icmp ? 'ping' : '—']);
  if (rows.length === 0) out(summary.services.length ? 'No instance reaches another or the internet directly: no flow gets both ways.' : 'Nothing can reach anything: no flow gets both ways.');
  else out(table(['FROM', 'TO', 'TCP', 'UDP', 'ICMP'], rows).join('\n'));
  const notes = summary.rows.flatMap((r) =>
    r.restricted.map((x) => `${r.from} → ${r.to}: ${x.protocol}${x.protocol === 'icmp' ? '' : ` ${describePorts(x.ports)}`} ${x.sources.startsWith('every') ? '' : 'only '}${r.from === 'internet' ? 'from' : 'to'} ${x.sources}`),
  );
  if (notes.length) {
    out('');
    for (const n of notes) out(wrap(printable(n), 80, 2).join('\n'));
  }
  if (summary.services.length) {
    out('');
    out(table(['FROM', 'TO SERVICE', 'KIND', 'TCP'], summary.services.map((r) => [printable(r.from), printable(r.to), SERVICE_KIND[r.kind], ports(r.tcp)])).join('\n'));
  }
  const grouped = summary.classes.filter((c) => c.members.length > 1);
  if (grouped.length) {
    out('');
    for (const c of grouped) out(wrap(printable(`${c.members[0]} (+${c.members.length - 1}) stands for ${c.members.join(', ')}: same subnet, security groups and addressing, so the same answers.`), 80, 2).join('\n'));
  }
  const n = loaded.cloud.instances.size;
  out('');
  if (note) out(wrap(printable(note), 80).join('\n'));
  else out(`${n} instance${n === 1 ? '' : 's'} in ${summary.classes.length} equivalence class${summary.classes.length === 1 ? '' : 'es'}; ${summary.questions} questions answered.`);
  return EXIT_OK;
}
