import { formatArn, uuidFor } from '../arns.js';
import { CloudError } from '../errors.js';
import { kind, named, type Named, type Origin, type Store } from '../store.js';

/**
 * AWS Certificate Manager, as far as the other services need it: a certificate is in a region
 * and covers names (its DomainName and SubjectAlternativeNames). CloudFront uses only
 * certificates in us-east-1; a load balancer listener uses one of its own region. Issuance and
 * validation are not modelled: a requested certificate is taken as issued.
 * https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html
 */
export interface Certificate extends Named {
  readonly arn: string;
  readonly domainName: string;
  readonly subjectAlternativeNames: string[];
}

export const ACM = {
  certificate: kind<Certificate>({ noun: 'the certificate', notFound: 'ResourceNotFoundException', field: 'CertificateArn' }),
} as const;

export interface CertificateSpec {
  domainName: string;
  subjectAlternativeNames?: string[];
}

// RequestCertificate: DomainName 1-253 characters, labels of letters, digits and hyphens, an optional leading "*.".
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export function requestCertificate(store: Store, region: string, spec: CertificateSpec, origin?: Origin): Certificate {
  const check = (name: string, field: string | (string | number)[]): string => {
    if (name.length > 253 || !DOMAIN.test(name)) {
      throw new CloudError('ValidationException', `"${name}" is not a domain name a certificate can cover (for example www.example.com or *.example.com)`, field);
    }
    return name.toLowerCase();
  };
  const domainName = check(spec.domainName, 'DomainName');
  const sans = (spec.subjectAlternativeNames ?? []).map((n, i) => check(n, ['SubjectAlternativeNames', i]));
  const id = uuidFor(store, 'acm', region, origin, 'certificate');
  const arn = formatArn('acm', region, `certificate/${id}`);
  const c: Certificate = { ...named(arn, region, origin), arn, domainName, subjectAlternativeNames: [...new Set([domainName, ...sans])] };
  store.table(ACM.certificate).set(arn, c);
  return c;
}

/**
 * Whether a certificate name covers a host name: equal, or a wildcard `*.example.com` that
 * covers exactly one label in its place (www.example.com, not example.com nor a.b.example.com).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
export function nameCovers(certName: string, host: string): boolean {
  const c = certName.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, '');
  if (c === h) return true;
  if (!c.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === c.slice(2) && !h.slice(0, dot).includes('*');
}

/** Whether the certificate covers the host name (any of its names does). */
export function certificateCovers(c: Certificate, host: string): boolean {
  return c.subjectAlternativeNames.some((n) => nameCovers(n, host));
}
