import { cidrContainsIp, isIp, parseCidr, parseIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { ROUTE53 } from './kinds.js';
import { checkDomainName, healthCheckId } from './names.js';

/**
 * Health checks (R53-08, R53-09). Route 53's checkers are on the internet, so an endpoint
 * check cannot name a private, local or otherwise non-routable address. This round every
 * health check is healthy (failures over time are played out later).
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-route53-healthcheck-healthcheckconfig.html
 */
export const HEALTH_CHECK_TYPES = ['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP', 'CALCULATED', 'CLOUDWATCH_METRIC', 'RECOVERY_CONTROL'] as const;
export type HealthCheckType = (typeof HEALTH_CHECK_TYPES)[number];

export interface HealthCheck extends Named {
  /** The health check id (a UUID); what Ref returns. */
  checkId: string;
  type: HealthCheckType;
  ipAddress?: string;
  fullyQualifiedDomainName?: string;
  port?: number;
  resourcePath?: string;
  searchString?: string;
  requestInterval: 10 | 30;
  failureThreshold: number;
  childHealthChecks: string[];
  healthThreshold?: number;
  inverted: boolean;
}

export interface HealthCheckSpec {
  type?: string;
  ipAddress?: string;
  fullyQualifiedDomainName?: string;
  port?: number;
  resourcePath?: string;
  searchString?: string;
  requestInterval?: number;
  failureThreshold?: number;
  childHealthChecks?: string[];
  healthThreshold?: number;
  inverted?: boolean;
  alarmIdentifier?: unknown;
}

/** Blocks no checker can reach (RFC 5735, RFC 6598, RFC 5156 and RFC 1918). */
const NOT_CHECKABLE = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4'].map(parseCidr);

const ENDPOINT_TYPES: readonly string[] = ['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP'];

/** CreateHealthCheck. */
export function createHealthCheck(cloud: Cloud, region: string, spec: HealthCheckSpec, origin?: Origin): HealthCheck {
  const type = spec.type?.toUpperCase();
  if (type === undefined || !(HEALTH_CHECK_TYPES as readonly string[]).includes(type)) {
    throw new CloudError('InvalidInput', `health check Type ${spec.type === undefined ? 'is missing' : `"${spec.type}" is not valid`}; give one of ${HEALTH_CHECK_TYPES.join(', ')}`, ['HealthCheckConfig', 'Type']);
  }
  const f = (name: string) => ['HealthCheckConfig', name];
  const requestInterval = spec.requestInterval ?? 30;
  if (requestInterval !== 10 && requestInterval !== 30) {
    throw new CloudError('InvalidInput', `RequestInterval ${requestInterval} is not valid: Route 53 checks every 30 seconds (standard) or every 10 seconds (fast)`, f('RequestInterval'));
  }
  const failureThreshold = spec.failureThreshold ?? 3;
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1 || failureThreshold > 10) {
    throw new CloudError('InvalidInput', `FailureThreshold ${failureThreshold} is out of range: give 1 to 10 consecutive checks (default 3)`, f('FailureThreshold'));
  }
  const check: Omit<HealthCheck, keyof Named | 'checkId'> = { type: type as HealthCheckType, requestInterval, failureThreshold, childHealthChecks: [], inverted: spec.inverted ?? false };
  if (ENDPOINT_TYPES.includes(type)) {
    if (spec.ipAddress === undefined && spec.fullyQualifiedDomainName === undefined) {
      throw new CloudError('InvalidInput', `a ${type} health check needs IPAddress or FullyQualifiedDomainName: the endpoint the checkers connect to`, f('FullyQualifiedDomainName'));
    }
    if (spec.ipAddress !== undefined) {
      if (!isIp(spec.ipAddress)) throw new CloudError('InvalidInput', `IPAddress "${spec.ipAddress}" is not an IPv4 address`, f('IPAddress'));
      const ip = parseIp(spec.ipAddress);
      if (NOT_CHECKABLE.some((b) => cidrContainsIp(b, ip))) {
        throw new CloudError(
          'InvalidInput',
          `IPAddress ${spec.ipAddress} is a private, local or non-routable address: Route 53's health checkers are on the internet and cannot reach it; check a public address or name, or use a CloudWatch alarm health check`,
          f('IPAddress'),
        );
      }
      check.ipAddress = spec.ipAddress;
    }
    if (spec.fullyQualifiedDomainName !== undefined) {
      check.fullyQualifiedDomainName = checkDomainName(spec.fullyQualifiedDomainName, 'FullyQualifiedDomainName', 'InvalidInput');
    }
    const port = spec.port ?? (type === 'TCP' ? undefined : type.startsWith('HTTPS') ? 443 : 80);
    if (port === undefined) throw new CloudError('InvalidInput', 'a TCP health check needs Port', f('Port'));
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CloudError('InvalidInput', `Port ${port} is out of range 1-65535`, f('Port'));
    check.port = port;
    if (spec.resourcePath !== undefined) {
      if (type === 'TCP') throw new CloudError('InvalidInput', 'ResourcePath applies to HTTP and HTTPS health checks, not TCP', f('ResourcePath'));
      if (spec.resourcePath.length > 255) throw new CloudError('InvalidInput', 'ResourcePath is longer than 255 characters', f('ResourcePath'));
      check.resourcePath = spec.resourcePath;
    }
    if (type.endsWith('STR_MATCH')) {
      if (!spec.searchString) throw new CloudError('InvalidInput', `a ${type} health check needs SearchString, the text to find in the first 5,120 bytes of the body`, f('SearchString'));
      if (spec.searchString.length > 255) throw new CloudError('InvalidInput', 'SearchString is longer than 255 characters', f('SearchString'));
      check.searchString = spec.searchString;
    }
  } else if (type === 'CALCULATED') {
    const children = spec.childHealthChecks ?? [];
    if (children.length === 0) throw new CloudError('InvalidInput', 'a CALCULATED health check needs ChildHealthChecks', f('ChildHealthChecks'));
    if (children.length > 256) throw new CloudError('InvalidInput', `${children.length} child health checks; the limit is 256`, f('ChildHealthChecks'));
    children.forEach((c, i) => {
      const child = [...cloud.table(ROUTE53.healthCheck).values()].find((h) => h.checkId === c);
      if (child?.type === 'CALCULATED') throw new CloudError('InvalidInput', `child ${child.logicalId ?? c} is itself a CALCULATED health check; calculated checks cannot be nested`, ['HealthCheckConfig', 'ChildHealthChecks', i]);
    });
    const threshold = spec.healthThreshold ?? children.length;
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > 256) throw new CloudError('InvalidInput', `HealthThreshold ${threshold} is out of range 0-256`, f('HealthThreshold'));
    check.childHealthChecks = [...children];
    check.healthThreshold = threshold;
  } else if (type === 'CLOUDWATCH_METRIC' && spec.alarmIdentifier === undefined) {
    throw new CloudError('InvalidInput', 'a CLOUDWATCH_METRIC health check needs AlarmIdentifier (the alarm\'s Name and Region)', f('AlarmIdentifier'));
  }
  const checkId = healthCheckId(cloud.seed, `${region}/${origin?.logicalId ?? cloud.nextAnonymous()}`);
  const hc: HealthCheck = { ...named(checkId, region, origin), checkId, ...check };
  cloud.table(ROUTE53.healthCheck).set(checkId, hc);
  return hc;
}
