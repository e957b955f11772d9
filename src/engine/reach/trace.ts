import { formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import { type ResolvedEndpoint } from './endpoints.js';
import { renderDrop } from './drop-text.js';
import type { Drop, DropCause, Hop } from './hops.js';
import { type Addr, type FlowProtocol, ICMP_REPLY, type Packet, type Port, constAddr, constPort, sameAddr, samePort } from './packet.js';
import { FlowSet } from './space.js';
import { type Branch, type Outcome, Walker } from './walker.js';
import { addressSetToCidrs, describePorts, describeSources } from './describe-sets.js';

export interface FlowQuestion {
  from: ResolvedEndpoint;
  to: ResolvedEndpoint;
  protocol: FlowProtocol;
  /** Service ports (tcp/udp), or the ICMP type. One value for a trace; a range for a summary. */
  ports: IntervalSet;
  /** The client's ephemeral ports; 1024-65535 unless the question says otherwise. */
  clientPorts?: IntervalSet;
}

export interface FlowAnswer {
  reachable: boolean;
  /** The path of the flow shown: the first that gets through, else the one that got furthest. */
  path: Hop[];
  /** Where and why the shown path stops, when it does. */
  drop?: Drop;
  /** One plain sentence. */
  explanation: string;
  /** When an end is a set of internet addresses: the blocks that get through (both ways). */
  addresses?: string[];
  /** The same as a set, and the set that was asked about. */
  addressSet?: IntervalSet;
  addressDomain?: IntervalSet;
  /** Service ports that get through. */
  ports: IntervalSet;
  /** Client ports that get both the request and the reply through. */
  clientPorts: IntervalSet;
  /** Every path explored (one per route taken and destination address tried). */
  outcomes: number;
  /** Exactly the flows (address, service port, client port, NAT port) that get through both ways. */
  flows: FlowSet;
}

export const DEFAULT_CLIENT_PORTS = IntervalSet.of(1024, 65535);
const NAT_PORTS = IntervalSet.of(1024, 65535);

interface Attempt {
  success: FlowSet;
  best?: { hops: Hop[]; drop?: Drop; progress: number };
  outcomes: number;
}

/** Answers one reachability question exactly, with the path and, when it fails, the first drop. */
export function answerFlow(cloud: Cloud, q: FlowQuestion, walker = new Walker(cloud), opts: { brief?: boolean } = {}): FlowAnswer {
  const clientPorts = q.clientPorts ?? DEFAULT_CLIENT_PORTS;
  walker.questions++;
  if (q.from.kind === 'internet' && q.to.kind === 'internet') {
    throw new Error('one end of a flow must be inside the topology');
  }
  const attempts: Attempt[] = [];
  for (const c of candidates(walker, q)) attempts.push(attempt(walker, q, clientPorts, c.src, c.dst, c.note));

  let success = FlowSet.EMPTY;
  for (const a of attempts) success = success.union(a.success);
  const reachable = !success.isEmpty;
  const shown = reachable ? attempts.find((a) => !a.success.isEmpty)! : pickFailure(attempts);
  const variable = q.from.kind === 'internet' || q.to.kind === 'internet';
  const addressDomain = q.from.kind === 'internet' ? q.from.addresses : q.to.kind === 'internet' ? q.to.addresses : undefined;
  const addressSet = variable && reachable ? success.project('x') : undefined;
  // Listing blocks is the costly part of an answer; a summary asking many questions skips it.
  const addresses = addressSet && !opts.brief ? addressSetToCidrs(addressSet) : undefined;
  const ports = reachable ? success.project('p') : IntervalSet.EMPTY;
  const cports = reachable ? (isPorted(q.protocol) ? success.project('c') : clientPorts) : IntervalSet.EMPTY;
  const viaNat = shown.best?.hops.some((h) => h.component === 'nat-gateway' && h.action === 'translate');
  const explanation = reachable
    ? opts.brief
      ? ''
      : successSentence(q, addressSet && addressDomain && !addressSet.equals(addressDomain) ? describeSources(addressSet, addressDomain) : undefined, ports, cports, clientPorts, viaNat && isPorted(q.protocol) ? shown.success.project('n') : undefined)
    : shown.best?.drop?.reason ?? 'No path exists.';
  return {
    reachable,
    path: shown.best?.hops ?? [],
    drop: reachable ? undefined : shown.best?.drop,
    explanation,
    addresses,
    addressSet,
    addressDomain,
    ports,
    clientPorts: cports,
    outcomes: attempts.reduce((n, a) => n + a.outcomes, 0),
    flows: success,
  };
}

function isPorted(p: FlowProtocol): boolean {
  return p === 'tcp' || p === 'udp';
}

function successSentence(q: FlowQuestion, partial: string | undefined, ports: IntervalSet, cports: IntervalSet, asked: IntervalSet, natPorts?: IntervalSet): string {
  const what = q.protocol === 'all' ? 'all traffic' : q.protocol === 'icmp' ? `icmp type ${describePorts(ports)}` : `${q.protocol} port${ports.size > 1 ? 's' : ''} ${describePorts(ports)}`;
  let s = `${q.from.name} can reach ${q.to.name} on ${what}, and the reply gets back.`;
  if (partial) {
    s =
      q.from.kind === 'internet'
        ? `Only part of ${q.from.name === 'internet' ? 'the internet' : q.from.name} can reach ${q.to.name} on ${what}: ${partial}.${partial.startsWith('every') ? '' : ' Every other address is stopped.'}`
        : `${q.from.name} can reach only part of ${q.to.name} on ${what}: ${partial}.`;
  }
  if (isPorted(q.protocol) && !cports.equals(asked)) s += ` Only client ports ${describePorts(cports)} work: the network ACLs block replies to the others.`;
  if (natPorts && !natPorts.equals(NAT_PORTS)) {
    s += ` Only NAT ports ${describePorts(natPorts)} work: the NAT gateway picks source ports from 1024-65535, so some connections fail; the network ACL of its subnet should allow 1024-65535 for the replies.`;
  }
  return s;
}

function pickFailure(attempts: Attempt[]): Attempt {
  let best = attempts[0];
  for (const a of attempts) if ((a.best?.progress ?? -1) > (best.best?.progress ?? -1)) best = a;
  return best;
}

interface Candidate {
  src: ResolvedEndpoint;
  dst: Addr;
  note: string;
}

/** The destination addresses to try: an instance's private address, then its public one. */
function candidates(walker: Walker, q: FlowQuestion): Candidate[] {
  const to = q.to;
  if (to.kind === 'internet') return [{ src: q.from, dst: { kind: 'x' }, note: 'internet' }];
  const out: Candidate[] = [];
  const eni = to.eni;
  if (q.from.kind === 'interface' && to.only !== 'public') out.push({ src: q.from, dst: constAddr(eni.privateIp), note: 'private' });
  if (eni.publicIp !== undefined && to.only !== 'private') out.push({ src: q.from, dst: constAddr(eni.publicIp), note: 'public' });
  if (out.length === 0) out.push({ src: q.from, dst: { kind: 'x' }, note: 'no-public' });
  return out;
}

function requestPacket(q: FlowQuestion, src: Addr, dst: Addr): Packet {
  const ported = isPorted(q.protocol);
  return {
    protocol: q.protocol,
    src,
    dst,
    srcPort: ported ? { kind: 'var', dim: 'c' } : constPort(0),
    dstPort: ported || q.protocol === 'icmp' ? { kind: 'var', dim: 'p' } : constPort(0),
  };
}

function attempt(walker: Walker, q: FlowQuestion, clientPorts: IntervalSet, src: ResolvedEndpoint, dst: Addr, note: string): Attempt {
  const xDomain = src.kind === 'internet' ? src.addresses : q.to.kind === 'internet' ? q.to.addresses : IntervalSet.point(0);
  const flows = FlowSet.of({
    x: xDomain,
    p: q.protocol === 'all' ? IntervalSet.point(0) : q.ports,
    c: isPorted(q.protocol) ? clientPorts : IntervalSet.point(0),
    n: NAT_PORTS,
  });
  const result: Attempt = { success: FlowSet.EMPTY, outcomes: 0 };
  const consider = (hops: Hop[], drop: Drop | undefined, progress: number): void => {
    if (!result.best || progress > result.best.progress) result.best = { hops, drop, progress };
  };
  const because = (hop: Hop, cause: DropCause): Drop => ({ hop, cause, ...renderDrop(cause, walker.names) });

  if (note === 'no-public') {
    const to = q.to as Extract<ResolvedEndpoint, { kind: 'interface' }>;
    const cause: DropCause = { code: 'DestinationHasNoPublicAddress', networkInterface: to.eni.id, name: to.name };
    const hop: Hop = { direction: 'request', component: 'internet', id: 'internet', action: 'drop', detail: `${to.name} has no public address`, cause };
    consider([hop], because(hop, cause), 0);
    result.outcomes = 1;
    return result;
  }

  const packet = requestPacket(q, src.kind === 'interface' ? constAddr(src.eni.privateIp) : { kind: 'x' }, dst);
  const branch: Branch = { hops: [], flows, packet, mode: 'request', ttl: 16 };
  let requests: Outcome[];
  if (src.kind === 'interface') requests = walker.fromInterface(branch, src.eni);
  else {
    branch.hops.push({ direction: 'request', component: 'internet', id: 'internet', action: 'send', detail: `${src.name} → ${dst.kind === 'const' ? formatIp(dst.ip) : '?'}` });
    requests = [walker.fromInternet(branch)];
  }

  for (const r of requests) {
    result.outcomes++;
    if (r.kind === 'dropped') {
      consider(r.branch.hops, r.drop, r.branch.hops.length);
      continue;
    }
    const arrivedRight = q.to.kind === 'internet' ? r.at.kind === 'internet' : r.at.kind === 'interface' && r.at.eni.id === q.to.eni.id;
    if (!arrivedRight) {
      const last = r.branch.hops[r.branch.hops.length - 1];
      consider(r.branch.hops, because(last, { code: 'ArrivesElsewhere', at: last.logicalId ?? last.id, expected: q.to.name }), r.branch.hops.length);
      continue;
    }
    const reqPacket = r.branch.packet;
    let replyType: number | undefined;
    if (q.protocol === 'icmp') {
      const type = r.branch.flows.project('p').min!;
      replyType = ICMP_REPLY[type];
      if (replyType === undefined) {
        result.success = result.success.union(r.branch.flows);
        consider(r.branch.hops, undefined, 1000);
        continue;
      }
    }
    const reply: Packet = {
      protocol: reqPacket.protocol,
      src: reqPacket.dst,
      dst: reqPacket.src,
      srcPort: replyType !== undefined ? constPort(0) : reqPacket.dstPort,
      dstPort: replyType !== undefined ? constPort(replyType) : reqPacket.srcPort,
    };
    const rb: Branch = { hops: [...r.branch.hops], flows: r.branch.flows, packet: reply, mode: 'reply', nat: r.branch.nat, fwd: r.branch.fwd, ttl: 16 };
    let replies: Outcome[];
    if (r.at.kind === 'interface') replies = walker.fromInterface(rb, r.at.eni);
    else {
      rb.hops.push({ direction: 'reply', component: 'internet', id: 'internet', action: 'send', detail: `reply to ${reply.dst.kind === 'const' ? formatIp(reply.dst.ip) : '?'}` });
      replies = [walker.fromInternet(rb)];
    }
    for (const rr of replies) {
      result.outcomes++;
      if (rr.kind === 'dropped') {
        consider(rr.branch.hops, rr.drop, 100 + rr.branch.hops.length);
        continue;
      }
      const home = src.kind === 'internet' ? rr.at.kind === 'internet' : rr.at.kind === 'interface' && rr.at.eni.id === src.eni.id;
      const fromCalled = sameAddr(rr.branch.packet.src, dst) && (replyType !== undefined || samePort(rr.branch.packet.srcPort, packet.dstPort));
      if (!home || !fromCalled) {
        const last = rr.branch.hops[rr.branch.hops.length - 1];
        const seen = rr.branch.packet.src.kind === 'const' ? formatIp(rr.branch.packet.src.ip) : undefined;
        const cause: DropCause = home
          ? { code: 'ReplyFromOtherAddress', ...(seen ? { seen } : {}), ...(dst.kind === 'const' ? { called: formatIp(dst.ip) } : {}) }
          : { code: 'ReplyRoutedElsewhere', at: last.logicalId ?? last.id, expected: src.name };
        consider(rr.branch.hops, because(last, cause), 100 + rr.branch.hops.length);
        continue;
      }
      result.success = result.success.union(rr.branch.flows);
      consider(rr.branch.hops, undefined, 1000);
    }
  }
  return result;
}
