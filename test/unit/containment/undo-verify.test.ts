import { describe, expect, it } from 'vitest';

import { planContainment } from '../../../shared/containment/plan';
import { DENY_ALL_POLICY_ARN, REVOKE_POLICY_NAME } from '../../../shared/containment/policies';
import type { BeforeState, ContainedIdentity } from '../../../shared/containment/types';
import { planUndo, redactCall, REDACTED_PASSWORD } from '../../../shared/containment/undo';
import { verifyOutcome, verifyRestored } from '../../../shared/containment/verify';

const AT = '2026-12-02T04:30:00.000Z';
const user: ContainedIdentity = { kind: 'user', name: 'jmorales', uniqueId: 'AIDAEXAMPLE000000001', arn: 'arn:aws:iam::111122223333:user/jmorales' };
const before: BeforeState = {
  accessKeys: [
    { accessKeyId: 'AKIAEXAMPLE000000001', status: 'Active' },
    { accessKeyId: 'AKIAEXAMPLE000000002', status: 'Inactive' },
  ],
  loginProfile: { exists: true },
  attachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  revokePolicy: { document: '{"Version":"2012-10-17","Statement":[]}' },
};
const plan = planContainment(user, { actions: ['deactivate-keys', 'disable-console', 'deny-all', 'revoke-sessions'] }, before, AT);
const revokeDocument = String(plan.actions[3]!.calls[0]!.params.PolicyDocument);
const contained: BeforeState = {
  accessKeys: [
    { accessKeyId: 'AKIAEXAMPLE000000001', status: 'Inactive' },
    { accessKeyId: 'AKIAEXAMPLE000000002', status: 'Inactive' },
  ],
  loginProfile: { exists: false },
  attachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess', DENY_ALL_POLICY_ARN],
  revokePolicy: { document: revokeDocument },
};

describe('undo', () => {
  it('puts back exactly what the run changed, from the before-state', () => {
    expect(planUndo({ plan, now: contained, newPassword: 'N3w!pass' })).toEqual([
      { api: 'UpdateAccessKey', params: { UserName: 'jmorales', AccessKeyId: 'AKIAEXAMPLE000000001', Status: 'Active' } },
      { api: 'CreateLoginProfile', params: { UserName: 'jmorales', Password: 'N3w!pass', PasswordResetRequired: true } },
      { api: 'DetachUserPolicy', params: { UserName: 'jmorales', PolicyArn: DENY_ALL_POLICY_ARN } },
      { api: 'PutUserPolicy', params: { UserName: 'jmorales', PolicyName: REVOKE_POLICY_NAME, PolicyDocument: '{"Version":"2012-10-17","Statement":[]}' } },
    ]);
  });

  it('makes no call for what is already as before (an undo run twice, or a call that never happened)', () => {
    expect(planUndo({ plan, now: before, newPassword: 'x' })).toEqual([]);
  });

  it('deletes the revoke policy when there was none, and never detaches an AWSDenyAll that was there before', () => {
    const had: BeforeState = { attachedPolicyArns: [DENY_ALL_POLICY_ARN], revokePolicy: { document: null } };
    const run = planContainment(user, { actions: ['deny-all', 'revoke-sessions'] }, had, AT);
    const now: BeforeState = { attachedPolicyArns: [DENY_ALL_POLICY_ARN], revokePolicy: { document: 'x' } };
    expect(planUndo({ plan: run, now, newPassword: 'x' })).toEqual([{ api: 'DeleteUserPolicy', params: { UserName: 'jmorales', PolicyName: REVOKE_POLICY_NAME } }]);
  });

  it('never writes the new password: the call is redacted for the log', () => {
    const call = { api: 'CreateLoginProfile' as const, params: { UserName: 'jmorales', Password: 'secret', PasswordResetRequired: true } };
    expect(redactCall(call).params.Password).toBe(REDACTED_PASSWORD);
    expect(call.params.Password).toBe('secret');
  });
});

describe('verification', () => {
  it('reads each action as done when the state and the simulations show it', () => {
    const denied = [{ actionName: 's3:GetObject', decision: 'explicitDeny' }];
    const checks = verifyOutcome(plan, contained, { 'deny-all': denied, 'revoke-sessions': denied });
    expect(checks.every((check) => check.ok)).toBe(true);
    expect(checks.map((c) => c.action)).toEqual(['deactivate-keys', 'disable-console', 'deny-all', 'deny-all', 'revoke-sessions', 'revoke-sessions']);
  });

  it('fails a check the state contradicts: a key still Active, a simulation that allows', () => {
    const checks = verifyOutcome(plan, { ...contained, accessKeys: before.accessKeys! }, { 'deny-all': [{ actionName: 's3:GetObject', decision: 'allowed' }] });
    expect(checks.filter((c) => !c.ok).map((c) => c.detail)).toEqual([
      'Access key AKIAEXAMPLE000000001 reads Active.',
      'SimulatePrincipalPolicy: s3:GetObject: allowed.',
      'SimulatePrincipalPolicy gave no answer.',
    ]);
  });

  it('compares the state after undo with the before-state, field by field', () => {
    expect(verifyRestored(plan, { ...before, loginProfile: { exists: true } }).every((c) => c.ok)).toBe(true);
    const off = verifyRestored(plan, contained).filter((c) => !c.ok);
    expect(off.map((c) => c.action)).toEqual(['deactivate-keys', 'disable-console', 'deny-all', 'revoke-sessions']);
  });
});
