import type { Cloud } from '../cloud.js';
import { resourceByDnsName } from '../dns-targets.js';
import { vpcDnsAttributes } from '../ec2/vpc-dns.js';
import { CloudError } from '../errors.js';
import { CloudWarning, onFinish } from '../finish-steps.js';
import type { Store } from '../store.js';
import { ROUTE53 } from './kinds.js';
import { dotted } from './names.js';

/**
 * What Route 53 checks once the whole submission is created (names may point at resources
 * of templates loaded later, in other regions):
 * - a private zone's VPC of another region must exist when the submission builds that
 *   region (InvalidVPCId); a VPC with DNS support or DNS hostnames off gets a warning, since
 *   the zone does not answer there (R53-02);
 * - an alias whose name the submission does not make is a warning (it may be outside it);
 * - a failover PRIMARY with no health check and EvaluateTargetHealth off never fails over
 *   (R53-06): a warning; so is a failover name without its PRIMARY or SECONDARY;
 * - a record's HealthCheckId that the submission does not create is a warning;
 * - a health check of a name the submission makes internal (a private database, an
 *   internal load balancer) cannot be reached by Route 53's checkers on the internet.
 */
/**
 * The template resource a record came from and the path to it: a record of a record set
 * group is named `<Group>.<n>` (logical ids hold no dots), its fields under RecordSets[n-1].
 */
function owner(logicalId: string | undefined, field: string | (string | number)[]): { logicalId?: string; field: (string | number)[] } {
  const f = Array.isArray(field) ? field : [field];
  const m = logicalId ? /^(.*)\.(\d+)$/.exec(logicalId) : null;
  return m ? { logicalId: m[1], field: ['RecordSets', Number(m[2]) - 1, ...f] } : { logicalId, field: f };
}

export function checkRoute53(store: Store): CloudError[] {
  const cloud = store as Cloud;
  const out: CloudError[] = [];
  const built = new Set([...cloud.vpcs.values()].map((v) => v.region));
  for (const z of cloud.table(ROUTE53.hostedZone).values()) {
    z.vpcs.forEach((v, i) => {
      const vpc = cloud.vpcs.get(v.vpcId);
      if (!vpc) {
        if (built.has(v.vpcRegion)) out.push(new CloudError('InvalidVPCId', `VPC ${v.vpcId} does not exist in ${v.vpcRegion}`, ['VPCs', i, 'VPCId'], z.logicalId));
        else out.push(new CloudWarning('VpcOutsideSubmission', `VPC ${v.vpcId} of private zone ${z.name} is in ${v.vpcRegion}, which no template of the submission builds; it is assumed to exist`, ['VPCs', i, 'VPCId'], z.logicalId));
        return;
      }
      const a = vpcDnsAttributes(cloud, vpc.id);
      const off = [!a.enableDnsSupport ? 'EnableDnsSupport' : '', !a.enableDnsHostnames ? 'EnableDnsHostnames' : ''].filter(Boolean);
      if (off.length) {
        out.push(new CloudWarning('PrivateZoneNotAnswering', `private zone ${z.name} does not answer inside ${vpc.logicalId ?? vpc.id}: the VPC has ${off.join(' and ')} off; private hosted zones need both set to true on the VPC`, ['VPCs', i, 'VPCId'], z.logicalId));
      }
    });
  }
  const records = [...cloud.table(ROUTE53.recordSet).values()];
  const checks = new Set([...cloud.table(ROUTE53.healthCheck).values()].map((h) => h.checkId));
  const warn = (code: string, message: string, field: string | (string | number)[], logicalId: string | undefined) => {
    const o = owner(logicalId, field);
    return new CloudWarning(code, message, o.field, o.logicalId);
  };
  for (const r of records) {
    if (r.alias && !(cloud.table(ROUTE53.hostedZone).get(r.alias.hostedZoneId) && records.some((o) => o.zoneId === r.alias!.hostedZoneId && o.name === r.alias!.dnsName)) && !resourceByDnsName(cloud, r.alias.dnsName)) {
      out.push(warn('AliasTargetNotFound', `alias ${dotted(r.name)} points at ${r.alias.dnsName}, which the submission does not make (no load balancer, distribution, database or record of the zone has that name); it is assumed to exist outside the submission`, ['AliasTarget', 'DNSName'], r.logicalId));
    }
    if (r.healthCheckId && !checks.has(r.healthCheckId)) {
      out.push(warn('HealthCheckNotFound', `record ${dotted(r.name)} names health check ${r.healthCheckId}, which the submission does not create; it is assumed to exist`, 'HealthCheckId', r.logicalId));
    }
    if (r.failover === 'PRIMARY' && !r.healthCheckId && !r.alias?.evaluateTargetHealth) {
      out.push(warn('FailoverWithoutHealthCheck', `failover PRIMARY ${dotted(r.name)} (${r.setIdentifier}) has no HealthCheckId${r.alias ? ' and EvaluateTargetHealth is false' : ''}: Route 53 treats it as always healthy, so the name never fails over to its SECONDARY; add a health check${r.alias ? ' or set EvaluateTargetHealth: true' : ''}`, 'Failover', r.logicalId));
    }
    if (r.failover) {
      const other = r.failover === 'PRIMARY' ? 'SECONDARY' : 'PRIMARY';
      if (!records.some((o) => o.zoneId === r.zoneId && o.name === r.name && o.type === r.type && o.failover === other)) {
        out.push(warn('FailoverIncomplete', `failover ${r.failover} ${dotted(r.name)} has no ${other} record of the same name and type; failover needs both`, 'Failover', r.logicalId));
      }
    }
  }
  for (const h of cloud.table(ROUTE53.healthCheck).values()) {
    if (!h.fullyQualifiedDomainName) continue;
    const target = resourceByDnsName(cloud, h.fullyQualifiedDomainName) as (Record<string, unknown> & { logicalId?: string; id: string }) | undefined;
    if (target && (target.publiclyAccessible === false || target.scheme === 'internal')) {
      out.push(new CloudWarning('HealthCheckTargetInternal', `health check ${h.logicalId ?? h.checkId} checks ${h.fullyQualifiedDomainName}, which is ${target.logicalId ?? target.id}, reachable only inside its VPC: Route 53's checkers are on the internet, so it would always be unhealthy`, ['HealthCheckConfig', 'FullyQualifiedDomainName'], h.logicalId));
    }
  }
  return out;
}

onFinish(checkRoute53);
