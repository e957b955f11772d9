import { describe, expect, it } from 'vitest';
import { defaultParticipants, simulate, type Participant } from '../../../src/engine/sim/index.js';
import { instanceTypesOf } from '../../../src/formats/scenario/simulate-submission.js';
import { scenario, twoZones } from './support.js';

/** Counts how often the simulation hands the participants their load: once per step it computes. */
class StepCounter implements Participant {
  readonly service = 'step counter';
  steps = 0;
  load(): void {
    this.steps++;
  }
}

function stepsAt(rps: number): { steps: number; sent: number } {
  const loaded = twoZones();
  const types = instanceTypesOf(loaded);
  const counter = new StepCounter();
  const s = scenario(
    7200,
    [{ to: 'WebA', port: 80, steps: [[0, rps], [1800, 2 * rps], [3600, rps]] }],
    [{ at: 1200, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }, { at: 4800, action: 'recover', target: { kind: 'az', name: 'us-east-1a' } }],
    1,
  );
  const r = simulate(loaded.cloud, s, { instanceTypes: types, participants: [...defaultParticipants({ instanceTypes: types }), counter] });
  return { steps: counter.steps, sent: r.requests.sent };
}

describe('the cost of a scenario', () => {
  it('does not grow with the number of requests: 1 and 100,000 a second take the same steps', () => {
    const low = stepsAt(1);
    const high = stepsAt(100_000);
    expect(high.sent).toBe(low.sent * 100_000);
    expect(high.steps).toBe(low.steps);
    // Two hours at one-second intervals, but only the moments where something changes are steps.
    expect(low.steps).toBeLessThan(20);
  });
});
