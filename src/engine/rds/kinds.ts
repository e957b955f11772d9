import { dnsTargetKind } from '../dns-targets.js';
import { kind } from '../store.js';
import type { DbInstance } from './db-instance.js';
import type { DbSubnetGroup } from './subnet-group.js';

/** RDS's kinds of resource, with the NotFound code AWS gives for each. */
export const RDS = {
  subnetGroup: kind<DbSubnetGroup>({ noun: 'the DB subnet group', notFound: 'DBSubnetGroupNotFoundFault', field: 'DBSubnetGroupName' }),
  /** A database answers at its endpoint, so Route 53 records and CloudFront origins can find it by name. */
  dbInstance: dnsTargetKind(kind<DbInstance>({ noun: 'the DB instance', notFound: 'DBInstanceNotFound', field: 'DBInstanceIdentifier' })),
} as const;

/** AWS's limits the RDS items name (aws-semantics-services RDS-03, RDS-08). */
export const RDS_LIMITS = {
  maxBackupRetentionDays: 35,
  defaultBackupRetentionDays: 1,
  readReplicasPerSource: 15,
} as const;
