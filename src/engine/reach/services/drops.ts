import type { DropText } from '../drop-text.js';

/**
 * Why a flow stops at a service rather than in the VPC: the load balancer, its listener and
 * target groups, a database, CloudFront, DNS. Rendered here, as the VPC causes are in
 * drop-text.ts.
 */
export type ServiceDropCause =
  | { code: 'ListenerMissing'; loadBalancer: string; port: number; listeners: string[]; /** The load balancer's groups, when they do not allow the port either (they drop it first). */ securityGroups?: string[] }
  | { code: 'ListenerProtocolMismatch'; loadBalancer: string; port: number; listenerProtocol: string; protocol: string }
  | { code: 'LoadBalancerAnswers'; loadBalancer: string; port: number; answer: string }
  | { code: 'LoadBalancerInternal'; loadBalancer: string }
  | { code: 'TargetGroupEmpty'; loadBalancer: string; targetGroup: string }
  | { code: 'TargetZoneNotEnabled'; loadBalancer: string; target: string; zone: string; zones: string[] }
  | { code: 'TargetNotInNodeZone'; loadBalancer: string; target: string; zone: string }
  | { code: 'TargetNotTraced'; targetGroup: string; target: string; why: string }
  | { code: 'TargetPortClosed'; loadBalancer: string; targetGroup: string; target: string; port: number; openPorts: string }
  | { code: 'TargetSecurityGroupDeniesLoadBalancer'; loadBalancer: string; target: string; port: number; loadBalancerGroups: string[]; targetGroups: string[] }
  | { code: 'DatabaseNotListening'; database: string; port: number; databasePort: number }
  | { code: 'DatabaseNotPublic'; database: string }
  | { code: 'NotATcpService'; service: string; protocol: string }
  | { code: 'CloudFrontPort'; distribution: string; port: number }
  | { code: 'CloudFrontViewerPolicy'; distribution: string; policy: 'https-only' | 'redirect-to-https'; port: number }
  | { code: 'CloudFrontDisabled'; distribution: string }
  | { code: 'OriginNotTraced'; distribution: string; origin: string; domainName: string; why: string }
  | { code: 'DnsNoAnswer'; name: string; why: string }
  | { code: 'DnsOutside'; name: string; target: string }
  | { code: 'AddressOutside'; address: string };

export type ServiceDropCode = ServiceDropCause['code'];

const CODES: ReadonlySet<string> = new Set<ServiceDropCode>([
  'ListenerMissing',
  'ListenerProtocolMismatch',
  'LoadBalancerAnswers',
  'LoadBalancerInternal',
  'TargetGroupEmpty',
  'TargetZoneNotEnabled',
  'TargetNotInNodeZone',
  'TargetNotTraced',
  'TargetPortClosed',
  'TargetSecurityGroupDeniesLoadBalancer',
  'DatabaseNotListening',
  'DatabaseNotPublic',
  'NotATcpService',
  'CloudFrontPort',
  'CloudFrontViewerPolicy',
  'CloudFrontDisabled',
  'OriginNotTraced',
  'DnsNoAnswer',
  'DnsOutside',
  'AddressOutside',
]);

export function isServiceCause(c: { code: string }): c is ServiceDropCause {
  return CODES.has(c.code);
}

