import { dnsTargetKind } from '../dns-targets.js';
import { kind } from '../store.js';
import type { Distribution } from './distribution.js';

/** CloudFront's kinds: distributions answer at their `dxxxxxxxxxxxxx.cloudfront.net` name. */
export const CLOUDFRONT = {
  distribution: dnsTargetKind(kind<Distribution>({ noun: 'the distribution', notFound: 'NoSuchDistribution', field: 'Id' })),
} as const;

/**
 * The hosted zone id every CloudFront distribution has for Route 53 alias records.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-route53-aliastarget.html
 */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/**
 * CloudFront's default quotas per distribution (CF-01).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
export const CLOUDFRONT_QUOTAS = {
  originsPerDistribution: 25,
  originGroupsPerDistribution: 10,
  cacheBehaviorsPerDistribution: 25,
  aliasesPerDistribution: 100,
} as const;
