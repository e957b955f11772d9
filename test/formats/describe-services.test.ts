import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { servicesText, servicesView } from '../../src/formats/describe/data-services.js';
import { loadSubmissionPath } from '../../src/formats/load-submission.js';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/services/${p}`, import.meta.url));

describe('describe: databases and DNS zones', () => {
  it('shows each database with engine, port, endpoint, standby zone, public access, backups and replicas, within 80 columns', () => {
    const r = loadSubmissionPath(fixture('rds/warm-standby'));
    const view = servicesView(r.cloud);
    const primary = view.databases.find((d) => d.name === 'Database')!;
    expect(primary).toMatchObject({ engine: 'mysql', port: 3306, zone: 'us-east-1a', multiAz: true, standbyZone: 'us-east-1b', publiclyAccessible: false, backupRetentionDays: 7, replicas: ['Replica (us-west-2)'], securityGroups: ['DbSg'] });
    expect(view.databases.find((d) => d.name === 'Replica')!.replicaOf).toEqual({ source: 'Database', region: 'us-east-1', crossRegion: true, found: true });
    const cname = view.hostedZones[0].records[0];
    expect(cname).toMatchObject({ name: 'db.internal.example.com', type: 'CNAME', ttl: 60, resolvesTo: 'Database (us-east-1)' });
    const text = servicesText(view);
    expect(text[0]).toBe('Databases');
    expect(text.some((l) => l.includes('Multi-AZ, standby in us-east-1b'))).toBe(true);
    expect(text.every((l) => l.length <= 80 && l === l.trimEnd())).toBe(true);
  });

  it('shows records with their routing policy and health check, and the health checks', () => {
    const r = loadSubmissionPath(fixture('route53/failover.yaml'));
    const view = servicesView(r.cloud);
    expect(view.hostedZones[0]).toMatchObject({ name: 'example.com', private: false, assumed: true });
    expect(view.hostedZones[0].records[0]).toMatchObject({ policy: 'failover', failover: 'PRIMARY', healthCheck: 'PrimaryCheck' });
    expect(view.healthChecks[0]).toMatchObject({ name: 'PrimaryCheck', type: 'HTTPS', endpoint: '203.0.113.10', port: 443, path: '/health', requestInterval: 10, failureThreshold: 3 });
  });
});
