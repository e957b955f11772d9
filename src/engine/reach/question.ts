import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import { EndpointError, resolveEndpoint } from './endpoints.js';
import type { FlowProtocol } from './packet.js';
import { isSubnetEnd, placeProbes } from './probe.js';
import { answerFlow, DEFAULT_CLIENT_PORTS, type FlowAnswer } from './trace.js';
import { resolveServiceEnd, type ServiceEnd } from './services/ends.js';
import { answerServiceFlow, type FromEnd, type ServiceAnswer } from './services/service-trace.js';

/** A trace question as a person writes it: names for the ends, a protocol and a port. */
export interface TraceQuestion {
  from: string;
  to: string;
  protocol: FlowProtocol;
  /** tcp/udp destination port, or the ICMP type (default 8, echo request); ignored for "all". */
  port?: number;
  clientPorts?: IntervalSet;
  /** Security groups of the probe instance of a `subnet:` end (probe.ts); the VPC's default group when absent. */
  fromGroups?: string[];
  toGroups?: string[];
}

export interface TraceReport extends FlowAnswer {
  /** When an end is a service (load balancer, group, database, distribution, DNS name). */
  service?: ServiceAnswer['service'];
  targets?: ServiceAnswer['targets'];
  members?: ServiceAnswer['members'];
  from: string;
  to: string;
  protocol: FlowProtocol;
  port?: number;
}

export class QuestionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuestionError';
  }
}

export function trace(topology: Cloud, q: TraceQuestion): TraceReport {
  let port = q.port;
  if (q.protocol === 'icmp') port = port ?? 8;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > (q.protocol === 'icmp' ? 255 : 65535))) {
    throw new QuestionError(q.protocol === 'icmp' ? 'an ICMP type is a number from 0 to 255 (8 is echo request, ping)' : 'a port is a whole number from 0 to 65535');
  }
  let from;
  let to;
  let cloud = topology;
  let fromService: ServiceEnd | undefined;
  let toService: ServiceEnd | undefined;
  try {
    // A subnet end stands for a probe instance there, placed in a copy of the cloud.
    const placed = placeProbes(topology, [
      { text: q.from, groups: q.fromGroups },
      { text: q.to, groups: q.toGroups },
    ]);
    cloud = placed.cloud;
    fromService = isSubnetEnd(q.from) ? undefined : resolveServiceEnd(cloud, placed.ends[0]);
    toService = isSubnetEnd(q.to) ? undefined : resolveServiceEnd(cloud, placed.ends[1]);
    if (fromService && fromService.kind !== 'group') {
      throw new QuestionError(`--from ${q.from} is ${SERVICE_NOUN[fromService.kind]}, which does not open connections of its own; --from is an instance, an auto scaling group (each instance), a subnet (subnet:Name), an address or "internet"`);
    }
    if (fromService || toService) return serviceTrace(cloud, q, port, fromService, toService);
    from = resolveEndpoint(cloud, placed.ends[0]);
    to = resolveEndpoint(cloud, placed.ends[1]);
    if (isSubnetEnd(q.from)) from = { ...from, name: q.from.trim() };
    if (isSubnetEnd(q.to)) to = { ...to, name: q.to.trim() };
  } catch (e) {
    if (e instanceof EndpointError) throw new QuestionError(e.message);
    throw e;
  }
  if ((q.protocol === 'tcp' || q.protocol === 'udp') && port === undefined) {
    throw new QuestionError(`a ${q.protocol} question needs a port (--port 22)`);
  }
  if (from.kind === 'internet' && to.kind === 'internet') {
    throw new QuestionError('both ends are on the internet; one end must be an instance or one of its addresses');
  }
  if (from.kind === 'interface' && to.kind === 'interface' && from.eni.id === to.eni.id) {
    throw new QuestionError(`--from and --to are the same instance (${q.from})`);
  }
  const answer = answerFlow(cloud, {
    from,
    to,
    protocol: q.protocol,
    ports: q.protocol === 'all' ? IntervalSet.point(0) : IntervalSet.point(port!),
    clientPorts: q.clientPorts ?? DEFAULT_CLIENT_PORTS,
  });
  return { ...answer, from: q.from, to: q.to, protocol: q.protocol, port: q.protocol === 'all' ? undefined : port };
}

const SERVICE_NOUN: Record<ServiceEnd['kind'], string> = {
  'load-balancer': 'a load balancer',
  group: 'an auto scaling group',
  database: 'a database',
  distribution: 'a CloudFront distribution',
  dns: 'a DNS name',
};

function serviceTrace(cloud: Cloud, q: TraceQuestion, port: number | undefined, fromService: ServiceEnd | undefined, toService: ServiceEnd | undefined): TraceReport {
  const resolveAny = (text: string, service: ServiceEnd | undefined): FromEnd | ServiceEnd => {
    if (service) return service;
    const r = resolveEndpoint(cloud, text);
    return isSubnetEnd(text) ? { ...r, name: text.trim() } : r;
  };
  const from = resolveAny(q.from, fromService) as FromEnd;
  const to = resolveAny(q.to, toService) as Exclude<FromEnd | ServiceEnd, never>;
  if (q.protocol === 'all' || q.protocol === 'icmp') {
    if (toService) throw new QuestionError(`${q.to} is ${SERVICE_NOUN[toService.kind]}; trace it with --protocol tcp (or udp) and a --port`);
  }
  let p = port;
  if (p === undefined && to.kind === 'database') p = to.db.port;
  if (p === undefined) throw new QuestionError(`a ${q.protocol} question needs a port (--port 80)`);
  if (from.kind === 'internet' && to.kind === 'internet') throw new QuestionError('both ends are on the internet; one end must be inside the topology');
  const answer = answerServiceFlow(cloud, { from, to: to as Exclude<typeof to, { kind: 'group' }> | ServiceEnd, protocol: q.protocol, port: p, clientPorts: q.clientPorts ?? DEFAULT_CLIENT_PORTS });
  return { ...answer, from: q.from, to: q.to, protocol: q.protocol, port: p };
}

/** "1024-65535" or "32768-61000" to a port set. */
export function parsePortRange(text: string): IntervalSet {
  const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(text);
  if (!m) throw new QuestionError(`"${text}" is not a port range; write it like 1024-65535`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > b || b > 65535) throw new QuestionError(`"${text}" is not a port range; ports run from 0 to 65535, low-high`);
  return IntervalSet.of(a, b);
}
