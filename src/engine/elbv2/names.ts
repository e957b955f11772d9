import { CloudError } from '../errors.js';
import type { Field, Origin, Store } from '../store.js';

/**
 * How ELBv2 names things (ELB-07, ELB-14): ARNs, the 16-hex resource id, names of at most 32
 * alphanumerics and hyphens, the load balancer's DNS name and the canonical hosted zone of
 * its region. All deterministic: drawn from the store's seed and the resource's logical id.
 */

/** The account the virtual cloud runs in (the loader's AWS::AccountId). */
export const ACCOUNT_ID = '123456789012';

/** A 16-hex id as ELBv2 puts at the end of ARNs (`50dc6c495c0c9188`). */
export function hexId(store: Store, prefix: string, region: string, origin: Origin | undefined, kindName: string): string {
  const name = origin?.logicalId ? `${region}/${origin.logicalId}` : `${region}/${kindName}/${store.nextAnonymous()}`;
  return store.ids.make(prefix, name, 16).slice(prefix.length + 1);
}

export function elbArn(region: string, resource: string): string {
  return `arn:aws:elasticloadbalancing:${region}:${ACCOUNT_ID}:${resource}`;
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;

/** A load balancer or target group name: at most 32 alphanumerics and hyphens, no hyphen at either end. */
export function checkName(name: string, what: string, field: Field): void {
  if (!NAME.test(name)) {
    throw new CloudError(
      'ValidationError',
      `${what} name "${name}" is not valid: at most 32 characters, only letters, digits and hyphens, and no hyphen at the start or end`,
      field,
    );
  }
}

/**
 * The name CloudFormation makes when a template gives none: the logical id cut to fit, a hyphen
 * and a deterministic suffix, at most 32 characters (AWS draws the suffix at random).
 */
export function generatedName(store: Store, region: string, logicalId: string | undefined, prefix: string): string {
  const base = (logicalId ?? prefix).replace(/[^A-Za-z0-9]/g, '').slice(0, 18) || prefix;
  const suffix = store.ids.make(`${prefix}name`, `${region}/${logicalId ?? store.nextAnonymous()}`, 12).slice(prefix.length + 5).toUpperCase();
  return `${base}-${suffix}`;
}

/**
 * Route 53 hosted zone of the load balancers of each region, from "Elastic Load Balancing
 * endpoints and quotas", https://docs.aws.amazon.com/general/latest/gr/elb.html#elb_region
 * (application and classic; network).
 */
const HOSTED_ZONES: Readonly<Record<string, readonly [string, string]>> = {
  'af-south-1': ['Z268VQBMOI5EKX', 'Z203XCE67M25HM'],
  'ap-east-1': ['Z3DQVH9N71FHZ0', 'Z12Y7K3UBGUAD1'],
  'ap-northeast-1': ['Z14GRHDCWA56QT', 'Z31USIVHYNEOWT'],
  'ap-northeast-2': ['ZWKZPGTI48KDX', 'ZIBE1TIR4HY56'],
  'ap-northeast-3': ['Z5LXEXXYW11ES', 'Z1GWIQ4HH19I5X'],
  'ap-south-1': ['ZP97RAFLXTNZK', 'ZVDDRBQ08TROA'],
  'ap-south-2': ['Z0173938T07WNTVAEPZN', 'Z0711778386UTO08407HT'],
  'ap-southeast-1': ['Z1LMS91P8CMLE5', 'ZKVM4W9LS7TM'],
  'ap-southeast-2': ['Z1GM3OXH4ZPM65', 'ZCT6FZBF4DROD'],
  'ap-southeast-3': ['Z08888821HLRG5A9ZRTER', 'Z01971771FYVNCOVWJU1G'],
  'ca-central-1': ['ZQSVJUPU6J1EY', 'Z2EPGBW3API2WT'],
  'eu-central-1': ['Z215JYRZR1TBD5', 'Z3F0SRJ5LGBH90'],
  'eu-central-2': ['Z06391101F2ZOEP8P5EB3', 'Z02239872DOALSIDCX66S'],
  'eu-north-1': ['Z23TAZ6LKFMNIO', 'Z1UDT6IFJ4EJM'],
  'eu-south-1': ['Z3ULH7SSC9OV64', 'Z23146JA1KNAFP'],
  'eu-south-2': ['Z0956581394HF5D5LXGAP', 'Z1011216NVTVYADP1SSV'],
  'eu-west-1': ['Z32O12XQLNTSW2', 'Z2IFOLAFXWLO4F'],
  'eu-west-2': ['ZHURV8PSTC4K8', 'ZD4D7Y8KGAS4G'],
  'eu-west-3': ['Z3Q77PNBQS71R4', 'Z1CMS0P5QUZ6D5'],
  'me-central-1': ['Z08230872XQRWHG2XF6I', 'Z00282643NTTLPANJJG2P'],
  'me-south-1': ['ZS929ML54UICD', 'Z3QSRYVP46NYYV'],
  'sa-east-1': ['Z2P70J7HTTTPLU', 'ZTK26PT1VY4CU'],
  'us-east-1': ['Z35SXDOTRQ7X7K', 'Z26RNL4JYFTOTI'],
  'us-east-2': ['Z3AADJGX6KTTL2', 'ZLMOA37VPKANP'],
  'us-west-1': ['Z368ELLRRE2KJ0', 'Z24FKFUX50B4VW'],
  'us-west-2': ['Z1H1FL5HABSF5', 'Z18D5FSROUN65G'],
};

/** CanonicalHostedZoneID: the hosted zone an alias record names for a load balancer of that type and region ('' where the table has none). */
export function canonicalHostedZoneId(region: string, type: 'application' | 'network'): string {
  const z = HOSTED_ZONES[region];
  return z ? z[type === 'application' ? 0 : 1] : '';
}

/**
 * ELB-07: `name-123456789.region.elb.amazonaws.com` for an application load balancer,
 * `name-0123456789abcdef.elb.region.amazonaws.com` for a network one, `internal-` in front
 * for the internal scheme. The number comes from the load balancer's id, so it is stable.
 */
export function loadBalancerDnsName(name: string, hex: string, region: string, type: 'application' | 'network', internal: boolean): string {
  const prefix = internal ? 'internal-' : '';
  const host = type === 'application' ? `${name}-${parseInt(hex.slice(0, 8), 16) % 2_000_000_000 + 100_000_000}.${region}.elb.amazonaws.com` : `${name}-${hex}.elb.${region}.amazonaws.com`;
  return `${prefix}${host}`.toLowerCase();
}
