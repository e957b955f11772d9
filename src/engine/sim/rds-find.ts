import type { Cloud } from '../cloud.js';
import { canonicalDnsName } from '../dns-targets.js';
import type { DbInstance } from '../rds/db-instance.js';
import { RDS } from '../rds/kinds.js';
import { isRegion } from '../regions.js';

/** The submission's databases. */
export function databases(cloud: Cloud): DbInstance[] {
  return [...cloud.table(RDS.dbInstance).values()];
}

/** Every database a name names: by logical id, identifier, `region/LogicalId`, ARN or endpoint address. */
export function databasesNamed(cloud: Cloud, text: string): DbInstance[] {
  const name = text.trim();
  const slash = name.indexOf('/');
  const [region, bare] = slash > 0 && isRegion(name.slice(0, slash)) ? [name.slice(0, slash), name.slice(slash + 1)] : [undefined, name];
  return databases(cloud).filter(
    (d) =>
      (!region || d.region === region) &&
      (d.logicalId === bare || d.id === bare || d.identifier === bare.toLowerCase() || d.arn === name || canonicalDnsName(d.dnsName) === canonicalDnsName(name)),
  );
}

/** The database a scenario names (databasesNamed); undefined when none or several match. */
export function findDatabase(cloud: Cloud, text: string): DbInstance | undefined {
  const found = databasesNamed(cloud, text);
  return found.length === 1 ? found[0] : undefined;
}

/** How results and the timeline name a database: its logical id, with its region when two regions use that id. */
export function databaseName(cloud: Cloud, db: DbInstance): string {
  const base = db.logicalId ?? db.identifier;
  const twins = databases(cloud).filter((d) => (d.logicalId ?? d.identifier) === base);
  return twins.length > 1 ? `${db.region}/${base}` : base;
}
