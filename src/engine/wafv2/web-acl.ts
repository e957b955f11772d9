import { formatArn, uuidFor } from '../arns.js';
import { CloudError } from '../errors.js';
import { kind, named, type Named, type Origin, type Store } from '../store.js';

/**
 * AWS WAF (v2) web ACLs, as a named resource CloudFront and load balancers are associated
 * with. The rules are kept as given and not evaluated (requests are not modelled). A web ACL
 * for CloudFront has scope CLOUDFRONT and lives in us-east-1; elsewhere AWS answers
 * WAFInvalidParameterException "The scope is not valid" (CF-07).
 * https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html
 */
export interface WebAcl extends Named {
  readonly name: string;
  readonly webAclId: string;
  readonly scope: 'CLOUDFRONT' | 'REGIONAL';
  readonly arn: string;
  readonly defaultAction: 'Allow' | 'Block';
  readonly ruleCount: number;
}

export const WAFV2 = {
  webAcl: kind<WebAcl>({ noun: 'the web ACL', notFound: 'WAFNonexistentItemException', field: 'WebACLArn' }),
} as const;

export interface WebAclSpec {
  name?: string;
  scope: string;
  /** The DefaultAction object: `{ Allow: {} }` or `{ Block: {} }`. */
  defaultAction: Record<string, unknown>;
  ruleCount?: number;
}

const NAME = /^[\w-]{1,128}$/;

export function createWebAcl(store: Store, region: string, spec: WebAclSpec, origin?: Origin): WebAcl {
  if (spec.scope !== 'CLOUDFRONT' && spec.scope !== 'REGIONAL') {
    throw new CloudError('WAFInvalidParameterException', `Scope must be CLOUDFRONT or REGIONAL, not "${spec.scope}"`, 'Scope');
  }
  if (spec.scope === 'CLOUDFRONT' && region !== 'us-east-1') {
    throw new CloudError('WAFInvalidParameterException', `The scope is not valid: a web ACL with scope CLOUDFRONT is created in us-east-1, not ${region}`, 'Scope');
  }
  const actions = Object.keys(spec.defaultAction ?? {});
  if (actions.length !== 1 || (actions[0] !== 'Allow' && actions[0] !== 'Block')) {
    throw new CloudError('WAFInvalidParameterException', 'DefaultAction must hold exactly one of Allow or Block', 'DefaultAction');
  }
  const name = spec.name ?? origin?.logicalId ?? 'WebACL';
  if (!NAME.test(name)) throw new CloudError('WAFInvalidParameterException', `Name "${name}" must be 1-128 letters, digits, hyphens or underscores`, 'Name');
  for (const other of store.table(WAFV2.webAcl).values()) {
    if (other.name === name && other.scope === spec.scope && other.region === region) {
      throw new CloudError('WAFDuplicateItemException', `a web ACL named ${name} with scope ${spec.scope} already exists in ${region}`, 'Name');
    }
  }
  const webAclId = uuidFor(store, 'waf', region, origin, 'webacl');
  const arn = formatArn('wafv2', region, `${spec.scope === 'CLOUDFRONT' ? 'global' : 'regional'}/webacl/${name}/${webAclId}`);
  const acl: WebAcl = { ...named(arn, region, origin), name, webAclId, scope: spec.scope, arn, defaultAction: actions[0], ruleCount: spec.ruleCount ?? 0 };
  store.table(WAFV2.webAcl).set(arn, acl);
  return acl;
}