export function renderServiceDrop(c: ServiceDropCause): DropText {
  switch (c.code) {
    case 'ListenerMissing':
      return {
        reason: c.securityGroups
          ? `${c.loadBalancer} does not listen on port ${c.port}${c.listeners.length ? ` (its listeners are ${c.listeners.join(', ')})` : ' (it has no listener)'}, and its security group${c.securityGroups.length === 1 ? '' : 's'} ${c.securityGroups.join(', ')} drop${c.securityGroups.length === 1 ? 's' : ''} the port on arrival.`
          : `${c.loadBalancer} has no listener on port ${c.port}${c.listeners.length ? `; its listeners are ${c.listeners.join(', ')}` : '; it has no listener at all'}. A security group open on a port does not make a listener: the load balancer refuses the connection.`,
        fix: c.securityGroups
          ? `Use the port of an existing listener${c.listeners.length ? ` (${c.listeners.map((l) => l.split(':')[1]).join(', ')})` : ''}, or add a listener on port ${c.port} to ${c.loadBalancer} and allow the port in its security group.`
          : `Add an AWS::ElasticLoadBalancingV2::Listener on port ${c.port} to ${c.loadBalancer}${c.listeners.length ? `, or use the port of an existing listener` : ''}.`,
      };
    case 'ListenerProtocolMismatch':
      return {
        reason: `The listener of ${c.loadBalancer} on port ${c.port} speaks ${c.listenerProtocol}, not ${c.protocol}.`,
        fix: `Ask about the listener's protocol, or give ${c.loadBalancer} a listener for ${c.protocol} on port ${c.port}.`,
      };
    case 'LoadBalancerAnswers':
      return {
        reason: `${c.loadBalancer} answers on port ${c.port} itself (${c.answer}); no rule forwards the connection to a target group.`,
        fix: 'Make the listener (or one of its rules) forward to a target group if the connection should reach a server.',
      };
    case 'LoadBalancerInternal':
      return {
        reason: `${c.loadBalancer} is internal: its nodes have only private addresses, so nothing on the internet can reach it (ELB-01).`,
        fix: 'Set Scheme: internet-facing (in public subnets) if internet clients should reach it, or ask from inside the VPC.',
      };
    case 'TargetGroupEmpty':
      return {
        reason: `Target group ${c.targetGroup} of ${c.loadBalancer} has no registered targets: the load balancer answers 503 (ELB-18).`,
        fix: `Register targets in ${c.targetGroup} (Targets, or TargetGroupARNs on an auto scaling group).`,
      };
    case 'TargetZoneNotEnabled':
      return {
        reason: `Target ${c.target} is in ${c.zone}, a zone ${c.loadBalancer} is not enabled in (${c.zones.join(', ')}): it receives no traffic (ELB-05).`,
        fix: `Give ${c.loadBalancer} a subnet in ${c.zone}, or launch the target in one of its zones.`,
      };
    case 'TargetNotInNodeZone':
      return {
        reason: `Cross-zone load balancing is off on ${c.loadBalancer}, and no node in ${c.zone}, the zone of ${c.target}, can be reached (ELB-06).`,
        fix: `Make a node in ${c.zone} reachable, or set load_balancing.cross_zone.enabled to true.`,
      };
    case 'TargetNotTraced':
      return { reason: `Target ${c.target} of ${c.targetGroup} is not traced: ${c.why}.`, fix: 'Register instance or ip targets in the VPC to trace them.' };
    case 'TargetPortClosed':
      return {
        reason: `Target group ${c.targetGroup} sends to port ${c.port} on ${c.target}, but from ${c.loadBalancer} the target accepts only ${c.openPorts}.`,
        fix: `Set the target group's Port to the port the target serves on (${c.openPorts}), or open port ${c.port} on the target's security group to the load balancer's group.`,
      };
    case 'TargetSecurityGroupDeniesLoadBalancer':
      return {
        reason: `The security groups of ${c.target} (${c.targetGroups.join(', ')}) do not allow port ${c.port} from ${c.loadBalancer}: the target sees the load balancer node's private address, not the client's (ELB-09).`,
        fix: `Add an inbound rule on port ${c.port} with SourceSecurityGroupId ${c.loadBalancerGroups[0] ?? "the load balancer's group"} to the target's security group.`,
      };
    case 'DatabaseNotListening':
      return {
        reason: `${c.database} listens on port ${c.databasePort}, not ${c.port} (RDS-07).`,
        fix: `Ask on port ${c.databasePort}, or set Port: ${c.port} on the DB instance.`,
      };
    case 'DatabaseNotPublic':
      return {
        reason: `${c.database} is not publicly accessible: its endpoint resolves to a private address only, so nothing on the internet can reach it (RDS-06).`,
        fix: 'Reach the database from the application tier inside the VPC; setting PubliclyAccessible: true (in public subnets) would open it, which a three-tier design avoids.',
      };
    case 'NotATcpService':
      return { reason: `${c.service} serves TCP; ${c.protocol} is not traced through it.`, fix: 'Ask with --protocol tcp.' };
    case 'CloudFrontPort':
      return {
        reason: `CloudFront's edge listens only on port 80 (HTTP) and 443 (HTTPS); ${c.distribution} cannot be reached on port ${c.port}.`,
        fix: 'Ask on port 80 or 443.',
      };
    case 'CloudFrontViewerPolicy':
      return {
        reason:
          c.policy === 'https-only'
            ? `The default cache behaviour of ${c.distribution} is https-only: a viewer on HTTP (port ${c.port}) gets 403 Forbidden, not the origin.`
            : `The default cache behaviour of ${c.distribution} is redirect-to-https: a viewer on HTTP (port ${c.port}) gets a 301 redirect to HTTPS, which is not a pass to the origin.`,
        fix: 'Ask on port 443 (HTTPS), or set ViewerProtocolPolicy: allow-all to serve HTTP.',
      };
    case 'CloudFrontDisabled':
      return { reason: `${c.distribution} is disabled (Enabled: false): it serves no viewer.`, fix: 'Set Enabled: true.' };
    case 'OriginNotTraced':
      return { reason: `Origin ${c.origin} of ${c.distribution} (${c.domainName}) is not traced: ${c.why}.`, fix: 'Point the origin at a load balancer or instance of the submission to trace it.' };
    case 'DnsNoAnswer':
      return { reason: `${c.name} does not resolve: ${c.why}.`, fix: 'Add a record for the name to the hosted zone that answers the client.' };
    case 'DnsOutside':
      return { reason: `${c.name} leads to ${c.target}, outside the submission; the trace stops there.`, fix: 'Point the record at a resource of the submission (an alias to a load balancer or distribution, or an address).' };
    case 'AddressOutside':
      return { reason: `${c.address} is an internet address outside the submission, and the client is on the internet too; the trace stops there.`, fix: 'Point the record at a resource of the submission (an alias to a load balancer or distribution, or an address).' };
  }
}
