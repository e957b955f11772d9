import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/formats/scenario/durations.js';
import { parseScenario } from '../../../src/formats/scenario/parse-scenario.js';

const errors = (text: string) => parseScenario(text, 'drill.yaml').diagnostics.filter((d) => d.severity === 'error').map((d) => ({ line: d.line, column: d.column, code: d.code, message: d.message }));

describe('scenario durations', () => {
  it('reads s, m, h, d and combinations, in whole seconds; 0 needs no unit', () => {
    expect(parseDuration('90s')).toEqual({ seconds: 90 });
    expect(parseDuration('30m')).toEqual({ seconds: 1800 });
    expect(parseDuration('2h')).toEqual({ seconds: 7200 });
    expect(parseDuration('1h30m')).toEqual({ seconds: 5400 });
    expect(parseDuration('1.5h')).toEqual({ seconds: 5400 });
    expect(parseDuration('1d')).toEqual({ seconds: 86400 });
    expect(parseDuration(0)).toEqual({ seconds: 0 });
  });

  it('says what is wrong with a duration and what would be valid', () => {
    expect(parseDuration('90x')).toEqual({ error: '"90x" is not a duration: "x" is not a unit; write a number with s, m, h or d, such as 90s, 30m, 2h or 1h30m' });
    expect(parseDuration(90)).toEqual({ error: '90 has no unit; write 90s, 90m or 90h' });
    expect(parseDuration('soon')).toMatchObject({ error: expect.stringContaining('is not a duration') });
    expect(parseDuration('0.5s')).toMatchObject({ error: expect.stringContaining('whole number of seconds') });
  });
});

describe('reading a scenario', () => {
  it("reads DESIGN.md's example", () => {
    const p = parseScenario(
      `duration: 2h
traffic:
  - to: api.example.com
    port: 443
    rps: [[0m, 0.16], [60m, 1333], [65m, 0.16]]
events:
  - at: 30m
    fail: region us-east-1
  - at: 40m
    promote: ReplicaDb
  - at: 50m
    scale: WebGroup 4
  - at: 60m
    recover: az us-east-1a
`,
      'drill.yaml',
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.scenario).toEqual({
      duration: 7200,
      traffic: [{ from: 'internet', to: 'api.example.com', port: 443, protocol: 'tcp', steps: [[0, 0.16], [3600, 1333], [3900, 0.16]], path: ['traffic', 0] }],
      events: [
        { at: 1800, action: 'fail', target: { kind: 'region', name: 'us-east-1' }, path: ['events', 0, 'fail'] },
        { at: 2400, action: 'promote', resource: 'ReplicaDb', path: ['events', 1, 'promote'] },
        { at: 3000, action: 'scale', group: 'WebGroup', desired: 4, path: ['events', 2, 'scale'] },
        { at: 3600, action: 'recover', target: { kind: 'az', name: 'us-east-1a' }, path: ['events', 3, 'recover'] },
      ],
    });
    expect(p.locate(['events', 1, 'promote'])).toEqual({ line: 10, column: 14 });
  });

  it('gives every mistake its line and column, with what would be valid, all at once', () => {
    const found = errors(`duration: 90x
trafic: []
traffic:
  - to: Web
    port: http
    rps: fast
  - to: Web
    port: 80
    rps: [[0m, 1], [3h, 2]]
    protocl: tcp
events:
  - at: 30m
    fail: zoen us-east-1a
  - at: 10m
`);
    expect(found).toEqual([
      { line: 1, column: 11, code: 'InvalidDuration', message: expect.stringContaining('"90x" is not a duration') },
      { line: 2, column: 1, code: 'UnknownKey', message: 'a scenario has no key "trafic"; did you mean traffic? (its keys: duration, interval, traffic, events, capacity)' },
      { line: 5, column: 11, code: 'InvalidValue', message: 'port is a whole number from 0 to 65535, not "http"' },
      { line: 6, column: 10, code: 'InvalidValue', message: 'rps is a number of requests a second (0 or more, such as 5 or 0.16), not "fast"' },
      { line: 10, column: 5, code: 'UnknownKey', message: expect.stringContaining('did you mean protocol?') },
      { line: 13, column: 11, code: 'InvalidEvent', message: expect.stringContaining('"zoen" is not a kind of target; did you mean zone?') },
      { line: 14, column: 5, code: 'InvalidEvent', message: 'an event does one thing: fail, recover, promote, scale, restore, failover' },
    ]);
  });

  it('refuses a time beyond the duration, steps that go back in time, and a missing duration', () => {
    expect(errors('duration: 1h\ntraffic:\n  - to: Web\n    port: 80\n    rps: [[0m, 1], [2h, 2]]\n')).toEqual([
      { line: 5, column: 21, code: 'TimeBeyondDuration', message: 'the time of a step is 2h, beyond the end of the scenario (duration 1h); use a time from 0 to 1h' },
    ]);
    expect(errors('duration: 1h\ntraffic:\n  - to: Web\n    port: 80\n    rps: [[10m, 1], [5m, 2]]\n')[0].message).toBe('the steps of rps go forward in time: 5m comes after 10m');
    expect(errors('events:\n  - at: 1m\n    fail: Web\n')[0]).toMatchObject({ code: 'MissingKey', message: expect.stringContaining('needs a duration') });
    expect(errors('duration: 1h\nevents:\n  - at: 2h\n    fail: Web\n')[0]).toMatchObject({ line: 3, column: 9, code: 'TimeBeyondDuration' });
  });

  it('refuses an interval too fine for the duration, naming the finest that works', () => {
    expect(errors('duration: 30d\ninterval: 1s\nevents: []\n')[0].message).toBe('an interval of 1s cuts 30d into 2,592,000 intervals; at most 100,000 (choose 26s or more)');
  });

  it('refuses what is not a scenario, without a stack trace', () => {
    expect(errors('')[0].code).toBe('EmptyScenario');
    expect(errors('- a\n- b\n')[0]).toMatchObject({ code: 'NotAMapping', line: 1 });
    expect(errors('duration: [1h\n')[0].code).toBe('YamlSyntax');
  });
});
