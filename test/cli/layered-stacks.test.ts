import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

// us-east-1/network.yaml and us-east-1/app.yaml both declare an instance named Web.
const DIR = 'test/fixtures/layered';

beforeAll(() => buildIfStale(), 180_000);

describe('layered stacks on the command line', () => {
  it('validate loads both stacks of the region', () => {
    const r = cloudlab(['validate', DIR]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('is valid: 10 resources in us-east-1');
  });

  it('trace takes a stack-qualified end and names it as written', () => {
    const r = cloudlab(['trace', DIR, '--from', 'internet', '--to', 'app/Web', '--port', '80']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Trace internet → app/Web, tcp port 80');
    expect(r.stdout).toContain('internet can reach app/Web on tcp port 80');
    const json = JSON.parse(cloudlab(['trace', DIR, '--from', 'internet', '--to', 'us-east-1/network/Web', '--port', '80', '--json']).stdout);
    expect(json).toMatchObject({ reachable: false, to: 'us-east-1/network/Web' });
  });

  it('an unqualified id two stacks share is a usage error listing the qualified ones', () => {
    const r = cloudlab(['trace', DIR, '--from', 'internet', '--to', 'Web', '--port', '80']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"Web" names resources of several stacks; write one of network/Web, app/Web');
    expect(noStackTrace(r)).toBe(true);
  });
});
