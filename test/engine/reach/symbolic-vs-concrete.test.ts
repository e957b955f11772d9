import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOneQuestion } from '../../support/brute-force-compare.js';
import { withForwarding } from '../../support/random-forwarding.js';
import { type RandomNetwork, randomNetwork } from '../../support/random-network.js';

function run(build: (seed: number) => RandomNetwork, runs: number, propertySeed: number): void {
  let questions = 0;
  let reachableCount = 0;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1000 }), (seed, pick) => {
      const { cloud, instances } = build(seed);
      questions++;
      if (compareOneQuestion(cloud, instances, seed, pick)) reachableCount++;
    }),
    { numRuns: runs, seed: propertySeed },
  );
  // The generator must produce both outcomes often enough for the comparison to mean something.
  expect(reachableCount).toBeGreaterThan(questions / 10);
  expect(reachableCount).toBeLessThan(questions * 0.9);
}

describe('symbolic reachability agrees with a brute-force packet simulator', () => {
  it('on thousands of small random networks', () => {
    run(randomNetwork, Number(process.env.PROPERTY_RUNS ?? 5000), Number(process.env.PROPERTY_SEED ?? 20261122));
  });

  it('on random networks with forwarding instances (NAT instances, appliances, loops)', () => {
    run((seed) => withForwarding(randomNetwork(seed), seed), Number(process.env.PROPERTY_RUNS ?? 800), Number(process.env.PROPERTY_SEED ?? 20261202));
  });
});
