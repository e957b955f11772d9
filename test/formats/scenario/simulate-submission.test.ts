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
