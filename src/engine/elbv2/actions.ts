import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import type { Field } from '../store.js';
import { ELBV2_QUOTAS } from './kinds.js';
import type { LoadBalancer } from './load-balancer.js';
import { targetGroup } from './target-group.js';

/**
 * ELB-13: the actions of a listener's default rule or of a listener rule: exactly one terminal
 * action (forward, redirect, fixed-response), optionally after authenticate-oidc or
 * authenticate-cognito on HTTPS; forward to one target group or up to five with weights.
 */

export interface ForwardAction {
  type: 'forward';
  targetGroups: { arn: string; weight: number }[];
  stickiness?: boolean;
}
export interface RedirectAction {
  type: 'redirect';
  statusCode: 'HTTP_301' | 'HTTP_302';
  protocol: string;
  port: string;
  host: string;
  path: string;
  query: string;
}
export interface FixedResponseAction {
  type: 'fixed-response';
  statusCode: string;
  contentType?: string;
  messageBody?: string;
}
export interface AuthenticateAction {
  type: 'authenticate-oidc' | 'authenticate-cognito';
}
export type Action = (ForwardAction | RedirectAction | FixedResponseAction | AuthenticateAction) & { order?: number };

export interface ActionSpec {
  type?: string;
  order?: number;
  targetGroupArn?: string;
  forwardConfig?: { targetGroups?: { targetGroupArn?: string; weight?: number }[]; stickiness?: boolean };
  redirectConfig?: { statusCode?: string; protocol?: string; port?: string; host?: string; path?: string; query?: string };
  fixedResponseConfig?: { statusCode?: string; contentType?: string; messageBody?: string };
}

const TERMINAL = ['forward', 'redirect', 'fixed-response'];
const AUTH = ['authenticate-oidc', 'authenticate-cognito'];
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];

const at = (base: Field, ...rest: (string | number)[]): Field => [...([] as (string | number)[]).concat(base), ...rest];
const bad = (message: string, field: Field) => new CloudError('ValidationError', message, field);

/** Where the actions stand: the load balancer and listener protocol they belong to. */
export interface ActionContext {
  lb: LoadBalancer;
  listenerProtocol: string;
  /** Path of the actions list in the request (`DefaultActions`, `Actions`). */
  field: string;
}

function checkTargetGroupUse(cloud: Cloud, arn: string, ctx: ActionContext, field: Field): void {
  const tg = targetGroup(cloud, arn, field);
  if (ctx.lb.type === 'application' && tg.family === 'network') {
    throw new CloudError('InvalidConfigurationRequest', `target group ${tg.logicalId ?? tg.name} uses ${tg.protocol}; an application load balancer forwards to HTTP or HTTPS target groups (or lambda)`, field);
  }
  if (ctx.lb.type === 'network' && (tg.family !== 'network')) {
    throw new CloudError('InvalidConfigurationRequest', `target group ${tg.logicalId ?? tg.name} uses ${tg.protocol ?? 'lambda'}; a network load balancer forwards to TCP, TLS, UDP or TCP_UDP target groups`, field);
  }
  if (tg.vpcId !== undefined && tg.vpcId !== ctx.lb.vpcId) {
    throw new CloudError('InvalidConfigurationRequest', `target group ${tg.logicalId ?? tg.name} is in VPC ${tg.vpcId} and load balancer ${ctx.lb.logicalId ?? ctx.lb.name} in ${ctx.lb.vpcId}; they must be in the same VPC`, field);
  }
  const others = tg.loadBalancerArns.filter((a) => a !== ctx.lb.arn);
  if (others.length) {
    throw new CloudError(
      'TargetGroupAssociationLimit',
      `target group ${tg.logicalId ?? tg.name} is already used by load balancer ${cloud.find(others[0])?.logicalId ?? others[0]}; a target group serves one load balancer`,
      field,
    );
  }
}

