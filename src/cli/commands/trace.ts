import type { Hop } from '../../engine/reach/hops.js';
import type { FlowProtocol } from '../../engine/reach/packet.js';
import { describePorts } from '../../engine/reach/describe-sets.js';
import { parsePortRange, QuestionError, trace, type TraceReport } from '../../engine/reach/question.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { out, outJson, paintMarks } from '../output.js';
import { resolveStackEnd } from '../../formats/trace-ends.js';
import { isSubnetEnd, SUBNET_END } from '../../engine/reach/probe.js';
import { loadForCommand, refuseInvalid, type SubmissionOptions } from '../submission.js';
import { wrap } from '../text.js';
import { printable } from '../../formats/safe-text.js';

interface TraceOptions extends SubmissionOptions {
  from: string;
  to: string;
  port?: string;
  protocol: FlowProtocol;
  clientPorts?: string;
  fromGroups?: string;
  toGroups?: string;
}

const COMPONENT: Record<Hop['component'], string> = {
  instance: 'instance',
  'network-interface': 'interface',
  'security-group': 'security group',
  'network-acl': 'network ACL',
  'route-table': 'route table',
  'internet-gateway': 'internet gateway',
  'nat-gateway': 'NAT gateway',
  peering: 'peering',
  internet: 'internet',
  dns: 'DNS',
  cloudfront: 'CloudFront',
  'load-balancer': 'load balancer',
  listener: 'listener',
  'target-group': 'target group',
  database: 'database',
  'auto-scaling-group': 'auto scaling group',
};

export function formatTrace(r: TraceReport, width = 80): string[] {
  const lines: string[] = [];
  const what = r.protocol === 'all' ? 'all traffic' : r.protocol === 'icmp' ? `icmp type ${r.port}` : `${r.protocol} port ${r.port}`;
  lines.push(`Trace ${r.from} → ${r.to}, ${what}`);
  let direction: Hop['direction'] | undefined;
  let leg: string | undefined;
  r.path.forEach((h, i) => {
    if (h.leg !== undefined && h.leg !== leg) {
      leg = h.leg;
      direction = undefined;
      lines.push('', ...wrap(`▸ ${leg}`, width, 4, 2));
    }
    if (h.direction !== direction) {
      direction = h.direction;
      lines.push('', direction === 'request' ? '  Request' : '  Reply');
    }
    const mark = h.action === 'drop' ? '✗' : '✓';
    const name = h.component === 'internet' ? '' : h.logicalId && h.logicalId !== h.id && !h.id.includes(',') && !h.id.startsWith('arn:') ? ` ${h.logicalId} (${h.id})` : ` ${h.logicalId ?? h.id}`;
    const head = `${String(i + 1).padStart(4)} ${mark} ${COMPONENT[h.component]}${name}`;
    lines.push(head);
    const detail = `${h.action === 'drop' ? 'DROPPED: ' : ''}${h.detail}${h.only ? ` — ${h.only}` : ''}`;
    lines.push(...wrap(detail, width, 9, 9));
  });
  lines.push('');
  if (r.targets?.length) {
    lines.push('  Targets');
    for (const t of r.targets) {
      const where = [t.port !== undefined ? `port ${t.port}` : undefined, t.zone].filter(Boolean).join(', ');
      lines.push(...wrap(`${t.reachable ? '✓' : '✗'} ${t.target} (${t.targetGroup}${where ? `, ${where}` : ''})${t.reachable ? `: reached from the node in ${t.node}` : `: ${t.reason ?? 'not reached'}`}`, width, 6, 4));
    }
    lines.push('');
  }
  if (r.members?.length) {
    lines.push('  Members');
    for (const m of r.members) lines.push(...wrap(`${m.reachable ? '✓' : '✗'} ${m.name}${m.role ? ` (${m.role})` : ''}${m.reachable ? '' : `: ${m.reason ?? 'not reached'}`}`, width, 6, 4));
    lines.push('');
  }
  if (r.reachable) {
    lines.push(...wrap(`✓ Reachable. ${r.explanation}`, width, 2));
  } else {
    lines.push(...wrap(`✗ Not reachable. ${r.explanation}`, width, 2));
    // The trace does not know whether the flow should pass (a lab may want it blocked), so
    // the advice says what would let it through rather than what to do.
    if (r.drop) lines.push(...wrap(`To let it through: ${r.drop.fix}`, width, 4, 2));
  }
  return lines.map((l) => printable(l));
}

export function traceJson(r: TraceReport): unknown {
  return {
    reachable: r.reachable,
    from: r.from,
    to: r.to,
    protocol: r.protocol,
    port: r.port ?? null,
    explanation: r.explanation,
    path: r.path,
    drop: r.drop ? { component: r.drop.hop.component, id: r.drop.hop.id, logicalId: r.drop.hop.logicalId ?? null, direction: r.drop.hop.direction, reason: r.drop.reason, fix: r.drop.fix, cause: r.drop.cause } : null,
    addresses: r.addresses ?? null,
    clientPorts: r.reachable && (r.protocol === 'tcp' || r.protocol === 'udp') ? describePorts(r.clientPorts) : null,
    ...(r.service
      ? {
          service: r.service,
          targets: r.targets ?? null,
          members: r.members ?? null,
        }
      : {}),
  };
}

export async function run(path: string, opts: TraceOptions): Promise<number> {
  let port: number | undefined;
  if (opts.port !== undefined) {
    if (!/^\d+$/.test(opts.port)) throw new UsageError(`--port takes a number, not "${opts.port}"`);
    port = Number(opts.port);
  }
  const loaded = loadForCommand(path, opts);
  if (!loaded.ok) return refuseInvalid(loaded, path);
  const stackEnd = (end: string): string => {
    const r = resolveStackEnd(loaded, end);
    if ('error' in r) throw new UsageError(r.error);
    return r.end;
  };
  // subnet:app/PrivateA names a subnet of a layered stack the way other ends do.
  const [from, to] = [opts.from, opts.to].map((end) => (isSubnetEnd(end) ? `${SUBNET_END}${stackEnd(end.trim().slice(SUBNET_END.length))}` : stackEnd(end)));
  const groups = (list: string | undefined): string[] | undefined =>
    list === undefined ? undefined : list.split(',').map((g) => g.trim()).filter((g) => g !== '').map(stackEnd);
  let report: TraceReport;
  try {
    report = trace(loaded.cloud, {
      from,
      to,
      protocol: opts.protocol,
      port,
      clientPorts: opts.clientPorts ? parsePortRange(opts.clientPorts) : undefined,
      fromGroups: groups(opts.fromGroups),
      toGroups: groups(opts.toGroups),
    });
  } catch (e) {
    if (e instanceof QuestionError) throw new UsageError(e.message);
    throw e;
  }
  // A stack-qualified end (app/Web) was resolved to its physical id; name it as written.
  for (const [given, id] of [[opts.from, from], [opts.to, to]]) {
    if (given === id) continue;
    report = { ...report, from: report.from === id ? given : report.from, to: report.to === id ? given : report.to, explanation: report.explanation.split(id).join(given) };
    // A probe in a subnet named by stack (subnet:network/Public) shows in the path as written too.
    if (isSubnetEnd(given)) report = { ...report, path: report.path.map((h) => (h.logicalId === id ? { ...h, logicalId: given.trim() } : h)) };
  }
  if (opts.json) outJson(traceJson(report));
  else out(paintMarks(formatTrace(report).join('\n')));
  return report.reachable ? EXIT_OK : EXIT_FAILED;
}
