import { formatArn, parseArn, uuidFor } from '../arns.js';
import { CloudError } from '../errors.js';
import type { Note } from '../notes.js';
import { named, type Named, type Origin, type Store } from '../store.js';
import { BACKUP, INVALID } from './kinds.js';
import { type Lifecycle, readLifecycle } from './lifecycle.js';
import { parseSchedule, type Schedule } from './schedule.js';
import { vaultByName } from './vault.js';

/**
 * A backup plan (CreateBackupPlan, BAK-02 to BAK-04): rules that say when to back up, into
 * which vault, how long to keep, and where to copy. Loaded and validated here; the jobs are
 * played out over time by the simulator. A vault the submission does not make comes back as a
 * note (it may exist outside the submission).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRule.html
 */
export interface CopyAction {
  destinationVaultArn: string;
  destinationRegion: string;
  lifecycle?: Lifecycle;
}

export interface BackupRule {
  name: string;
  targetVault: string;
  schedule: Schedule;
  /** Minutes after the scheduled time within which a job must start (AWS's default: 8 hours, UNCONFIRMED). */
  startWindowMinutes: number;
  /** Minutes within which a started job must complete (default 7 days, UNCONFIRMED). */
  completionWindowMinutes: number;
  lifecycle?: Lifecycle;
  continuous: boolean;
  copyActions: CopyAction[];
}

export interface BackupPlan extends Named {
  readonly name: string;
  readonly planId: string;
  readonly arn: string;
  readonly versionId: string;
  rules: BackupRule[];
}

type Path = (string | number)[];
const BASE: Path = ['BackupPlan'];
const NAME = /^[a-zA-Z0-9\-_.]{1,50}$/;
export const DEFAULT_START_WINDOW_MINUTES = 480;
export const DEFAULT_COMPLETION_WINDOW_MINUTES = 10_080;

function minutes(v: unknown, least: number, fallback: number, field: Path): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < least) throw new CloudError(INVALID, `${String(field[field.length - 1])} must be a whole number of minutes, at least ${least}, not ${JSON.stringify(v)}`, field);
  return n;
}

function readCopyAction(raw: unknown, at: Path, continuous: boolean, store: Store, notes: Note[]): CopyAction {
  const c = (raw ?? {}) as Record<string, unknown>;
  const destination = String(c.DestinationBackupVaultArn ?? '');
  const arn = parseArn(destination);
  const m = arn && arn.service === 'backup' ? /^backup-vault:([a-zA-Z0-9\-_]{2,50})$/.exec(arn.resource) : null;
  if (!arn || !m) {
    throw new CloudError(INVALID, `DestinationBackupVaultArn "${destination}" is not a backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>)`, [...at, 'DestinationBackupVaultArn']);
  }
  if (!vaultByName(store, arn.region, m[1])) {
    notes.push({ code: 'VaultOutsideSubmission', message: `the copy destination ${destination} is not a vault this submission makes in ${arn.region}; it is taken to exist`, field: [...at, 'DestinationBackupVaultArn'] });
  }
  const lifecycle = readLifecycle(c.Lifecycle, [...at, 'Lifecycle'], continuous);
  return { destinationVaultArn: destination, destinationRegion: arn.region, ...(lifecycle ? { lifecycle } : {}) };
}

function readRule(raw: unknown, at: Path, region: string, store: Store, notes: Note[]): BackupRule {
  const r = (raw ?? {}) as Record<string, unknown>;
  const name = String(r.RuleName ?? '');
  if (!NAME.test(name)) throw new CloudError(INVALID, `RuleName "${name}" must be 1 to 50 letters, digits, or - _ .`, [...at, 'RuleName']);
  const targetVault = String(r.TargetBackupVault ?? '');
  if (!targetVault) throw new CloudError(INVALID, `rule ${name} needs TargetBackupVault, the name of a vault in ${region}`, [...at, 'TargetBackupVault']);
  const schedule = parseSchedule(r.ScheduleExpression === undefined ? undefined : String(r.ScheduleExpression), [...at, 'ScheduleExpression']);
  if (schedule.kind === 'rate') notes.push({ code: 'RateSchedule', message: `rule ${name}: AWS documents cron expressions for backup schedules; ${schedule.expression} is taken as every ${schedule.periodHours} hours`, field: [...at, 'ScheduleExpression'] });
  const continuous = r.EnableContinuousBackup === true || r.EnableContinuousBackup === 'true';
  if (!vaultByName(store, region, targetVault) && !/^(Default|aws\/efs\/automatic-backup-vault)$/.test(targetVault)) {
    notes.push({ code: 'VaultOutsideSubmission', message: `rule ${name}: the vault ${targetVault} is not made by this submission in ${region}; it is taken to exist`, field: [...at, 'TargetBackupVault'] });
  }
  const startWindowMinutes = minutes(r.StartWindowMinutes, 60, DEFAULT_START_WINDOW_MINUTES, [...at, 'StartWindowMinutes']);
  const completionWindowMinutes = minutes(r.CompletionWindowMinutes, 1, DEFAULT_COMPLETION_WINDOW_MINUTES, [...at, 'CompletionWindowMinutes']);
  const lifecycle = readLifecycle(r.Lifecycle, [...at, 'Lifecycle'], continuous);
  const copies = r.CopyActions === undefined ? [] : Array.isArray(r.CopyActions) ? r.CopyActions : [r.CopyActions];
  const copyActions = copies.map((c, i) => readCopyAction(c, [...at, 'CopyActions', i], continuous, store, notes));
  return { name, targetVault, schedule, startWindowMinutes, completionWindowMinutes, ...(lifecycle ? { lifecycle } : {}), continuous, copyActions };
}

export function createBackupPlan(store: Store, region: string, plan: Record<string, unknown>, origin?: Origin): { plan: BackupPlan; notes: Note[] } {
  const notes: Note[] = [];
  const name = String(plan.BackupPlanName ?? '');
  if (!NAME.test(name)) throw new CloudError(INVALID, `BackupPlanName "${name}" must be 1 to 50 letters, digits, or - _ .`, [...BASE, 'BackupPlanName']);
  const raw = plan.BackupPlanRule;
  if (!Array.isArray(raw) || raw.length === 0) throw new CloudError(INVALID, `backup plan ${name} needs at least one rule in BackupPlanRule`, [...BASE, 'BackupPlanRule']);
  const seen = new Set<string>();
  const rules = raw.map((r, i) => {
    const rule = readRule(r, [...BASE, 'BackupPlanRule', i], region, store, notes);
    if (seen.has(rule.name)) throw new CloudError(INVALID, `backup plan ${name} has two rules named ${rule.name}; rule names must be unique in a plan`, [...BASE, 'BackupPlanRule', i, 'RuleName']);
    seen.add(rule.name);
    return rule;
  });
  const planId = uuidFor(store, 'bkp', region, origin, 'backup-plan');
  const arn = formatArn('backup', region, `backup-plan:${planId}`);
  const versionId = btoa(uuidFor(store, 'bkv', region, origin, 'backup-plan-version')).replace(/=+$/, '');
  const p: BackupPlan = { ...named(planId, region, origin), name, planId, arn, versionId, rules };
  store.table(BACKUP.plan).set(planId, p);
  return { plan: p, notes };
}
