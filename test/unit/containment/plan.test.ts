import { describe, expect, it } from 'vitest';

import { planCalls, planContainment, requestProblems } from '../../../shared/containment/plan';
import { DENY_ALL_POLICY_ARN, REVOKE_POLICY_NAME } from '../../../shared/containment/policies';
import { renderPlanText, awsCliCommand } from '../../../shared/containment/render-plan';
import type { BeforeState, ContainedIdentity } from '../../../shared/containment/types';

const AT = '2026-12-02T04:30:00.000Z';
const user: ContainedIdentity = { kind: 'user', name: 'jmorales', uniqueId: 'AIDAEXAMPLE000000001', arn: 'arn:aws:iam::111122223333:user/jmorales' };
const role: ContainedIdentity = { kind: 'role', name: 'ci-deploy', uniqueId: 'AROAEXAMPLE000000001', arn: 'arn:aws:iam::111122223333:role/ci-deploy' };
const before: BeforeState = {
  accessKeys: [
    { accessKeyId: 'AKIAEXAMPLE000000001', status: 'Active' },
    { accessKeyId: 'AKIAEXAMPLE000000002', status: 'Inactive' },
    { accessKeyId: 'AKIAEXAMPLE000000003', status: 'Active' },
  ],
  loginProfile: { exists: true },
  attachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  revokePolicy: { document: null },
};

describe('containment plans', () => {
  it('deactivates every Active key of a user, and only those', () => {
    const plan = planContainment(user, { actions: ['deactivate-keys'] }, before, AT);
    expect(planCalls(plan)).toEqual([
      { api: 'UpdateAccessKey', params: { UserName: 'jmorales', AccessKeyId: 'AKIAEXAMPLE000000001', Status: 'Inactive' } },
      { api: 'UpdateAccessKey', params: { UserName: 'jmorales', AccessKeyId: 'AKIAEXAMPLE000000003', Status: 'Inactive' } },
    ]);
    expect(plan.actions[0]!.notes.join(' ')).toContain('AKIAEXAMPLE000000002');
  });

  it('deactivates only the keys named with --access-key-id', () => {
    const plan = planContainment(user, { actions: ['deactivate-keys'], accessKeyIds: ['AKIAEXAMPLE000000003'] }, before, AT);
    expect(planCalls(plan).map((call) => call.params.AccessKeyId)).toEqual(['AKIAEXAMPLE000000003']);
  });

  it('refuses a key that is not the user’s, and user-only actions for a role, saying what to do', () => {
    expect(requestProblems(user, { actions: ['deactivate-keys'], accessKeyIds: ['AKIAOTHER00000000001'] }, before)[0]).toMatch(/not one of jmorales's keys/);
    const problems = requestProblems(role, { actions: ['deactivate-keys', 'disable-console', 'deny-all'] });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/Use deny-all or revoke-sessions/);
    expect(requestProblems(user, { actions: [] })[0]).toMatch(/at least one action/);
  });

  it('says disable-console cannot be undone, and what undo does instead', () => {
    const [action] = planContainment(user, { actions: ['disable-console'] }, before, AT).actions;
    expect(action!.calls).toEqual([{ api: 'DeleteLoginProfile', params: { UserName: 'jmorales' } }]);
    expect(action!.reversibility.kind).toBe('irreversible');
    expect(action!.reversibility.how).toMatch(/CreateLoginProfile.*PasswordResetRequired=true/);
  });

  it('makes no call where there is nothing to do, and says why', () => {
    const none: BeforeState = { accessKeys: [], loginProfile: { exists: false }, attachedPolicyArns: [DENY_ALL_POLICY_ARN] };
    const plan = planContainment(user, { actions: ['deactivate-keys', 'disable-console', 'deny-all'] }, none, AT);
    expect(planCalls(plan)).toEqual([]);
    expect(plan.actions.map((a) => a.notes[0])).toEqual([
      'jmorales has no access keys: nothing to do.',
      'jmorales has no console password: nothing to do.',
      'AWSDenyAll is already attached: nothing to do, and undo will leave it attached.',
    ]);
  });

  it('attaches AWSDenyAll to a role, saying it stops every user of the role', () => {
    const plan = planContainment(role, { actions: ['deny-all'] }, { attachedPolicyArns: [] }, AT);
    expect(planCalls(plan)).toEqual([{ api: 'AttachRolePolicy', params: { RoleName: 'ci-deploy', PolicyArn: DENY_ALL_POLICY_ARN } }]);
    expect(plan.actions[0]!.affects[0]).toMatch(/every person, service, instance or function/);
  });

  it('warns that a full managed-policy quota makes the attach fail', () => {
    const full = { attachedPolicyArns: Array.from({ length: 10 }, (_, i) => `arn:aws:iam::111122223333:policy/p${i}`) };
    expect(planContainment(user, { actions: ['deny-all'] }, full, AT).actions[0]!.notes[0]).toMatch(/LimitExceeded/);
  });

  it('revokes sessions with the console’s TokenIssueTime deny, at the plan’s time', () => {
    const plan = planContainment(role, { actions: ['revoke-sessions'] }, { revokePolicy: { document: null } }, AT);
    const [call] = planCalls(plan);
    expect(call!.api).toBe('PutRolePolicy');
    expect(call!.params.PolicyName).toBe(REVOKE_POLICY_NAME);
    expect(JSON.parse(String(call!.params.PolicyDocument))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': AT } } }],
    });
    expect(plan.actions[0]!.affects[0]).toMatch(/Every session of role ci-deploy issued before 2026-12-02T04:30:00.000Z/);
  });

  it('orders the actions keys first, whatever order they were asked in, each once', () => {
    const plan = planContainment(user, { actions: ['revoke-sessions', 'deny-all', 'deactivate-keys', 'deny-all'] }, before, AT);
    expect(plan.actions.map((a) => a.action)).toEqual(['deactivate-keys', 'deny-all', 'revoke-sessions']);
  });

  it('prints each call with its policy document, and the AWS CLI equivalent', () => {
    const plan = planContainment(user, { actions: ['revoke-sessions'] }, before, AT);
    const text = renderPlanText(plan);
    expect(text).toContain('PutUserPolicy UserName=jmorales PolicyName=TrailcaseRevokeOlderSessions');
    expect(text).toContain('"aws:TokenIssueTime": "2026-12-02T04:30:00.000Z"');
    expect(awsCliCommand({ api: 'CreateLoginProfile', params: { UserName: 'a', Password: "p'q", PasswordResetRequired: true } })).toBe(
      "aws iam create-login-profile --user-name 'a' --password 'p'\\''q' --password-reset-required",
    );
  });
});
