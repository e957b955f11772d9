import { parseArn, uuidFor } from '../arns.js';
import { CloudError } from '../errors.js';
import type { Note } from '../notes.js';
import { named, type Named, type Origin, type Store } from '../store.js';
import { BACKUP, INVALID } from './kinds.js';
import { PROTECTABLE } from './protectable.js';

/**
 * A backup selection (CreateBackupSelection, BAK-01): which resources a plan backs up, by ARN
 * (`*` wildcards allowed), by tag (ListOfTags: any one matches) and by Conditions (all must
 * hold), less NotResources. With none of Resources, ListOfTags and Conditions, AWS selects
 * every supported resource. `coveredResources` says which of the submission's resources that is.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html
 */
export interface TagCondition {
  operator: 'StringEquals' | 'StringNotEquals' | 'StringLike' | 'StringNotLike';
  key: string;
  value: string;
}

export interface BackupSelection extends Named {
  readonly name: string;
  readonly selectionId: string;
  readonly planId: string;
  readonly iamRoleArn: string;
  resources: string[];
  notResources: string[];
  listOfTags: TagCondition[];
  conditions: TagCondition[];
}

type Path = (string | number)[];
const BASE: Path = ['BackupSelection'];
const OPERATORS = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike'] as const;

function strings(v: unknown, field: Path): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new CloudError(INVALID, `${String(field[field.length - 1])} must be a list of ARNs`, field);
  return v.map((x, i) => {
    if (typeof x !== 'string' || x === '') throw new CloudError(INVALID, 'each entry must be an ARN (or *)', [...field, i]);
    return x;
  });
}

function condition(raw: unknown, operator: TagCondition['operator'], field: Path): TagCondition {
  const c = (raw ?? {}) as Record<string, unknown>;
  if (typeof c.ConditionKey !== 'string' || c.ConditionKey === '' || c.ConditionValue === undefined) {
    throw new CloudError(INVALID, 'a tag condition needs ConditionKey and ConditionValue', field);
  }
  return { operator, key: c.ConditionKey.replace(/^aws:ResourceTag\//, ''), value: String(c.ConditionValue) };
}

export function createBackupSelection(store: Store, region: string, planId: string, spec: Record<string, unknown>, origin?: Origin): { selection: BackupSelection; notes: Note[] } {
  const notes: Note[] = [];
  const plans = store.table(BACKUP.plan);
  if (!plans.has(planId)) {
    const byArn = [...plans.values()].find((p) => p.arn === planId);
    if (byArn) throw new CloudError(INVALID, `BackupPlanId is the plan's ARN; give its id ${byArn.planId}`, 'BackupPlanId');
    notes.push({ code: 'PlanOutsideSubmission', message: `the backup plan ${planId} is not made by this submission; it is taken to exist`, field: ['BackupPlanId'] });
  }
  const name = String(spec.SelectionName ?? '');
  if (!/^[a-zA-Z0-9\-_.]{1,50}$/.test(name)) throw new CloudError(INVALID, `SelectionName "${name}" must be 1 to 50 letters, digits, or - _ .`, [...BASE, 'SelectionName']);
  const role = String(spec.IamRoleArn ?? '');
  const arn = parseArn(role);
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/')) {
    throw new CloudError(INVALID, `IamRoleArn "${role}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>), the role AWS Backup takes to back up the resources`, [...BASE, 'IamRoleArn']);
  }
  const listOfTags = (Array.isArray(spec.ListOfTags) ? spec.ListOfTags : []).map((t, i) => {
    const type = (t as Record<string, unknown>)?.ConditionType;
    if (type !== 'STRINGEQUALS') throw new CloudError(INVALID, `ConditionType must be STRINGEQUALS (ListOfTags supports only that), not ${JSON.stringify(type ?? null)}`, [...BASE, 'ListOfTags', i, 'ConditionType']);
    return condition(t, 'StringEquals', [...BASE, 'ListOfTags', i]);
  });
  const conditions: TagCondition[] = [];
  const cond = (spec.Conditions ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(cond)) {
    const op = OPERATORS.find((o) => o === key);
    if (!op) throw new CloudError(INVALID, `Conditions has ${key}; the operators are ${OPERATORS.join(', ')}`, [...BASE, 'Conditions', key]);
    const list = Array.isArray(cond[key]) ? (cond[key] as unknown[]) : [cond[key]];
    list.forEach((c, i) => conditions.push(condition(c, op, [...BASE, 'Conditions', key, i])));
  }
  const selectionId = uuidFor(store, 'bks', region, origin, 'backup-selection');
  const s: BackupSelection = {
    ...named(selectionId, region, origin),
    name,
    selectionId,
    planId,
    iamRoleArn: role,
    resources: strings(spec.Resources, [...BASE, 'Resources']),
    notResources: strings(spec.NotResources, [...BASE, 'NotResources']),
    listOfTags,
    conditions,
  };
  store.table(BACKUP.selection).set(selectionId, s);
  return { selection: s, notes };
}

/** An ARN pattern with * and ? wildcards, as AWS Backup and StringLike read them. */
function like(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(text);
}

function holds(c: TagCondition, tags: Record<string, string>): boolean {
  const v = tags[c.key];
  switch (c.operator) {
    case 'StringEquals':
      return v === c.value;
    case 'StringNotEquals':
      return v !== c.value;
    case 'StringLike':
      return v !== undefined && like(c.value, v);
    case 'StringNotLike':
      return v === undefined || !like(c.value, v);
  }
}

export interface Covered {
  id: string;
  name: string;
  type: string;
  arn: string;
}

/** The submission's resources a selection backs up (in the selection's region). */
export function coveredResources(store: Store, s: BackupSelection): Covered[] {
  const out: Covered[] = [];
  const any = s.resources.length > 0 || s.listOfTags.length > 0;
  for (const p of PROTECTABLE) {
    for (const r of store.table(p.kind).values()) {
      if (r.region !== s.region) continue;
      const arn = p.arn(r);
      const picked = any ? s.resources.some((pattern) => like(pattern, arn)) || s.listOfTags.some((c) => holds(c, r.tags)) : true;
      if (!picked || !s.conditions.every((c) => holds(c, r.tags)) || s.notResources.some((pattern) => like(pattern, arn))) continue;
      out.push({ id: r.id, name: r.logicalId ?? r.id, type: p.type, arn });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The Resources entries that name nothing this submission makes (they may be outside it). */
export function unmatchedResources(store: Store, s: BackupSelection): string[] {
  const arns = PROTECTABLE.flatMap((p) => [...store.table(p.kind).values()].map((r) => p.arn(r)));
  return s.resources.filter((pattern) => !arns.some((a) => like(pattern, a)));
}