/** Validates a list of actions and returns them in order; registers forward targets with the load balancer. */
export function checkActions(cloud: Cloud, specs: ActionSpec[] | undefined, ctx: ActionContext): Action[] {
  if (!specs || specs.length === 0) throw bad(`${ctx.field} needs one action (forward, redirect or fixed-response)`, ctx.field);
  const actions: Action[] = [];
  const terminal: number[] = [];
  specs.forEach((s, i) => {
    const f = at(ctx.field, i);
    const type = s.type;
    if (type === undefined || ![...TERMINAL, ...AUTH].includes(type)) {
      throw bad(`action type "${type ?? ''}" is not valid; it is one of ${[...TERMINAL, ...AUTH].join(', ')}`, at(f, 'Type'));
    }
    if (s.order !== undefined && (!Number.isInteger(s.order) || s.order < 1 || s.order > 50000)) throw bad(`Order ${s.order} is out of range 1-50000`, at(f, 'Order'));
    if (ctx.lb.type === 'network' && type !== 'forward') throw bad(`a network load balancer's listener only forwards; "${type}" is for application load balancers`, at(f, 'Type'));
    if (AUTH.includes(type)) {
      if (ctx.listenerProtocol !== 'HTTPS') throw bad(`${type} works on HTTPS listeners only, not ${ctx.listenerProtocol}`, at(f, 'Type'));
      actions.push({ type: type as AuthenticateAction['type'], order: s.order });
      return;
    }
    terminal.push(i);
    if (type === 'forward') {
      const list = s.forwardConfig?.targetGroups;
      if (s.targetGroupArn === undefined && !list?.length) throw bad('a forward action needs TargetGroupArn or ForwardConfig.TargetGroups', f);
      if (list && list.length > ELBV2_QUOTAS.targetGroupsPerAction) throw bad(`a forward action names at most ${ELBV2_QUOTAS.targetGroupsPerAction} target groups, not ${list.length}`, at(f, 'ForwardConfig', 'TargetGroups'));
      const groups: ForwardAction['targetGroups'] = [];
      if (s.targetGroupArn !== undefined) {
        checkTargetGroupUse(cloud, s.targetGroupArn, ctx, at(f, 'TargetGroupArn'));
        groups.push({ arn: s.targetGroupArn, weight: 1 });
      }
      (list ?? []).forEach((g, j) => {
        const gf = at(f, 'ForwardConfig', 'TargetGroups', j);
        if (g.targetGroupArn === undefined) throw bad('each of ForwardConfig.TargetGroups needs a TargetGroupArn', gf);
        if (g.weight !== undefined && (!Number.isInteger(g.weight) || g.weight < 0 || g.weight > 999)) throw bad(`Weight ${g.weight} is out of range 0-999`, at(gf, 'Weight'));
        if (s.targetGroupArn !== undefined && g.targetGroupArn !== s.targetGroupArn) {
          throw bad('TargetGroupArn and ForwardConfig name different target groups; give one, or the same group in both', at(f, 'TargetGroupArn'));
        }
        if (groups.some((x) => x.arn === g.targetGroupArn)) {
          if (s.targetGroupArn !== undefined) return;
          throw bad('ForwardConfig names the same target group twice', gf);
        }
        checkTargetGroupUse(cloud, g.targetGroupArn, ctx, at(gf, 'TargetGroupArn'));
        groups.push({ arn: g.targetGroupArn, weight: g.weight ?? 1 });
      });
      actions.push({ type: 'forward', targetGroups: groups, stickiness: s.forwardConfig?.stickiness, order: s.order });
    } else if (type === 'redirect') {
      const r = s.redirectConfig;
      if (!r) throw bad('a redirect action needs RedirectConfig', f);
      const rf = at(f, 'RedirectConfig');
      if (r.statusCode !== 'HTTP_301' && r.statusCode !== 'HTTP_302') throw bad(`RedirectConfig StatusCode is HTTP_301 or HTTP_302${r.statusCode ? `, not "${r.statusCode}"` : ''}`, at(rf, 'StatusCode'));
      const protocol = r.protocol ?? '#{protocol}';
      if (!['HTTP', 'HTTPS', '#{protocol}'].includes(protocol)) throw bad(`RedirectConfig Protocol is HTTP, HTTPS or #{protocol}, not "${protocol}"`, at(rf, 'Protocol'));
      const port = r.port ?? '#{port}';
      if (port !== '#{port}' && !(Number.isInteger(Number(port)) && Number(port) >= 1 && Number(port) <= 65535)) throw bad(`RedirectConfig Port "${port}" is a port from 1 to 65535 or #{port}`, at(rf, 'Port'));
      for (const [k, v] of [['Host', r.host], ['Path', r.path], ['Query', r.query]] as const) {
        if (v !== undefined && v.length > 128) throw bad(`RedirectConfig ${k} is at most 128 characters`, at(rf, k));
      }
      if (r.path !== undefined && !r.path.startsWith('/')) throw bad('RedirectConfig Path starts with /', at(rf, 'Path'));
      const redirect: RedirectAction = { type: 'redirect', statusCode: r.statusCode, protocol, port, host: r.host ?? '#{host}', path: r.path ?? '/#{path}', query: r.query ?? '#{query}' };
      if (redirect.protocol === '#{protocol}' && redirect.port === '#{port}' && redirect.host === '#{host}' && redirect.path === '/#{path}' && redirect.query === '#{query}') {
        throw new CloudError('InvalidLoadBalancerAction', 'The redirect configuration is not valid because it creates a loop: it sends a request to the very URL it came from; change at least one of Protocol, Port, Host, Path, Query', rf);
      }
      actions.push({ ...redirect, order: s.order });
    } else {
      const r = s.fixedResponseConfig;
      if (!r) throw bad('a fixed-response action needs FixedResponseConfig', f);
      const rf = at(f, 'FixedResponseConfig');
      if (!r.statusCode || !/^(2|4|5)\d\d$/.test(r.statusCode)) throw bad(`FixedResponseConfig StatusCode is a 2XX, 4XX or 5XX code${r.statusCode ? `, not "${r.statusCode}"` : ''}`, at(rf, 'StatusCode'));
      if (r.contentType !== undefined && !CONTENT_TYPES.includes(r.contentType)) throw bad(`FixedResponseConfig ContentType is one of ${CONTENT_TYPES.join(', ')}`, at(rf, 'ContentType'));
      if (r.messageBody !== undefined && r.messageBody.length > 1024) throw bad('FixedResponseConfig MessageBody is at most 1024 characters', at(rf, 'MessageBody'));
      actions.push({ type: 'fixed-response', statusCode: r.statusCode, contentType: r.contentType, messageBody: r.messageBody, order: s.order });
    }
  });
  if (terminal.length !== 1) {
    throw bad(terminal.length === 0 ? `${ctx.field} has no forward, redirect or fixed-response action` : `${ctx.field} has ${terminal.length} final actions (forward, redirect, fixed-response); a rule has exactly one`, at(ctx.field, terminal[1] ?? 0));
  }
  const ordered = actions.map((a, i) => ({ a, i, o: a.order ?? (TERMINAL.includes(a.type) ? 50001 : i) }));
  ordered.sort((x, y) => x.o - y.o || x.i - y.i);
  if (!TERMINAL.includes(ordered[ordered.length - 1].a.type)) throw bad('the forward, redirect or fixed-response action comes last (highest Order)', at(ctx.field, terminal[0], 'Order'));
  // Forwarding binds each target group to this load balancer (ELB-14: one load balancer per group).
  for (const a of actions) if (a.type === 'forward') for (const g of a.targetGroups) {
    const tg = targetGroup(cloud, g.arn);
    if (!tg.loadBalancerArns.includes(ctx.lb.arn)) tg.loadBalancerArns.push(ctx.lb.arn);
  }
  return ordered.map((x) => x.a);
}
