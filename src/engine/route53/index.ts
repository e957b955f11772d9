/** Route 53 in the virtual cloud: hosted zones, record sets, health checks and the resolver. Importing it registers Route 53's finish checks. */
export { createHostedZone, zoneFor, type HostedZone, type HostedZoneSpec } from './hosted-zone.js';
export { createRecordSet, recordsOf, RECORD_TYPES, type RecordSet, type RecordSetSpec } from './record-set.js';
export { createHealthCheck, HEALTH_CHECK_TYPES, type HealthCheck, type HealthCheckSpec } from './health-check.js';
export { resolve, type Answer, type Resolution } from './resolve.js';
export { ROUTE53, CLOUDFRONT_ZONE_ID } from './kinds.js';
export { checkRoute53 } from './checks.js';
