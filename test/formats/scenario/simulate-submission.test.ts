import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';

const LAYERED = join(import.meta.dirname, '../../fixtures/layered');
const TWO_ZONES = join(import.meta.dirname, '../../fixtures/sim/two-zones.yaml');

describe('a scenario on a loaded submission', () => {
  it('takes stack-qualified ends (app/Web) as trace does, and reports them as written', () => {
    const loaded = loadSubmissionPath(LAYERED);
    const sim = simulateSubmission(loaded, 'duration: 10m\ntraffic:\n  - to: app/Web\n    port: 80\n    rps: 1\nevents:\n  - at: 5m\n    fail: app/Web\n', 'drill.yaml');
    expect(sim.diagnostics).toEqual([]);
    expect(sim.result!.ends[0]).toMatchObject({ end: 'app/Web', from: 'internet', sent: 600, served: 300, recoveryTime: null });
  });

  it("puts the engine's refusals at the line and column of the scenario", () => {
    const loaded = loadSubmissionPath(TWO_ZONES);
    const sim = simulateSubmission(loaded, 'duration: 10m\nevents:\n  - at: 1m\n    fail: region eu-west-1\n  - at: 2m\n    scale: Web 3\n', 'drill.yaml');
    expect(sim.result).toBeUndefined();
    expect(sim.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ['drill.yaml', 4, 11, 'UnknownRegion'],
      ['drill.yaml', 6, 12, 'UnknownResource'],
    ]);
    expect(sim.diagnostics[0].message).toBe('the submission has nothing in eu-west-1; its regions: us-east-1');
  });

  it('uses the InstanceType of each instance for capacity (t3.small: 10 requests a second)', () => {
    const loaded = loadSubmissionPath(TWO_ZONES);
    const sim = simulateSubmission(loaded, 'duration: 1m\ntraffic:\n  - from: WebA\n    to: AppA\n    port: 8080\n    rps: 12\n', 'drill.yaml');
    expect(sim.result!.ends[0]).toMatchObject({ sent: 720, served: 600, dropped: 120 });
    expect(sim.result!.events[0].detail).toBe('WebA → AppA tcp 8080: 12 requests a second offered, 10 served (AppA serves 10 a second); the rest are dropped');
  });
});

describe('subnet ends in a scenario', () => {
  it('subnet:Name stands for a probe instance in that subnet, as in trace, fails with its zone and is not billed', () => {
    const loaded = loadSubmissionPath(TWO_ZONES);
    const text = 'duration: 10m\ntraffic:\n  - from: subnet:PrivateB\n    to: internet\n    port: 443\n    rps: 1\nevents:\n  - at: 5m\n    fail: NatA\n';
    const sim = simulateSubmission(loaded, text, 'drill.yaml');
    expect(sim.diagnostics).toEqual([]);
    expect(sim.result!.ends[0]).toMatchObject({ from: 'subnet:PrivateB', end: 'internet', sent: 600, served: 300, recoveryTime: null });
    expect(sim.result!.events.find((e) => e.what === 'unreachable')!.detail).toMatch(/^subnet:PrivateB → internet tcp 443: not reachable\. Route 0\.0\.0\.0\/0/);
    const plain = simulateSubmission(loaded, 'duration: 10m\nevents: []\n', 'calm.yaml');
    expect(sim.result!.cost.hourlyAtStart).toBe(plain.result!.cost.hourlyAtStart);
    expect(loaded.cloud.instances.size).toBe(4);
  });

  it('a subnet end that names no subnet gets the nearest one, at its line', () => {
    const loaded = loadSubmissionPath(TWO_ZONES);
    const sim = simulateSubmission(loaded, 'duration: 10m\ntraffic:\n  - from: subnet:PrivatB\n    to: internet\n    port: 443\n    rps: 1\n', 'drill.yaml');
    expect(sim.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[3, 11, 'UnknownEnd']]);
    expect(sim.diagnostics[0].message).toMatch(/Did you mean subnet:PrivateB\?/);
  });
});
