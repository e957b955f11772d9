import { createRng } from '../random.js';
import { CloudError } from '../errors.js';

/** DNS names as Route 53 compares them: lower case, without the trailing dot. */
export function fqdn(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** The name with the trailing dot Route 53 prints in its messages. */
export function dotted(name: string): string {
  return `${fqdn(name)}.`;
}

/** True when `name` is the zone's apex or a name below it. */
export function inZone(name: string, zone: string): boolean {
  const n = fqdn(name);
  const z = fqdn(zone);
  return n === z || n.endsWith(`.${z}`);
}

/** A domain name: labels of 1-63 characters, 255 in all; `*` is allowed as the first label. */
export function checkDomainName(name: string, field: string, code = 'InvalidDomainName'): string {
  const n = fqdn(name);
  const labels = n.split('.');
  const ok = n.length > 0 && n.length <= 253 && labels.every((l, i) => (l === '*' && i === 0) || /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l));
  if (!ok) throw new CloudError(code, `"${name}" is not a valid domain name: labels of letters, digits, hyphens and underscores, up to 63 characters each`, field);
  return n;
}

const UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';

function draw(seed: string, alphabet: string, length: number): string {
  const rng = createRng(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng.next() * alphabet.length)];
  return out;
}

/** A hosted zone id as AWS forms new ones: `Z0` and 19 upper-case letters and digits. */
export function hostedZoneId(seed: string, name: string): string {
  return `Z0${draw(`${seed}/zone/${name}`, UPPER, 19)}`;
}

/** The four name servers of a public zone (`ns-1234.awsdns-12.org` …), one per top-level domain, as AWS assigns them. */
export function nameServers(seed: string, name: string): string[] {
  const rng = createRng(`${seed}/ns/${name}`);
  return ['com', 'net', 'org', 'co.uk'].map((tld, i) => {
    const n = i * 512 + Math.floor(rng.next() * 512);
    return `ns-${n}.awsdns-${String(Math.floor(rng.next() * 64)).padStart(2, '0')}.${tld}`;
  });
}

/** A health check id: a UUID. */
export function healthCheckId(seed: string, name: string): string {
  const h = draw(`${seed}/health-check/${name}`, HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
