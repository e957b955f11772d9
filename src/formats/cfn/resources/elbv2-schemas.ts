import type { ActionSpec } from '../../../engine/elbv2/actions.js';
import type { ConditionSpec } from '../../../engine/elbv2/listener.js';
import { B, I, JSON_VALUE, S, list, obj } from '../schema.js';

/**
 * Property shapes the ELBv2 listener, rule and load balancer types share, and the reading of
 * actions and conditions into the engine's specs. CFN reference: "AWS::ElasticLoadBalancingV2::Listener
 * Action", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-elasticloadbalancingv2-listener-action.html
 */

export const keyValues = list(obj({ Key: S, Value: S }));

export const action = obj(
  {
    AuthenticateCognitoConfig: JSON_VALUE,
    AuthenticateOidcConfig: JSON_VALUE,
    FixedResponseConfig: obj({ ContentType: S, MessageBody: S, StatusCode: S }, { required: ['StatusCode'] }),
    ForwardConfig: obj({
      TargetGroups: list(obj({ TargetGroupArn: S, Weight: I })),
      TargetGroupStickinessConfig: obj({ DurationSeconds: I, Enabled: B }),
    }),
    Order: I,
    RedirectConfig: obj({ Host: S, Path: S, Port: S, Protocol: S, Query: S, StatusCode: S }, { required: ['StatusCode'] }),
    TargetGroupArn: S,
    Type: S,
  },
  { required: ['Type'] },
);

const values = obj({ Values: list(S) });

export const condition = obj({
  Field: S,
  HostHeaderConfig: values,
  HttpHeaderConfig: obj({ HttpHeaderName: S, Values: list(S) }),
  HttpRequestMethodConfig: values,
  PathPatternConfig: values,
  QueryStringConfig: obj({ Values: list(obj({ Key: S, Value: S })) }),
  RegexValues: list(S),
  SourceIpConfig: values,
  Values: list(S),
});

export const certificates = list(obj({ CertificateArn: S }));

type Props = Record<string, unknown>;
const rec = (v: unknown): Props | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Props) : undefined);
const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const num = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number(v));
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function actionSpecs(v: unknown): ActionSpec[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((raw) => {
    const a = rec(raw) ?? {};
    const fwd = rec(a.ForwardConfig);
    const red = rec(a.RedirectConfig);
    const fix = rec(a.FixedResponseConfig);
    return {
      type: text(a.Type),
      order: num(a.Order),
      targetGroupArn: text(a.TargetGroupArn),
      forwardConfig: fwd && {
        targetGroups: items(fwd.TargetGroups).map((g) => ({ targetGroupArn: text(rec(g)?.TargetGroupArn), weight: num(rec(g)?.Weight) })),
        stickiness: rec(fwd.TargetGroupStickinessConfig)?.Enabled === true,
      },
      redirectConfig: red && { statusCode: text(red.StatusCode), protocol: text(red.Protocol), port: text(red.Port), host: text(red.Host), path: text(red.Path), query: text(red.Query) },
      fixedResponseConfig: fix && { statusCode: text(fix.StatusCode), contentType: text(fix.ContentType), messageBody: text(fix.MessageBody) },
    };
  });
}

const CONFIG_OF: Record<string, string> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-header': 'HttpHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
};

export function conditionSpecs(v: unknown): ConditionSpec[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((raw) => {
    const c = rec(raw) ?? {};
    const field = text(c.Field);
    const config = field ? rec(c[CONFIG_OF[field] ?? '']) : undefined;
    const configValues = items(config?.Values).map((x) => (rec(x) ? `${text(rec(x)!.Key) ?? ''}=${text(rec(x)!.Value) ?? ''}` : String(x)));
    return {
      field,
      values: items(c.Values).map(String),
      configValues,
      httpHeaderName: text(rec(c.HttpHeaderConfig)?.HttpHeaderName),
    };
  });
}

export function certificateArns(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((c) => text(rec(c)?.CertificateArn) ?? '');
}

export function keyValueMap(v: unknown): Record<string, string> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const kv of v) if (rec(kv)?.Key !== undefined) out[String(rec(kv)!.Key)] = text(rec(kv)!.Value) ?? '';
  return out;
}
