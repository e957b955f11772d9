import { requestCertificate } from '../../../engine/acm/certificate.js';
import { JSON_VALUE, S, TAGS, list, obj } from '../schema.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::CertificateManager::Certificate → RequestCertificate, taken as issued.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-certificatemanager-certificate.html
 * Ref is the certificate ARN; the type has no Fn::GetAtt attributes.
 */
export const certificate: ResourceType = {
  schema: schema(
    {
      CertificateAuthorityArn: S,
      CertificateExport: S,
      CertificateTransparencyLoggingPreference: S,
      DomainName: S,
      DomainValidationOptions: list(obj({ DomainName: S, HostedZoneId: S, ValidationDomain: S }, { required: ['DomainName'] })),
      KeyAlgorithm: S,
      SubjectAlternativeNames: list(S),
      Tags: TAGS,
      ValidationMethod: S,
      Options: JSON_VALUE,
    },
    { required: ['DomainName'] },
  ),
  attributes: [],
  create({ cloud, region }, r) {
    const p = r.properties;
    const c = requestCertificate(cloud, region, { domainName: str(p, 'DomainName') ?? '', subjectAlternativeNames: strList(p, 'SubjectAlternativeNames') }, originOf(r));
    return { ref: c.arn, attributes: {} };
  },
};
