import { CloudError } from '../errors.js';

/**
 * ELB-15: a target group's health check, with AWS's defaults for its load balancer family and
 * the ranges AWS accepts. An HTTP/HTTPS target group is an application load balancer's; a
 * TCP/TLS/UDP/TCP_UDP one a network load balancer's.
 */

export interface HealthCheck {
  enabled: boolean;
  protocol: string;
  /** A port number as text, or `traffic-port`. */
  port: string;
  path?: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  /** HTTP codes (`200`, `200,202`, `200-299`), for HTTP and HTTPS checks. */
  matcher?: string;
}

export interface HealthCheckSpec {
  enabled?: boolean;
  protocol?: string;
  port?: string;
  path?: string;
  intervalSeconds?: number;
  timeoutSeconds?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
  matcher?: string;
}

export type Family = 'application' | 'network' | 'lambda';

function inRange(v: number | undefined, lo: number, hi: number, field: string): void {
  if (v !== undefined && (!Number.isInteger(v) || v < lo || v > hi)) {
    throw new CloudError('ValidationError', `${field} ${v} is out of range: it is a whole number from ${lo} to ${hi}`, field);
  }
}

function checkMatcher(codes: string, lo: number, hi: number): void {
  const ok = codes.split(',').every((part) => {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part.trim());
    if (!m) return false;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    return a >= lo && b <= hi && a <= b;
  });
  if (!ok) {
    throw new CloudError('ValidationError', `Matcher HttpCode "${codes}" is not valid: codes from ${lo} to ${hi}, written 200, 200,202 or 200-299`, ['Matcher', 'HttpCode']);
  }
}

export function healthCheck(spec: HealthCheckSpec, family: Family, targetType: string): HealthCheck {
  if (spec.enabled === false && targetType !== 'lambda') {
    throw new CloudError('ValidationError', `health checks cannot be disabled for target groups with target type '${targetType}'`, 'HealthCheckEnabled');
  }
  const allowed = family === 'network' ? ['HTTP', 'HTTPS', 'TCP'] : ['HTTP', 'HTTPS'];
  const protocol = spec.protocol?.toUpperCase() ?? (family === 'network' ? 'TCP' : 'HTTP');
  if (!allowed.includes(protocol)) {
    throw new CloudError('ValidationError', `HealthCheckProtocol ${spec.protocol} is not valid for this target group; use ${allowed.join(', ')}`, 'HealthCheckProtocol');
  }
  const http = protocol === 'HTTP' || protocol === 'HTTPS';
  const port = spec.port ?? 'traffic-port';
  if (port !== 'traffic-port') {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
      throw new CloudError('ValidationError', `HealthCheckPort "${port}" is not valid: a port from 1 to 65535, or traffic-port`, 'HealthCheckPort');
    }
  }
  if (!http && (spec.path !== undefined || spec.matcher !== undefined)) {
    throw new CloudError('ValidationError', `${spec.path !== undefined ? 'HealthCheckPath' : 'Matcher'} applies to HTTP and HTTPS health checks only, not ${protocol}`, spec.path !== undefined ? 'HealthCheckPath' : 'Matcher');
  }
  if (spec.path !== undefined && (!spec.path.startsWith('/') || spec.path.length > 1024)) {
    throw new CloudError('ValidationError', `HealthCheckPath "${spec.path}" must start with / and be at most 1024 characters`, 'HealthCheckPath');
  }
  const lambda = targetType === 'lambda';
  inRange(spec.intervalSeconds, 5, 300, 'HealthCheckIntervalSeconds');
  inRange(spec.timeoutSeconds, 2, 120, 'HealthCheckTimeoutSeconds');
  inRange(spec.healthyThreshold, 2, 10, 'HealthyThresholdCount');
  inRange(spec.unhealthyThreshold, 2, 10, 'UnhealthyThresholdCount');
  const defaultTimeout = lambda ? 30 : family === 'network' ? (protocol === 'HTTP' ? 6 : 10) : 5;
  const hc: HealthCheck = {
    enabled: spec.enabled ?? !lambda,
    protocol,
    port,
    ...(http ? { path: spec.path ?? '/' } : {}),
    intervalSeconds: spec.intervalSeconds ?? (lambda ? 35 : 30),
    timeoutSeconds: spec.timeoutSeconds ?? defaultTimeout,
    healthyThreshold: spec.healthyThreshold ?? 5,
    unhealthyThreshold: spec.unhealthyThreshold ?? 2,
    ...(http ? { matcher: spec.matcher ?? (family === 'network' ? '200-399' : '200') } : {}),
  };
  if (http) checkMatcher(hc.matcher!, 200, family === 'network' ? 599 : 499);
  if (hc.intervalSeconds <= hc.timeoutSeconds) {
    throw new CloudError(
      'ValidationError',
      `Health check interval must be greater than the timeout: HealthCheckIntervalSeconds is ${hc.intervalSeconds} and HealthCheckTimeoutSeconds ${hc.timeoutSeconds}`,
      spec.intervalSeconds !== undefined ? 'HealthCheckIntervalSeconds' : 'HealthCheckTimeoutSeconds',
    );
  }
  return hc;
}
