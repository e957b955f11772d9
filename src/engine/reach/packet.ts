import { formatIp } from '../address.js';
import { IntervalSet } from '../intervals.js';
import type { Constraint, Dim } from './space.js';

/** An address of a packet on its way: a constant, or the free address variable x. */
export type Addr = { kind: 'const'; ip: number } | { kind: 'x' };
/** A port of a packet: a constant, or one of the free port variables. */
export type Port = { kind: 'const'; port: number } | { kind: 'var'; dim: Exclude<Dim, 'x'> };

export type FlowProtocol = 'tcp' | 'udp' | 'icmp' | 'all';

export interface Packet {
  readonly protocol: FlowProtocol;
  readonly src: Addr;
  readonly dst: Addr;
  readonly srcPort: Port;
  readonly dstPort: Port;
}

export const constAddr = (ip: number): Addr => ({ kind: 'const', ip });
export const constPort = (port: number): Port => ({ kind: 'const', port });

export function sameAddr(a: Addr, b: Addr): boolean {
  return a.kind === b.kind && (a.kind === 'x' || a.ip === (b as { ip: number }).ip);
}

export function samePort(a: Port, b: Port): boolean {
  if (a.kind === 'const' && b.kind === 'const') return a.port === b.port;
  if (a.kind === 'var' && b.kind === 'var') return a.dim === b.dim;
  return false;
}

/** The result of matching a packet field: always, never, or when the variables satisfy a constraint. */
export type Match = true | false | Constraint;

export function matchAddr(a: Addr, set: IntervalSet): Match {
  if (a.kind === 'const') return set.has(a.ip);
  return set.isEmpty ? false : { x: set };
}

export function matchPort(p: Port, set: IntervalSet): Match {
  if (p.kind === 'const') return set.has(p.port);
  return set.isEmpty ? false : { [p.dim]: set };
}

/** Conjunction of matches. */
export function both(...ms: Match[]): Match {
  let out: Constraint = {};
  let constrained = false;
  for (const m of ms) {
    if (m === false) return false;
    if (m === true) continue;
    constrained = true;
    const next: Constraint = { ...out };
    for (const [d, s] of Object.entries(m) as [Dim, IntervalSet][]) {
      next[d] = next[d] ? next[d]!.intersect(s) : s;
      if (next[d]!.isEmpty) return false;
    }
    out = next;
  }
  return constrained ? out : true;
}

export function showAddr(a: Addr, xText = 'the client'): string {
  return a.kind === 'const' ? formatIp(a.ip) : xText;
}

/** ICMP replies: echo reply for echo request, and the other request/reply pairs. */
export const ICMP_REPLY: Record<number, number> = { 8: 0, 13: 14, 15: 16, 17: 18 };
