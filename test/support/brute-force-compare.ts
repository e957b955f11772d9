import { expect } from 'vitest';
import { lastAddress, parseCidr } from '../../src/engine/address.js';
import type { Cloud } from '../../src/engine/cloud.js';
import { IntervalSet } from '../../src/engine/intervals.js';
import type { ResolvedEndpoint } from '../../src/engine/reach/endpoints.js';
import type { FlowProtocol } from '../../src/engine/reach/packet.js';
import { answerFlow } from '../../src/engine/reach/trace.js';
import { connectionWorks } from './concrete.js';
import { CLIENT_HI, CLIENT_LO, TEST_INTERNET } from './random-network.js';

const internetSet = IntervalSet.from(TEST_INTERNET.map(parseCidr).map((c) => [c.network, lastAddress(c)] as [number, number]));
const internetIps = internetSet.intervals.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
// NAT ports: every boundary the random rules use, and a point inside each gap.
const NAT_PORTS = [1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 40000, 65535];

/**
 * Asks one question of a random network (chosen by `pick`) symbolically and by brute force
 * (every internet address, client port, NAT port and destination address) and expects the
 * same verdict, addresses and client ports. Returns whether the flow was reachable.
 */
export function compareOneQuestion(cloud: Cloud, instances: string[], seed: number, pick: number): boolean {
  const enis = instances.map((i) => cloud.interfaces.get(cloud.instances.get(i)!.networkInterfaceIds[0])!);
  const ends: (ResolvedEndpoint | 'internet')[] = [...enis.map((eni) => ({ kind: 'interface', eni, name: eni.id }) as ResolvedEndpoint), 'internet'];
  const from = ends[pick % ends.length];
  // Half the questions go to the internet, so NAT gateways and internet gateways are exercised.
  let to = (pick >> 9) & 1 ? 'internet' : ends[(pick >> 3) % ends.length];
  if (from === 'internet' && to === 'internet') to = ends[0];
  const protocol: FlowProtocol = (['tcp', 'tcp', 'tcp', 'udp', 'icmp', 'all'] as const)[(pick >> 5) % 6];
  const port = protocol === 'icmp' ? 8 : [22, 80, 443, 1030][(pick >> 2) % 4];
  const asEndpoint = (e: ResolvedEndpoint | 'internet'): ResolvedEndpoint => (e === 'internet' ? { kind: 'internet', addresses: internetSet, name: 'internet' } : e);
  const answer = answerFlow(cloud, {
    from: asEndpoint(from),
    to: asEndpoint(to),
    protocol,
    ports: IntervalSet.point(port),
    clientPorts: IntervalSet.of(CLIENT_LO, CLIENT_HI),
  });

  const goodX = new Set<number>();
  const goodC = new Set<number>();
  const xs = from === 'internet' || to === 'internet' ? internetIps : [-1];
  const cs = protocol === 'tcp' || protocol === 'udp' ? Array.from({ length: CLIENT_HI - CLIENT_LO + 1 }, (_, i) => CLIENT_LO + i) : [0];
  for (const x of xs) {
    const src = from === 'internet' ? { ip: x } : { eni: (from as { eni: typeof enis[0] }).eni };
    const dstEnd = to === 'internet' ? { ip: x } : { eni: (to as { eni: typeof enis[0] }).eni };
    const addrs =
      to === 'internet'
        ? [x]
        : [
            ...(from === 'internet' ? [] : [dstEnd.eni!.privateIp]),
            ...((dstEnd as { eni: typeof enis[0] }).eni.publicIp !== undefined ? [(dstEnd as { eni: typeof enis[0] }).eni.publicIp!] : []),
          ];
    for (const c of cs) {
      const ok = addrs.some((a) => NAT_PORTS.some((n) => connectionWorks(cloud, src, dstEnd as never, a, protocol, c, port, n)));
      if (ok) {
        goodX.add(x);
        goodC.add(c);
      }
    }
  }
  const concreteReachable = goodX.size > 0;
  expect(answer.reachable, `seed ${seed} pick ${pick}: ${answer.explanation}`).toBe(concreteReachable);
  if (answer.reachable) {
    if (xs[0] !== -1) {
      const symbolicX = new Set(internetIps.filter((ip) => answer.addresses!.some((b) => { const c = parseCidr(b); return ip >= c.network && ip <= lastAddress(c); })));
      expect([...symbolicX].sort(), `addresses, seed ${seed} pick ${pick}`).toEqual([...goodX].sort());
    }
    if (protocol === 'tcp' || protocol === 'udp') {
      const symbolicC = cs.filter((c) => answer.clientPorts.has(c));
      expect(symbolicC, `client ports, seed ${seed} pick ${pick}`).toEqual([...goodC].sort((a, b) => a - b));
    }
  }
  return answer.reachable;
}
