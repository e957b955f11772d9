import { createDistribution } from '../../../engine/cloudfront/distribution.js';
import { B, I, JSON_VALUE, S, TAGS, list, obj } from '../schema.js';
import { originOf } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::CloudFront::Distribution → CreateDistribution.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-distribution.html
 * Ref is the distribution id (E…); Fn::GetAtt gives DomainName (d….cloudfront.net) and Id.
 */
const customOriginConfig = obj(
  {
    HTTPPort: I,
    HTTPSPort: I,
    IpAddressType: S,
    OriginKeepaliveTimeout: I,
    OriginMtlsConfig: JSON_VALUE,
    OriginProtocolPolicy: S,
    OriginReadTimeout: I,
    OriginSSLProtocols: list(S),
  },
  { required: ['OriginProtocolPolicy'] },
);

const origin = obj(
  {
    ConnectionAttempts: I,
    ConnectionTimeout: I,
    CustomOriginConfig: customOriginConfig,
    DomainName: S,
    Id: S,
    OriginAccessControlId: S,
    OriginCustomHeaders: list(obj({ HeaderName: S, HeaderValue: S }, { required: ['HeaderName', 'HeaderValue'] })),
    OriginPath: S,
    OriginShield: obj({ Enabled: B, OriginShieldRegion: S }),
    ResponseCompletionTimeout: I,
    S3OriginConfig: obj({ OriginAccessIdentity: S, OriginReadTimeout: I }),
    VpcOriginConfig: JSON_VALUE,
  },
  { required: ['DomainName', 'Id'] },
);

const quantityItems = (of: ReturnType<typeof obj> | typeof I) => obj({ Quantity: I, Items: list(of) }, { required: ['Items'] });

const originGroups = obj(
  {
    Quantity: I,
    Items: list(
      obj(
        {
          Id: S,
          FailoverCriteria: obj({ StatusCodes: quantityItems(I) }, { required: ['StatusCodes'] }),
          Members: quantityItems(obj({ OriginId: S }, { required: ['OriginId'] })),
          SelectionCriteria: S,
        },
        { required: ['Id', 'FailoverCriteria', 'Members'] },
      ),
    ),
  },
  { required: ['Quantity'] },
);

const behaviorProps = {
  AllowedMethods: list(S),
  CachePolicyId: S,
  CachedMethods: list(S),
  Compress: B,
  DefaultTTL: I,
  FieldLevelEncryptionId: S,
  ForwardedValues: JSON_VALUE,
  FunctionAssociations: JSON_VALUE,
  GrpcConfig: JSON_VALUE,
  LambdaFunctionAssociations: JSON_VALUE,
  MaxTTL: I,
  MinTTL: I,
  OriginRequestPolicyId: S,
  RealtimeLogConfigArn: S,
  ResponseHeadersPolicyId: S,
  SmoothStreaming: B,
  TargetOriginId: S,
  TrustedKeyGroups: list(S),
  TrustedSigners: list(S),
  ViewerProtocolPolicy: S,
};

const distributionConfig = obj(
  {
    Aliases: list(S),
    AnycastIpListId: S,
    CNAMEs: list(S),
    CacheBehaviors: list(obj({ ...behaviorProps, PathPattern: S }, { required: ['PathPattern', 'TargetOriginId', 'ViewerProtocolPolicy'] })),
    Comment: S,
    ConnectionMode: S,
    ContinuousDeploymentPolicyId: S,
    CustomErrorResponses: JSON_VALUE,
    CustomOrigin: JSON_VALUE,
    DefaultCacheBehavior: obj(behaviorProps, { required: ['TargetOriginId', 'ViewerProtocolPolicy'] }),
    DefaultRootObject: S,
    Enabled: B,
    HttpVersion: S,
    IPV6Enabled: B,
    Logging: JSON_VALUE,
    OriginGroups: originGroups,
    Origins: list(origin),
    PriceClass: S,
    Restrictions: JSON_VALUE,
    S3Origin: JSON_VALUE,
    Staging: B,
    TenantConfig: JSON_VALUE,
    ViewerCertificate: obj({ AcmCertificateArn: S, CloudFrontDefaultCertificate: B, IamCertificateId: S, MinimumProtocolVersion: S, SslSupportMethod: S }),
    WebACLId: S,
  },
  { required: ['DefaultCacheBehavior', 'Enabled'] },
);

export const distribution: ResourceType = {
  schema: schema({ DistributionConfig: distributionConfig, Tags: TAGS }, { required: ['DistributionConfig'], readOnly: ['DomainName', 'Id'] }),
  attributes: ['DomainName', 'Id'],
  create({ cloud, region, warn }, r) {
    const { distribution: d, notes } = createDistribution(cloud, region, r.properties.DistributionConfig as Record<string, unknown>, originOf(r));
    for (const n of notes) warn({ logicalId: r.logicalId, code: n.code, message: n.message, path: n.field });
    return { ref: d.id, attributes: { DomainName: d.dnsName, Id: d.id } };
  },
};
