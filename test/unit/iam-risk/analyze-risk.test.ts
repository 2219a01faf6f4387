import { beforeAll, describe, expect, test } from 'vitest';

import { loadActionCatalog } from '../../../main/services/iam/action-catalog';
import { analyzeRisk, expandPattern } from '../../../shared/iam-risk/analyze-risk';
import type { ActionCatalog } from '../../../shared/iam-risk/analyze-risk';
import { RISK_CATALOGUE } from '../../../shared/iam-risk/risk-catalogue';
import type { PolicyInput } from '../../../shared/iam-risk/statements';

const policy = (name: string, ...Statement: object[]): PolicyInput => ({ name, arn: null, attachedTo: 'user alice', document: { Version: '2012-10-17', Statement } });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Deny', Action, Resource, ...extra });

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadActionCatalog([]);
});

const ids = (policies: PolicyInput[], boundary: PolicyInput | null = null) => analyzeRisk({ policies, boundary, catalog }).findings.map((finding) => finding.id);

describe('every catalogue entry, positive and negative', () => {
  test.each(RISK_CATALOGUE.map((entry) => [entry.id, entry] as const))('%s: every action is one IAM knows', async (_, entry) => {
    for (const action of entry.actions) {
      const [service, name] = action.split(':');
      expect(catalog.actions[service!]?.some((known) => known.name === name), action).toBe(true);
    }
  });

  test.each(RISK_CATALOGUE.map((entry) => [entry.id, entry] as const))('%s: found when all its actions are granted on *, with the granting statement', (_, entry) => {
    const report = analyzeRisk({ policies: [policy('Granting', { Sid: 'Grant', ...allow(entry.actions) })], boundary: null, catalog });
    const finding = report.findings.find((candidate) => candidate.id === entry.id);
    expect(finding?.grants.map((grant) => grant.action)).toEqual(entry.actions);
    expect(finding?.grants[0]!.grantedBy[0]).toEqual({ policy: 'Granting', policyArn: null, attachedTo: 'user alice', index: 0, sid: 'Grant' });
  });

  test.each(RISK_CATALOGUE.map((entry) => [entry.id, entry] as const))('%s: not found when a Deny removes its last action', (_, entry) => {
    const last = entry.actions.at(-1)!;
    expect(ids([policy('Granting', allow(entry.actions), deny(last))])).not.toContain(entry.id);
  });

  test.each(RISK_CATALOGUE.filter((entry) => entry.actions.length > 1).map((entry) => [entry.id, entry] as const))('%s: not found when one of its actions is missing', (_, entry) => {
    expect(ids([policy('Partial', allow(entry.actions.slice(1)))])).not.toContain(entry.id);
  });
});

describe('how statements are read', () => {
  test('a wildcard such as iam:Create* grants the escalations it covers, and the catalogue expands it', () => {
    const found = ids([policy('Creates', allow('iam:Create*'))]);
    expect(found).toEqual(expect.arrayContaining(['privesc-create-policy-version', 'privesc-create-access-key', 'privesc-create-login-profile']));
    expect(found).not.toContain('privesc-attach-user-policy');
    expect(expandPattern('iam:Create*', catalog)).toEqual(expect.arrayContaining(['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:CreatePolicyVersion']));
    expect(expandPattern('iam:Create*', catalog).every((action) => action.startsWith('iam:Create'))).toBe(true);
  });

  test('actions match case-insensitively, as IAM matches them', () => {
    expect(ids([policy('Lower', allow('IAM:createaccesskey'))])).toContain('privesc-create-access-key');
  });

  test('NotAction allows everything but what it names', () => {
    const found = ids([policy('AllButIam', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })]);
    expect(found).toContain('data-s3-getobject');
    expect(found).toContain('credentials-secretsmanager-getsecretvalue');
    expect(found.some((id) => id.startsWith('privesc-') && id !== 'privesc-update-lambda-code' && id !== 'privesc-update-glue-endpoint')).toBe(false);
  });

  test('data access counts only without resource limits; NotResource counts as unlimited', () => {
    expect(ids([policy('OneBucket', allow('s3:GetObject', 'arn:aws:s3:::reports/*'))])).not.toContain('data-s3-getobject');
    expect(ids([policy('AllBut', { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' })])).toContain('data-s3-getobject');
  });

  test("a key or password on the caller's own user only is not an escalation on others", () => {
    const self = ids([policy('Self', allow(['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], 'arn:aws:iam::*:user/${aws:username}'))]);
    expect(self).not.toContain('privesc-create-access-key');
    expect(self).not.toContain('privesc-update-login-profile');
    expect(self).toContain('credentials-iam-createaccesskey');
  });

  test('a Deny with a condition limits but does not remove, and is named', () => {
    const report = analyzeRisk({
      policies: [policy('Grant', allow('iam:AttachUserPolicy')), policy('MfaOnly', deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }))],
      boundary: null,
      catalog,
    });
    const finding = report.findings.find((candidate) => candidate.id === 'privesc-attach-user-policy');
    expect(finding?.grants[0]!.limitedBy.map((ref) => ref.policy)).toEqual(['MfaOnly']);
  });

  test('a permissions boundary subtracts what it does not allow', () => {
    expect(ids([policy('Grant', allow(['iam:PutUserPolicy', 's3:GetObject']))], policy('Boundary', allow('s3:*')))).toEqual(['data-s3-getobject']);
  });

  test('admin equivalence: Allow * on *, and not under a deny-all', () => {
    const admin = analyzeRisk({ policies: [{ ...policy('AdministratorAccess', allow('*')), arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }], boundary: null, catalog });
    expect(admin.admin).toEqual([{ policy: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', attachedTo: 'user alice', index: 0, sid: null }]);
    const denied = analyzeRisk({ policies: [policy('AdministratorAccess', allow('*')), policy('AWSDenyAll', deny('*'))], boundary: null, catalog });
    expect(denied.admin).toEqual([]);
    expect(denied.findings).toEqual([]);
    expect(analyzeRisk({ policies: [policy('Scoped', allow('*', 'arn:aws:s3:::one/*'))], boundary: null, catalog }).admin).toEqual([]);
  });

  test('other permissions-management actions on * are resource exposure, from the access levels', () => {
    const report = analyzeRisk({ policies: [policy('Glacier', allow('glacier:*'))], boundary: null, catalog: { ...catalog, actions: { glacier: catalog.actions.glacier ?? [] } } });
    expect(report.findings.map((finding) => finding.id)).toContain('resource-glacier-setvaultaccesspolicy');
    const extra = report.findings.find((finding) => finding.id === 'resource-permissions-management');
    expect(extra?.grants.map((grant) => grant.action)).toEqual(expect.arrayContaining(['glacier:AbortVaultLock']));
  });

  test('malformed documents and statements are skipped, not trusted', () => {
    expect(ids([{ name: 'Broken', arn: null, attachedTo: 'user alice', document: { Statement: [{ Effect: 'Allow' }, 'text', { Effect: 'Maybe', Action: '*', Resource: '*' }] } }])).toEqual([]);
    expect(ids([{ name: 'Null', arn: null, attachedTo: 'user alice', document: null }])).toEqual([]);
  });
});
