/** A scenario's `capacity:`: the requests a second each type serves in that scenario, over the course's table. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';

const template = fileURLToPath(new URL('../../../lessons/10-load-balancing-and-elasticity/two-web-servers.yaml', import.meta.url));
// Two t3.medium servers (20 requests a second each in the table), 30 a second to each for 10 minutes.
const scenario = (capacity = '') => `duration: 10m\n${capacity}traffic:\n  - to: WebA\n    port: 80\n    rps: 30\n  - to: WebB\n    port: 80\n    rps: 30\n`;
const play = (text: string) => simulateSubmission(loadSubmissionPath(template), text, 'capacity.yaml');

describe('capacity: in a scenario', () => {
  it('serves what the table says without it: 20 of each 30 requests a second', () => {
    const r = play(scenario()).result!;
    expect(r.requests).toEqual({ sent: 36000, served: 24000, dropped: 12000 });
  });

  it('serves what the scenario says with it: a lighter application, 30 a second on a t3.medium', () => {
    const r = play(scenario('capacity:\n  t3.medium: 30\n')).result!;
    expect(r.requests).toEqual({ sent: 36000, served: 36000, dropped: 0 });
  });

  it('scales every type by a percentage: a heavier application, 75% of the table', () => {
    const r = play(scenario('capacity: 75%\n')).result!;
    expect(r.requests).toEqual({ sent: 36000, served: 18000, dropped: 18000 });
  });

  it('refuses what is not an instance type or not a rate, with the line', () => {
    const sim = play(scenario('capacity:\n  medium: 30\n  t3.large: none\n'));
    expect(sim.result).toBeUndefined();
    const messages = sim.diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^3: capacity: "medium" is not an instance type/),
      expect.stringMatching(/^4: capacity of t3.large: requests a second is a number above 0/),
    ]);
    expect(play(scenario('capacity: 0%\n')).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/not a percentage above 0%/)]);
  });
});
