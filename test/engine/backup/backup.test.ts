import { describe, expect, it } from 'vitest';
import { createBackupPlan } from '../../../src/engine/backup/plan.js';
import { parseSchedule } from '../../../src/engine/backup/schedule.js';
import { coveredResources, createBackupSelection, unmatchedResources } from '../../../src/engine/backup/selection.js';
import { createBackupVault } from '../../../src/engine/backup/vault.js';
import { Cloud } from '../../../src/engine/cloud.js';
import { CloudError } from '../../../src/engine/errors.js';

const ROLE = 'arn:aws:iam::123456789012:role/backup';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CloudError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'accepted';
}

const rule = (over: Record<string, unknown> = {}) => ({ RuleName: 'daily', TargetBackupVault: 'vault', ScheduleExpression: 'cron(0 5 ? * * *)', ...over });
const plan = (cloud: Cloud, rules: unknown[], logicalId = 'Plan') => createBackupPlan(cloud, 'us-east-1', { BackupPlanName: 'plan', BackupPlanRule: rules }, { logicalId });

function network() {
  const cloud = new Cloud('bak');
  const vpc = cloud.createVpc('us-east-1', { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
  const subnet = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24' }, { logicalId: 'Sub' }).id;
  const db = cloud.createInstance('us-east-1', { subnetId: subnet }, { logicalId: 'Db', tags: { backup: 'daily', tier: 'data' } });
  const web = cloud.createInstance('us-east-1', { subnetId: subnet }, { logicalId: 'Web', tags: { tier: 'web' } });
  createBackupVault(cloud, 'us-east-1', { name: 'vault' }, { logicalId: 'Vault' });
  return { cloud, db, web, planId: plan(cloud, [rule()]).plan.planId };
}

describe('AWS Backup', () => {
  it('BAK-01: a vault is named 2-50 of [a-zA-Z0-9-_], unique in its region; its ARN names it', () => {
    const cloud = new Cloud();
    const v = createBackupVault(cloud, 'eu-west-1', { name: 'dr-vault' }, { logicalId: 'Vault' });
    expect(v.arn).toBe('arn:aws:backup:eu-west-1:123456789012:backup-vault:dr-vault');
    expect(code(() => createBackupVault(cloud, 'eu-west-1', { name: 'dr-vault' }))).toMatch(/^AlreadyExistsException/);
    expect(code(() => createBackupVault(cloud, 'us-east-1', { name: 'dr-vault' }))).toBe('accepted');
    expect(code(() => createBackupVault(cloud, 'us-east-1', { name: 'x' }))).toMatch(/^InvalidParameterValueException: BackupVaultName "x" must be 2 to 50/);
    expect(code(() => createBackupVault(cloud, 'us-east-1', { name: 'my vault' }))).toMatch(/InvalidParameterValueException/);
  });

  it('BAK-01: a plan needs at least one rule; its id, ARN and version are deterministic', () => {
    const a = plan(new Cloud('s'), [rule()]).plan;
    const b = plan(new Cloud('s'), [rule()]).plan;
    expect(a.planId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a.arn).toBe(`arn:aws:backup:us-east-1:123456789012:backup-plan:${a.planId}`);
    expect([b.planId, b.versionId]).toEqual([a.planId, a.versionId]);
    expect(code(() => plan(new Cloud(), []))).toMatch(/at least one rule/);
  });

  it('BAK-02: schedules are six-field cron expressions in UTC, at most hourly; one of day-of-month and day-of-week is ?', () => {
    expect(parseSchedule('cron(0 12 * * ? *)', 'S')).toMatchObject({ kind: 'cron', periodHours: 24 });
    expect(parseSchedule('cron(15 * ? * * *)', 'S').periodHours).toBe(1);
    expect(parseSchedule('cron(0 0,12 ? * * *)', 'S').periodHours).toBe(12);
    expect(parseSchedule('cron(0 3 ? * SUN *)', 'S').periodHours).toBe(168);
    expect(parseSchedule(undefined, 'S').expression).toBe('cron(0 5 ? * * *)');
    expect(code(() => parseSchedule('cron(0 5 * * *)', 'S'))).toMatch(/six fields/);
    expect(code(() => parseSchedule('cron(0 5 * * * *)', 'S'))).toMatch(/exactly one of day-of-month and day-of-week must be \?/);
    expect(code(() => parseSchedule('cron(0/10 * ? * * *)', 'S'))).toMatch(/shouldn't be less than 60 minutes/);
    expect(code(() => parseSchedule('cron(0 25 ? * * *)', 'S'))).toMatch(/25 is outside the hours field's 0-23/);
    expect(code(() => parseSchedule('daily', 'S'))).toMatch(/cron\(…\) or rate\(…\)/);
  });

  it('BAK-02: rate expressions are taken from one hour up, with a note (UNCONFIRMED for AWS Backup)', () => {
    expect(parseSchedule('rate(12 hours)', 'S')).toMatchObject({ kind: 'rate', periodHours: 12 });
    expect(code(() => parseSchedule('rate(30 minutes)', 'S'))).toMatch(/60 minutes/);
    expect(code(() => parseSchedule('rate(1 hours)', 'S'))).toMatch(/rate\(1 hour\)/);
    expect(plan(new Cloud(), [rule({ ScheduleExpression: 'rate(1 day)' })]).notes.map((n) => n.code)).toContain('RateSchedule');
  });

  it('BAK-02: RuleName and TargetBackupVault; StartWindowMinutes at least 60; a vault outside the submission is a note', () => {
    const cloud = new Cloud();
    createBackupVault(cloud, 'us-east-1', { name: 'vault' });
    expect(code(() => plan(cloud, [rule({ RuleName: 'daily backup' })]))).toMatch(/RuleName "daily backup"/);
    expect(code(() => plan(cloud, [rule({ StartWindowMinutes: 30 })]))).toMatch(/StartWindowMinutes must be a whole number of minutes, at least 60/);
    expect(code(() => plan(cloud, [rule(), rule()]))).toMatch(/two rules named daily/);
    const { plan: p, notes } = plan(cloud, [rule(), rule({ RuleName: 'other', TargetBackupVault: 'elsewhere' })], 'P2');
    expect(p.rules[0]).toMatchObject({ startWindowMinutes: 480, completionWindowMinutes: 10_080, continuous: false });
    expect(notes.map((n) => [n.code, n.field])).toEqual([['VaultOutsideSubmission', ['BackupPlan', 'BackupPlanRule', 1, 'TargetBackupVault']]]);
  });

  it('BAK-03: DeleteAfterDays must be at least MoveToColdStorageAfterDays + 90; continuous backups stay warm, at most 35 days', () => {
    const cloud = new Cloud();
    expect(code(() => plan(cloud, [rule({ Lifecycle: { MoveToColdStorageAfterDays: 30, DeleteAfterDays: 100 } })]))).toMatch(/at least 90 days after MoveToColdStorageAfterDays \(30\).*at least 120/);
    expect(plan(cloud, [rule({ Lifecycle: { MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120 } })]).plan.rules[0].lifecycle).toEqual({ moveToColdStorageAfterDays: 30, deleteAfterDays: 120 });
    expect(code(() => plan(cloud, [rule({ EnableContinuousBackup: true, Lifecycle: { DeleteAfterDays: 60 } })]))).toMatch(/at most 35 days/);
    expect(code(() => plan(cloud, [rule({ EnableContinuousBackup: true, Lifecycle: { MoveToColdStorageAfterDays: 1, DeleteAfterDays: 91 } })]))).toMatch(/cannot move to cold storage/);
  });

  it("BAK-04: copy actions name a vault by ARN, in another region; the copy's lifecycle is checked too", () => {
    const cloud = new Cloud();
    const dr = createBackupVault(cloud, 'us-west-2', { name: 'dr' });
    const { plan: p, notes } = plan(cloud, [rule({ CopyActions: [{ DestinationBackupVaultArn: dr.arn, Lifecycle: { DeleteAfterDays: 30 } }] })]);
    expect(p.rules[0].copyActions).toEqual([{ destinationVaultArn: dr.arn, destinationRegion: 'us-west-2', lifecycle: { deleteAfterDays: 30 } }]);
    expect(notes.filter((n) => n.message.includes('copy destination'))).toEqual([]);
    expect(code(() => plan(cloud, [rule({ CopyActions: [{ DestinationBackupVaultArn: 'dr' }] })], 'P3'))).toMatch(/not a backup vault ARN/);
    expect(code(() => plan(cloud, [rule({ CopyActions: [{ DestinationBackupVaultArn: dr.arn, Lifecycle: { MoveToColdStorageAfterDays: 10, DeleteAfterDays: 20 } }] })], 'P4'))).toMatch(/at least 90 days/);
    const outside = plan(cloud, [rule({ CopyActions: [{ DestinationBackupVaultArn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:far' }] })], 'P5');
    expect(outside.notes.map((n) => n.code)).toContain('VaultOutsideSubmission');
  });

  it('BAK-01: a selection covers resources by ARN (wildcards), by tag (any) and by Conditions (all), less NotResources', () => {
    const { cloud, db, web, planId } = network();
    const arn = (id: string) => `arn:aws:ec2:us-east-1:123456789012:instance/${id}`;
    const covers = (spec: Record<string, unknown>, logicalId: string) => coveredResources(cloud, createBackupSelection(cloud, 'us-east-1', planId, { SelectionName: logicalId, IamRoleArn: ROLE, ...spec }, { logicalId }).selection).map((c) => c.name);
    expect(covers({ Resources: [arn(db.id)] }, 'ByArn')).toEqual(['Db']);
    expect(covers({ Resources: ['arn:aws:ec2:*:*:instance/*'] }, 'Wild')).toEqual(['Db', 'Web']);
    expect(covers({ ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] }, 'Tag')).toEqual(['Db']);
    expect(covers({ Resources: [arn(web.id)], ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] }, 'Either')).toEqual(['Db', 'Web']);
    expect(covers({ Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/tier', ConditionValue: 'web' }] } }, 'Cond')).toEqual(['Web']);
    expect(covers({ Conditions: { StringLike: [{ ConditionKey: 'aws:ResourceTag/tier', ConditionValue: '*a*' }] } }, 'Like')).toEqual(['Db']);
    expect(covers({ Resources: ['*'], NotResources: [arn(db.id)] }, 'Not')).toEqual(['Web']);
    expect(covers({}, 'All')).toEqual(['Db', 'Web']);
    const far = createBackupSelection(cloud, 'us-east-1', planId, { SelectionName: 'far', IamRoleArn: ROLE, Resources: ['arn:aws:rds:us-east-1:123456789012:db:orders'] }, { logicalId: 'Far' }).selection;
    expect(unmatchedResources(cloud, far)).toEqual(['arn:aws:rds:us-east-1:123456789012:db:orders']);
  });

  it('BAK-01: a selection needs an IAM role ARN and the plan id (not its ARN); tag conditions as AWS spells them', () => {
    const { cloud, planId } = network();
    const sel = (planIdOrArn: string, spec: Record<string, unknown>) => () => createBackupSelection(cloud, 'us-east-1', planIdOrArn, { SelectionName: 's', IamRoleArn: ROLE, ...spec });
    expect(code(sel(planId, { IamRoleArn: 'backup-role' }))).toMatch(/not an IAM role ARN/);
    const arn = `arn:aws:backup:us-east-1:123456789012:backup-plan:${planId}`;
    expect(code(sel(arn, {}))).toMatch(/BackupPlanId is the plan's ARN; give its id/);
    expect(code(sel(planId, { ListOfTags: [{ ConditionType: 'EQUALS', ConditionKey: 'k', ConditionValue: 'v' }] }))).toMatch(/ConditionType must be STRINGEQUALS/);
    expect(code(sel(planId, { Conditions: { StringIs: [] } }))).toMatch(/operators are StringEquals/);
    expect(createBackupSelection(cloud, 'us-east-1', 'no-such-plan', { SelectionName: 'x', IamRoleArn: ROLE }).notes.map((n) => n.code)).toEqual(['PlanOutsideSubmission']);
  });
});
