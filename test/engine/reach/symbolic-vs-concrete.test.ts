import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAddress, parseCidr } from '../../../src/engine/address.js';
import { IntervalSet } from '../../../src/engine/intervals.js';
import type { ResolvedEndpoint } from '../../../src/engine/reach/endpoints.js';
import type { FlowProtocol } from '../../../src/engine/reach/packet.js';
import { answerFlow } from '../../../src/engine/reach/trace.js';
import { connectionWorks } from '../../support/concrete.js';
import { CLIENT_HI, CLIENT_LO, randomNetwork, type RandomNetworkOptions, TEST_INTERNET } from '../../support/random-network.js';

const internetSet = IntervalSet.from(TEST_INTERNET.map(parseCidr).map((c) => [c.network, lastAddress(c)] as [number, number]));
const internetIps = internetSet.intervals.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
// NAT ports: every boundary the random rules use, and a point inside each gap.
const NAT_PORTS = [1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 40000, 65535];

/** Asks the engine one random question about a random network and checks it against brute force. */
function compareOne(seed: number, pick: number, opts: RandomNetworkOptions, counts: { questions: number; reachable: number }): void {
  const { cloud, instances } = randomNetwork(seed, opts);
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
  counts.questions++;

  // Brute force: every internet address, client port, NAT port and destination address.
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
    counts.reachable++;
    if (xs[0] !== -1) {
      const symbolicX = new Set(internetIps.filter((ip) => answer.addresses!.some((b) => { const c = parseCidr(b); return ip >= c.network && ip <= lastAddress(c); })));
      expect([...symbolicX].sort(), `addresses, seed ${seed} pick ${pick}`).toEqual([...goodX].sort());
    }
    if (protocol === 'tcp' || protocol === 'udp') {
      const symbolicC = cs.filter((c) => answer.clientPorts.has(c));
      expect(symbolicC, `client ports, seed ${seed} pick ${pick}`).toEqual([...goodC].sort((a, b) => a - b));
    }
  }
}

describe('symbolic reachability agrees with a brute-force packet simulator', () => {
  it('on thousands of small random networks', () => {
    const counts = { questions: 0, reachable: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1000 }), (seed, pick) => compareOne(seed, pick, {}, counts)),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 5000), seed: Number(process.env.PROPERTY_SEED ?? 20261122) },
    );
    // The generator must produce both outcomes often enough for the comparison to mean something.
    expect(counts.reachable).toBeGreaterThan(counts.questions / 10);
    expect(counts.reachable).toBeLessThan(counts.questions * 0.9);
  });

  it('on random networks whose routes and rules name prefix lists', () => {
    const counts = { questions: 0, reachable: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1000 }), (seed, pick) => compareOne(seed, pick, { prefixLists: true }, counts)),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000), seed: Number(process.env.PROPERTY_SEED ?? 20261202) },
    );
    expect(counts.reachable).toBeGreaterThan(counts.questions / 10);
    expect(counts.reachable).toBeLessThan(counts.questions * 0.9);
  });
});
