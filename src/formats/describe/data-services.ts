import { formatIp } from '../../engine/address.js';
import type { Cloud } from '../../engine/cloud.js';
import { RDS } from '../../engine/rds/index.js';
import { recordsOf, resolve, ROUTE53 } from '../../engine/route53/index.js';
import { printable } from '../safe-text.js';
import { wrapUnder } from './wrap.js';

/**
 * The databases and DNS zones of a topology, for `describe` (text and --json): each database
 * with engine, port, endpoint, zones, public access, backups and replicas; each zone with its
 * records and what each alias or CNAME resolves to.
 */
export interface DatabaseView {
  id: string;
  name: string;
  region: string;
  identifier: string;
  engine: string;
  instanceClass: string;
  port: number;
  endpoint: string;
  privateIp?: string;
  publicIp?: string;
  vpc?: string;
  subnet?: string;
  zone?: string;
  multiAz: boolean;
  standbyZone?: string;
  publiclyAccessible: boolean;
  backupRetentionDays: number;
  securityGroups: string[];
  replicaOf?: { source: string; region: string; crossRegion: boolean; found: boolean };
  replicas: string[];
  deletionPolicy?: string;
}

export interface RecordView {
  name: string;
  type: string;
  logicalId?: string;
  ttl?: number;
  values: string[];
  alias?: { dnsName: string; evaluateTargetHealth: boolean };
  policy: string;
  setIdentifier?: string;
  weight?: number;
  failover?: string;
  region?: string;
  healthCheck?: string;
  /** What the alias or CNAME ends at: a resource of the submission, or a name outside it. */
  resolvesTo?: string;
}

export interface ZoneView {
  id: string;
  name: string;
  private: boolean;
  assumed: boolean;
  vpcs: string[];
  records: RecordView[];
}

export interface HealthCheckView {
  id: string;
  name: string;
  type: string;
  endpoint?: string;
  port?: number;
  path?: string;
  requestInterval: number;
  failureThreshold: number;
}

export interface ServicesView {
  databases: DatabaseView[];
  hostedZones: ZoneView[];
  healthChecks: HealthCheckView[];
}

const nameOf = (r: { id: string; logicalId?: string } | undefined, fallback: string) => (r ? r.logicalId ?? r.id : fallback);

export function servicesView(cloud: Cloud): ServicesView {
  const dbs = [...cloud.table(RDS.dbInstance).values()];
  const databases = dbs.map((d): DatabaseView => {
    const eni = d.networkInterfaceId ? cloud.interfaces.get(d.networkInterfaceId) : undefined;
    const source = d.replicaOf?.id ? cloud.table(RDS.dbInstance).get(d.replicaOf.id) : undefined;
    return {
      id: d.id,
      name: d.logicalId ?? d.identifier,
      region: d.region,
      identifier: d.identifier,
      engine: d.engine,
      instanceClass: d.instanceClass,
      port: d.port,
      endpoint: d.dnsName,
      ...(eni ? { privateIp: formatIp(eni.privateIp) } : {}),
      ...(eni?.publicIp !== undefined ? { publicIp: formatIp(eni.publicIp) } : {}),
      ...(d.vpcId ? { vpc: nameOf(cloud.vpcs.get(d.vpcId), d.vpcId) } : {}),
      ...(d.subnetId ? { subnet: nameOf(cloud.subnets.get(d.subnetId), d.subnetId) } : {}),
      ...(d.availabilityZone ? { zone: d.availabilityZone } : {}),
      multiAz: d.multiAz,
      ...(d.standby ? { standbyZone: d.standby.availabilityZone } : {}),
      publiclyAccessible: d.publiclyAccessible ?? false,
      backupRetentionDays: d.backupRetentionPeriod,
      securityGroups: d.securityGroupIds.map((g) => nameOf(cloud.securityGroups.get(g), g)),
      ...(d.replicaOf ? { replicaOf: { source: source ? source.logicalId ?? source.identifier : d.replicaOf.given, region: d.replicaOf.region, crossRegion: d.replicaOf.crossRegion, found: source !== undefined } } : {}),
      replicas: dbs.filter((o) => o.replicaOf?.id === d.id).map((o) => `${o.logicalId ?? o.identifier}${o.region !== d.region ? ` (${o.region})` : ''}`),
      ...(d.replicaOf ? {} : { deletionPolicy: d.deletionPolicy }),
    };
  });
  const checks = [...cloud.table(ROUTE53.healthCheck).values()];
  const hostedZones = [...cloud.table(ROUTE53.hostedZone).values()].map((z): ZoneView => ({
    id: z.zoneId,
    name: z.name || z.zoneId,
    private: z.private,
    assumed: z.assumed,
    vpcs: z.vpcs.map((v) => `${nameOf(cloud.vpcs.get(v.vpcId), v.vpcId)} (${v.vpcRegion})`),
    records: recordsOf(cloud, z.zoneId).map((r): RecordView => {
      let resolvesTo: string | undefined;
      if (r.alias || r.type === 'CNAME') {
        const fromVpc = z.private ? z.vpcs[0]?.vpcId : undefined;
        const res = resolve(cloud, r.alias ? r.alias.dnsName : r.values[0], fromVpc);
        resolvesTo = res.target ? `${res.target.logicalId ?? res.target.id}${res.target.region ? ` (${res.target.region})` : ''}` : res.values.length ? res.values.join(', ') : res.external ? `${res.external} (outside the submission)` : undefined;
      }
      const hc = r.healthCheckId ? checks.find((h) => h.checkId === r.healthCheckId) : undefined;
      return {
        name: r.name,
        type: r.type,
        ...(r.logicalId ? { logicalId: r.logicalId } : {}),
        ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
        values: r.values,
        ...(r.alias ? { alias: { dnsName: r.alias.dnsName, evaluateTargetHealth: r.alias.evaluateTargetHealth } } : {}),
        policy: r.policy,
        ...(r.setIdentifier !== undefined ? { setIdentifier: r.setIdentifier } : {}),
        ...(r.weight !== undefined ? { weight: r.weight } : {}),
        ...(r.failover ? { failover: r.failover } : {}),
        ...(r.latencyRegion ? { region: r.latencyRegion } : {}),
        ...(r.healthCheckId ? { healthCheck: hc?.logicalId ?? r.healthCheckId } : {}),
        ...(resolvesTo ? { resolvesTo } : {}),
      };
    }),
  }));
  const healthChecks = checks.map((h): HealthCheckView => ({
    id: h.checkId,
    name: h.logicalId ?? h.checkId,
    type: h.type,
    ...(h.fullyQualifiedDomainName || h.ipAddress ? { endpoint: h.fullyQualifiedDomainName ?? h.ipAddress } : {}),
    ...(h.port !== undefined ? { port: h.port } : {}),
    ...(h.resourcePath ? { path: h.resourcePath } : {}),
    requestInterval: h.requestInterval,
    failureThreshold: h.failureThreshold,
  }));
  return { databases, hostedZones, healthChecks };
}

