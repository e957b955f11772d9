import { createRng } from '../random.js';
import { CloudError } from '../errors.js';

/**
 * RDS names: identifiers (CreateDBInstance DBInstanceIdentifier: 1-63 letters, digits or
 * hyphens, first a letter, no trailing or double hyphen, stored lower case), the names
 * CloudFormation makes when a template gives none, endpoints and ARNs.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */

export function checkIdentifier(value: string, field: string, what: string, max = 63): string {
  const ok = value.length >= 1 && value.length <= max && /^[A-Za-z][A-Za-z0-9-]*$/.test(value) && !value.endsWith('-') && !value.includes('--');
  if (!ok) {
    throw new CloudError(
      'InvalidParameterValue',
      `"${value}" is not a valid ${what}: use 1 to ${max} letters, digits or hyphens, starting with a letter, with no hyphen at the end and no two hyphens in a row`,
      field,
    );
  }
  return value.toLowerCase();
}

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

function draw(seed: string, length: number, first?: string): string {
  const rng = createRng(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += i === 0 && first ? first : ALNUM[Math.floor(rng.next() * ALNUM.length)];
  return out;
}

/**
 * The name CloudFormation gives a resource whose template names none: the logical id, lower
 * case, and a 13-character suffix (AWS: `mystack-mydb-1apw1j4phylrk`; the stack name is left
 * out here). Deterministic: same seed, region and logical id, same name.
 */
export function generatedName(seed: string, region: string, logicalId: string): string {
  const base = logicalId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'db';
  return `${/^[a-z]/.test(base) ? base : `db-${base}`}-${draw(`${seed}/rds-name/${region}/${logicalId}`, 13)}`;
}

/**
 * The middle label of every endpoint of one account in one region (AWS's example:
 * `cg034hpkmmjt`); believed fixed per account and region (RDS-07, UNCONFIRMED), so here one
 * per seed and region.
 */
export function endpointLabel(seed: string, region: string): string {
  return draw(`${seed}/rds-endpoint/${region}`, 12, 'c');
}

export function endpointAddress(seed: string, region: string, identifier: string): string {
  return `${identifier}.${endpointLabel(seed, region)}.${region}.rds.amazonaws.com`;
}

export const ACCOUNT_ID = '123456789012';

export function dbArn(region: string, identifier: string): string {
  return `arn:aws:rds:${region}:${ACCOUNT_ID}:db:${identifier}`;
}

/** `arn:aws:rds:<region>:<account>:db:<identifier>` → its parts, or undefined when it is not a DB instance ARN. */
export function parseDbArn(text: string): { region: string; account: string; identifier: string } | undefined {
  const m = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):db:([A-Za-z0-9-]+)$/.exec(text.trim());
  return m ? { region: m[1], account: m[2], identifier: m[3].toLowerCase() } : undefined;
}

/** DbiResourceId: `db-` and 26 upper-case letters and digits. */
export function resourceId(seed: string, region: string, identifier: string): string {
  return `db-${draw(`${seed}/dbi/${region}/${identifier}`, 26).toUpperCase()}`;
}
