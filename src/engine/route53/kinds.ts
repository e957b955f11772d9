import { kind } from '../store.js';
import type { HealthCheck } from './health-check.js';
import type { HostedZone } from './hosted-zone.js';
import type { RecordSet } from './record-set.js';

/** Route 53's kinds of resource, with the NotFound code AWS gives for each. */
export const ROUTE53 = {
  hostedZone: kind<HostedZone>({ noun: 'the hosted zone', notFound: 'NoSuchHostedZone', field: 'HostedZoneId' }),
  recordSet: kind<RecordSet>({ noun: 'the record set', notFound: 'InvalidChangeBatch', field: 'Name' }),
  healthCheck: kind<HealthCheck>({ noun: 'the health check', notFound: 'NoSuchHealthCheck', field: 'HealthCheckId' }),
} as const;

/** CloudFront's hosted zone id, the one an alias to any distribution names (R53-03). */
export const CLOUDFRONT_ZONE_ID = 'Z2FDTNDATAQYW2';
