import type { Cloud } from '../cloud.js';
import { EC2 } from '../ec2/kinds.js';
import { attachInterface, type DbInstance, newDbInstance, placeInGroup } from '../rds/db-instance.js';
import { RDS } from '../rds/kinds.js';
import type { DbSubnetGroup } from '../rds/subnet-group.js';
import { copyCloud } from './copy-cloud.js';
import { databases } from './rds-find.js';
import type { FailureAt } from './participant.js';
import type { Scenario } from './scenario.js';

/** Where a database would be restored in one region: the new instance, made ahead and held absent until a restore makes it. */
export interface RestoreSpare {
  /** The database it restores. */
  sourceId: string;
  region: string;
  /** The new instance, in the cloud played. */
  db: DbInstance;
}

/** True when the scenario plays a restore (its own event, or the failover runbook's). */
export function playsRestores(scenario: Scenario): boolean {
  return scenario.events.some((e) => e.action === 'restore' || e.action === 'failover');
}

/**
 * The DB subnet group a restore of `source` uses in `region`: its own in its own region; in
 * another, the group of that region's template with the same logical id, else the only one
 * there. Undefined when there is none (the restore cannot be placed there).
 */
export function restoreSubnetGroup(cloud: Cloud, source: DbInstance, region: string): DbSubnetGroup | undefined {
  const groups = [...cloud.table(RDS.subnetGroup).values()];
  const own = source.subnetGroupId ? cloud.table(RDS.subnetGroup).get(source.subnetGroupId) : undefined;
  if (region === source.region) return own;
  const there = groups.filter((g) => g.region === region);
  return there.find((g) => own?.logicalId !== undefined && g.logicalId === own.logicalId) ?? (there.length === 1 ? there[0] : undefined);
}

/**
 * The security groups of a restored instance: the source's own in its region; in another, the
 * groups of the target VPC with the same logical ids as the source's (RDS-08: a restore takes
 * the default group unless told, so the runbook names them), else the VPC's default group.
 */
function restoreGroups(cloud: Cloud, source: DbInstance, vpcId: string): string[] {
  if (source.vpcId === vpcId) return [...source.securityGroupIds];
  const inVpc = [...cloud.table(EC2.securityGroup).values()].filter((g) => g.vpcId === vpcId);
  const found = source.securityGroupIds.flatMap((id) => {
    const logical = cloud.table(EC2.securityGroup).get(id)?.logicalId;
    const twin = logical === undefined ? undefined : inVpc.find((g) => g.logicalId === logical);
    return twin ? [twin.id] : [];
  });
  return found.length ? found : [cloud.vpc(vpcId).defaultSecurityGroupId];
}

/**
 * The cloud played with room for the restores the scenario may play (RDS-08, BAK-05: a restore
 * always makes a new instance, with a new identifier and endpoint): for each database that is
 * not a replica, one new instance in each region where it can be placed (restoreSubnetGroup),
 * of the source's engine, class and Multi-AZ setting, named `<identifier>-restored`. The RDS
 * participant holds them absent (not reached, not billed) until a restore makes one. Only for
 * a scenario that restores: others play the submission as it is.
 */
export function withRestoreRoom(played: Cloud, loaded: Cloud, scenario: Scenario): { cloud: Cloud; spares: RestoreSpare[] } {
  if (!playsRestores(scenario)) return { cloud: played, spares: [] };
  const cloud = played === loaded ? copyCloud(loaded) : played;
  const regions = [...new Set([...cloud.vpcs.values()].map((v) => v.region))].sort();
  const spares: RestoreSpare[] = [];
  for (const source of databases(cloud)) {
    if (source.replicaOf || !source.subnetGroupId) continue;
    for (const region of regions) {
      const group = restoreSubnetGroup(cloud, source, region);
      if (!group) continue;
      const identifier = uniqueIdentifier(cloud, region, `${source.identifier}-restored`);
      const db = newDbInstance(cloud, region, identifier, {
        port: source.port,
        engine: source.engine,
        engineFamily: source.engineFamily,
        instanceClass: source.instanceClass,
        ...(source.allocatedStorage !== undefined ? { allocatedStorage: source.allocatedStorage } : {}),
        storageEncrypted: source.storageEncrypted,
        multiAz: source.multiAz,
        subnetGroupId: group.id,
        vpcId: group.vpcId,
        securityGroupIds: restoreGroups(cloud, source, group.vpcId),
        ...placeInGroup(cloud, group, source.multiAz, undefined),
        publiclyAccessible: source.publiclyAccessible ?? false,
        publiclyAccessibleGiven: true,
        backupRetentionPeriod: source.backupRetentionPeriod,
      });
      cloud.table(RDS.dbInstance).set(db.id, db);
      attachInterface(cloud, db);
      spares.push({ sourceId: source.id, region, db });
    }
  }
  return { cloud, spares };
}

function uniqueIdentifier(cloud: Cloud, region: string, base: string): string {
  const taken = new Set(databases(cloud).filter((d) => d.region === region).map((d) => d.identifier));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

/**
 * When the scenario's failures hold a database lost at `at` (its region, its zone or the
 * database itself failed at or before, and has not recovered): the time of the failure that
 * took it, else undefined. What really happens (a Multi-AZ database fails over) is played.
 */
export function lostAt(db: DbInstance, at: number, failures: readonly FailureAt[]): number | undefined {
  const holds = new Map<string, number>();
  for (const f of failures) {
    if (f.at > at) break;
    const c = f.claim;
    const covers = c.key === `region:${db.region}` || (db.availabilityZone !== undefined && c.key === `az:${db.availabilityZone}`) || c.resources.includes(db.id);
    if (!covers) continue;
    if (f.action === 'fail') {
      if (!holds.has(c.key)) holds.set(c.key, f.at);
    } else holds.delete(c.key);
  }
  return holds.size ? Math.min(...holds.values()) : undefined;
}
