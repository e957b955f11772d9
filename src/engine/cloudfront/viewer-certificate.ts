import { ACM, certificateCovers } from '../acm/certificate.js';
import { parseArn } from '../arns.js';
import { CloudError } from '../errors.js';
import type { Note } from '../notes.js';
import type { Store } from '../store.js';
import { WAFV2 } from '../wafv2/web-acl.js';
import { oneOf, type Path, record } from './values.js';

/**
 * The certificate viewers see and the web ACL in front (CF-06, CF-07).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html
 */
export interface ViewerCertificate {
  source: 'cloudfront' | 'acm' | 'iam';
  /** The ACM certificate ARN or IAM server certificate id. */
  certificate?: string;
  /** Whether the certificate is one this submission makes (so its names are known). */
  inSubmission: boolean;
  sslSupportMethod?: 'sni-only' | 'vip' | 'static-ip';
  minimumProtocolVersion: string;
}


const PROTOCOL_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016', 'TLSv1.2_2018', 'TLSv1.2_2019', 'TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];
const NO_CERT =
  'The specified SSL certificate doesn\'t exist, isn\'t in us-east-1 region, isn\'t valid, or doesn\'t include a valid certificate chain';

export function readViewerCertificate(store: Store, raw: unknown, aliases: readonly string[], base: Path, notes: Note[]): ViewerCertificate {
  const at: Path = [...base, 'ViewerCertificate'];
  const v = record(raw);
  const given = ['CloudFrontDefaultCertificate', 'AcmCertificateArn', 'IamCertificateId'].filter((k) => v[k] !== undefined && v[k] !== false && v[k] !== 'false');
  if (given.length > 1) throw new CloudError('InvalidViewerCertificate', `ViewerCertificate gives ${given.join(' and ')}; give exactly one`, [...at, given[1]]);
  const source = given[0] === 'AcmCertificateArn' ? 'acm' : given[0] === 'IamCertificateId' ? 'iam' : 'cloudfront';
  if (source === 'cloudfront') {
    if (aliases.length) {
      throw new CloudError(
        'InvalidViewerCertificate',
        `the alternate domain names ${aliases.join(', ')} need a trusted certificate that covers them; the CloudFront default certificate covers only *.cloudfront.net (set ViewerCertificate.AcmCertificateArn to a certificate in us-east-1)`,
        raw === undefined ? [...base, 'Aliases'] : at,
      );
    }
    return { source, inSubmission: false, minimumProtocolVersion: 'TLSv1' };
  }
  const sslSupportMethod = oneOf(v.SslSupportMethod, ['sni-only', 'vip', 'static-ip'] as const, undefined, [...at, 'SslSupportMethod']);
  const minimumProtocolVersion = oneOf(v.MinimumProtocolVersion, PROTOCOL_VERSIONS, 'TLSv1', [...at, 'MinimumProtocolVersion'], 'InvalidMinimumProtocolVersion');
  const certificate = String(v[given[0]]);
  if (source === 'iam') return { source, certificate, inSubmission: false, sslSupportMethod, minimumProtocolVersion };
  const arn = parseArn(certificate);
  if (!arn || arn.service !== 'acm' || !arn.resource.startsWith('certificate/')) {
    throw new CloudError('InvalidViewerCertificate', `AcmCertificateArn "${certificate}" is not an ACM certificate ARN (arn:aws:acm:us-east-1:<account>:certificate/<id>)`, [...at, 'AcmCertificateArn']);
  }
  if (arn.region !== 'us-east-1') {
    throw new CloudError('InvalidViewerCertificate', `${NO_CERT}: the certificate is in ${arn.region}; CloudFront uses only ACM certificates requested or imported in us-east-1`, [...at, 'AcmCertificateArn']);
  }
  const cert = store.table(ACM.certificate).get(certificate);
  if (cert) {
    const uncovered = aliases.filter((a) => !certificateCovers(cert, a));
    if (uncovered.length) {
      throw new CloudError(
        'InvalidViewerCertificate',
        `the certificate ${cert.logicalId ?? cert.arn} (${cert.subjectAlternativeNames.join(', ')}) does not cover ${uncovered.join(', ')}; every alternate domain name must match one of its names (*.example.com covers one label only)`,
        [...at, 'AcmCertificateArn'],
      );
    }
  } else if (aliases.length) {
    notes.push({ code: 'CertificateOutsideSubmission', message: `the certificate ${certificate} is not made by this submission, so whether it covers ${aliases.join(', ')} is not checked`, field: [...at, 'AcmCertificateArn'] });
  }
  return { source, certificate, inSubmission: cert !== undefined, sslSupportMethod, minimumProtocolVersion };
}

export interface WebAclLink {
  id: string;
  /** The web ACL of this submission it names, when there is one. */
  webAcl?: string;
  classic: boolean;
}

/** WebACLId: a WAFv2 web ACL ARN of scope CLOUDFRONT (global, us-east-1), or a WAF Classic id. */
export function readWebAcl(store: Store, raw: unknown, base: Path, notes: Note[]): WebAclLink | undefined {
  if (raw === undefined || raw === '') return undefined;
  const at: Path = [...base, 'WebACLId'];
  const id = String(raw);
  const arn = parseArn(id);
  if (!arn) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new CloudError('InvalidWebACLId', `WebACLId "${id}" is neither a WAFv2 web ACL ARN nor a WAF Classic web ACL id`, at);
    return { id, classic: true };
  }
  if (arn.service !== 'wafv2' || !arn.resource.startsWith('global/webacl/') || arn.region !== 'us-east-1') {
    throw new CloudError('InvalidWebACLId', `WebACLId ${id} is not a web ACL CloudFront can use: it must have scope CLOUDFRONT (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>)`, at);
  }
  const acl = store.table(WAFV2.webAcl).get(id);
  if (!acl) notes.push({ code: 'WebAclOutsideSubmission', message: `the web ACL ${id} is not made by this submission; it is taken to exist`, field: at });
  return { id, ...(acl ? { webAcl: acl.arn } : {}), classic: false };
}