/** The services as text lines under the topology tree, wrapped at `width`. */
export function servicesText(view: ServicesView, width = 80): string[] {
  const lines: string[] = [];
  const put = (prefix: string, text: string, cont: string): void => {
    lines.push(...wrapUnder(prefix, text, cont, width).map((l) => l.trimEnd()));
  };
  const list = <T>(title: string, items: T[], head: (t: T) => string, kids: (t: T) => string[]): void => {
    if (!items.length) return;
    lines.push(title);
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      put(last ? '└─ ' : '├─ ', head(item), last ? '      ' : '│     ');
      const k = kids(item);
      k.forEach((line, j) => {
        const kl = j === k.length - 1;
        const c = last ? '   ' : '│  ';
        put(`${c}${kl ? '└─ ' : '├─ '}`, line, `${c}${kl ? '   ' : '│  '}   `);
      });
    });
  };
  list(
    'Databases',
    view.databases,
    (d) => `${d.name} (${d.region})  ${d.engine} ${d.instanceClass}  port ${d.port}${d.replicaOf ? `  read replica of ${d.replicaOf.source}${d.replicaOf.crossRegion ? ` in ${d.replicaOf.region}` : ''}${d.replicaOf.found ? '' : ' (outside the submission)'}` : ''}`,
    (d) => [
      `endpoint ${d.endpoint}`,
      `${d.subnet ? `${d.subnet} ${d.zone} ${d.privateIp}` : 'default VPC (not modelled)'}${d.multiAz ? `  Multi-AZ, standby in ${d.standbyZone ?? '?'}` : '  single-AZ'}`,
      `${d.publiclyAccessible ? `PUBLICLY ACCESSIBLE${d.publicIp ? ` at ${d.publicIp}` : ''}` : 'not publicly accessible'}  backups ${d.backupRetentionDays ? `${d.backupRetentionDays} day${d.backupRetentionDays > 1 ? 's' : ''}` : 'off'}  [${d.securityGroups.join(', ')}]${d.replicas.length ? `  replicas: ${d.replicas.join(', ')}` : ''}`,
    ],
  );
  list(
    'DNS zones',
    view.hostedZones,
    (z) => `${z.name}  ${z.private ? `private, in ${z.vpcs.join(', ')}` : 'public'}${z.assumed ? '  (assumed to exist)' : ''}`,
    (z) =>
      z.records.map((r) => {
        const policy = r.policy === 'simple' ? '' : `  ${r.policy}${r.failover ? ` ${r.failover}` : ''}${r.weight !== undefined ? ` weight ${r.weight}` : ''}${r.region ? ` ${r.region}` : ''} "${r.setIdentifier}"`;
        const body = r.alias ? `alias ${r.alias.dnsName}${r.alias.evaluateTargetHealth ? ' (evaluates target health)' : ''}` : `${r.values.join(', ')}  TTL ${r.ttl}`;
        return `${r.name} ${r.type}  ${body}${policy}${r.healthCheck ? `  health check ${r.healthCheck}` : ''}${r.resolvesTo ? `  → ${r.resolvesTo}` : ''}`;
      }),
  );
  list(
    'Health checks',
    view.healthChecks,
    (h) => `${h.name}  ${h.type} ${h.endpoint ?? ''}${h.port ? `:${h.port}` : ''}${h.path ?? ''}  every ${h.requestInterval} s, ${h.failureThreshold} failures`,
    () => [],
  );
  return lines.map((l) => printable(l));
}
