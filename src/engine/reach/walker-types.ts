import type { NatGateway, NetworkInterface } from '../model.js';
import type { Drop, Hop } from './hops.js';
import type { Addr, Packet, Port } from './packet.js';
import type { FlowSet } from './space.js';
import type { ForwardState } from './forwarding.js';
import type { LoopMark } from './loops.js';

export type Endpoint = { kind: 'interface'; eni: NetworkInterface } | { kind: 'internet' };

/** Connection tracking of a NAT gateway for one flow: what it rewrote, so the reply is rewritten back. */
export interface NatRecord {
  nat: NatGateway;
  innerSrc: Addr;
  innerPort: Port;
}

export interface Branch {
  hops: Hop[];
  flows: FlowSet;
  packet: Packet;
  mode: 'request' | 'reply';
  nat?: NatRecord;
  /** Forwarding and NAT instances the flow passed (forwarding.ts). */
  fwd?: ForwardState;
  /** Where the flow has been routed, to catch a routing loop at its first repeat (loops.ts). */
  seen?: readonly LoopMark[];
  ttl: number;
}

export type Outcome =
  | { kind: 'delivered'; branch: Branch; at: Endpoint }
  | { kind: 'dropped'; branch: Branch; drop: Drop };

const label = (r: { id: string; logicalId?: string }): string => (r.logicalId ? `${r.logicalId} (${r.id})` : r.id);
