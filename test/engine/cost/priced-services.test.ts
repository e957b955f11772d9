import { describe, expect, it } from 'vitest';
import { submissionCost } from '../../../src/formats/cost-report.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { PRICES } from '../../../src/engine/cost/prices.js';

const billed = (path: string) => {
  const loaded = loadSubmissionPath(path);
  expect(loaded.ok).toBe(true);
  return submissionCost(loaded).items.map((i) => ({ resource: i.resource, what: i.what, hourly: i.hourlyUsd }));
};

describe('the services in the cost', () => {
  it('PRC-04: a load balancer bills its hours once, and each node its public address once', () => {
    const items = billed('test/fixtures/services/elbasg/web.yaml');
    expect(items.filter((i) => i.resource === 'Alb' && i.what === 'ALB hours')).toHaveLength(1);
    // Two zones, two nodes, each one public address (billed by the node's interface, not twice).
    expect(items.filter((i) => i.resource === 'Alb' && i.what === 'public IPv4 addresses')).toHaveLength(2);
  });

  it("an auto scaling group's instances are billed at the type of its launch template", () => {
    const items = billed('test/fixtures/services/elbasg/web.yaml').filter((i) => i.resource.startsWith('WebGroup-'));
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.what))).toEqual(new Set(['EC2 t3.micro']));
  });

  it('PRC-06: a Multi-AZ database bills twice its class, a replica once; PRC-07: each hosted zone by the month', () => {
    const items = billed('test/fixtures/services/rds/warm-standby');
    const db = PRICES.databases['db.t3.micro'].usd;
    expect(items.find((i) => i.what === 'RDS db.t3.micro Multi-AZ')?.hourly).toBeCloseTo(2 * db, 6);
    expect(items.find((i) => i.what === 'RDS db.t3.micro')?.hourly).toBeCloseTo(db, 6);
    expect(items.filter((i) => i.what === 'Route 53 hosted zones').length).toBeGreaterThan(0);
  });
});
