/** R53-05 over time: a weighted name spreads its requests by weight over its healthy records. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';

const pair = readFileSync(fileURLToPath(new URL('../../../lessons/11-dns-and-cdn/failover-pair.yaml', import.meta.url)), 'utf8');
// The lesson's failover pair made weighted: WebA and WebB each answer with weight `a` and `b`,
// each watched by a health check (every 10 s, threshold 3).
const weightedPair = (a: number, b: number) =>
  pair
    .replace('      Failover: PRIMARY\n', `      Weight: ${a}\n`)
    .replace('      Failover: SECONDARY\n', `      Weight: ${b}\n      HealthCheckId: !Ref WebBCheck\n`)
    .replace(
      '  Zone:\n',
      '  WebBCheck:\n    Type: AWS::Route53::HealthCheck\n    Properties:\n      HealthCheckConfig: { Type: HTTP, IPAddress: !Ref StandbyAddress, Port: 80, ResourcePath: /, RequestInterval: 10, FailureThreshold: 3 }\n  Zone:\n',
    );
const scenario = (events: string) => `duration: 1h\ninterval: 1m\ntraffic:\n  - to: www.example.com\n    port: 80\n    rps: 10\nevents:\n${events}`;
const play = (template: string, events: string) => {
  const loaded = loadSubmissionFromTemplates([{ file: 'weighted.yaml', text: template }]);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const sim = simulateSubmission(loaded, scenario(events), 'weighted.yaml');
  expect(sim.diagnostics).toEqual([]);
  return sim.result!;
};

describe('a weighted name over time', () => {
  it('R53-05: while one record is unhealthy it gets no requests; until detection plus the TTL its share is lost', () => {
    const r = play(weightedPair(50, 50), '  - at: 20m\n    fail: instance WebA\n  - at: 35m\n    recover: instance WebA\n');
    // Half of 10 requests a second to WebA for 20 s of detection and 60 s of TTL.
    expect(r.requests).toEqual({ sent: 36000, served: 35600, dropped: 400 });
    const changed = r.events.filter((e) => e.what === 'dns-answer-changed').map((e) => [e.at, e.detail]);
    expect(changed[0]).toEqual([1220, expect.stringMatching(/answers www\.example\.com with secondary \(54\.\d+\.\d+\.\d+\); clients keep primary .* 50%, secondary .* 50% for up to its TTL, 60 s/)]);
  });

  it('R53-05: the shares follow the weights (75 to 25: three quarters of the requests lost with the heavier record)', () => {
    const r = play(weightedPair(75, 25), '  - at: 20m\n    fail: instance WebA\n');
    expect(r.requests.dropped).toBe(600);
  });

  it('R53-05: with every record unhealthy, Route 53 answers with all of them', () => {
    const r = play(weightedPair(50, 50), '  - at: 20m\n    fail: instance WebA\n  - at: 20m\n    fail: instance WebB\n');
    const last = r.events.filter((e) => e.what === 'dns-answer-changed').at(-1);
    expect(last?.detail).toMatch(/with primary .* 50%, secondary .* 50%/);
  });
});
