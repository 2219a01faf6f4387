import { afterEach, describe, expect, it } from 'vitest';

import { DENY_ALL_POLICY_ARN, REVOKE_POLICY_NAME } from '../../../shared/containment/policies';
import { planCalls } from '../../../shared/containment/plan';
import { containmentActions } from '../../../shared/containment/types';
import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { containmentAccount, onTheWire, sentMutations, serviceOnFake, snapshot, TEST_PASSWORD } from './helpers';

let fake: FakeIam;
let close = () => {};
afterEach(async () => {
  close();
  await fake?.close();
});

async function setUp() {
  fake = await startFakeIam({ state: containmentAccount() });
  const made = serviceOnFake(fake);
  close = made.close;
  return made;
}
const alice = () => fake.state.users.find((user) => user.userName === 'alice')!;
const deploy = () => fake.state.roles.find((role) => role.roleName === 'deploy')!;

describe('containment against the fake IAM (promise 19)', () => {
  it('previews with reads only: no mutating call', async () => {
    const { service } = await setUp();
    const plan = await service.preview({ profile: 'responder', kind: 'user', name: 'alice', actions: [...containmentActions] });
    expect(fake.mutations()).toEqual([]);
    expect(plan.identity.uniqueId).toBe('AIDAALICEFAKE000001X');
    expect(planCalls(plan).map((call) => call.api)).toEqual(['UpdateAccessKey', 'UpdateAccessKey', 'DeleteLoginProfile', 'AttachUserPolicy', 'PutUserPolicy']);
  });

  it.each([
    ['user', 'alice', [...containmentActions]],
    ['role', 'deploy', ['deny-all', 'revoke-sessions']],
  ] as const)('sends exactly the calls its dry run listed, in order, for the %s', async (kind, name, actions) => {
    const { service } = await setUp();
    const target = { profile: 'responder', kind, name, actions: [...actions] };
    const preview = await service.preview(target);
    const outcome = await service.run(target);
    expect(outcome.status).toBe('done');
    expect(sentMutations(fake)).toEqual(onTheWire(planCalls(preview)));
    expect(outcome.plan.actions).toEqual(preview.actions);
  });

  it('verifies the outcome: keys read Inactive, no password, and SimulatePrincipalPolicy shows the deny', async () => {
    const { service } = await setUp();
    const outcome = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: [...containmentActions] });
    expect(outcome.checks.filter((check) => !check.ok)).toEqual([]);
    expect(outcome.checks.map((check) => check.detail)).toContain('SimulatePrincipalPolicy: iam:CreateAccessKey: explicitDeny, s3:GetObject: explicitDeny, ec2:DescribeInstances: explicitDeny.');
    expect(alice().accessKeys.map((key) => key.status)).toEqual(['Inactive', 'Inactive', 'Inactive']);
    expect(alice().attached).toContain(DENY_ALL_POLICY_ARN);
    expect(outcome.undoCommand).toBe(`trailcase contain --undo ${outcome.id} --yes`);
  });

  it('says revoke-sessions shows the deny only for sessions issued before the plan', async () => {
    const { service } = await setUp();
    const outcome = await service.run({ profile: 'responder', kind: 'role', name: 'deploy', actions: ['revoke-sessions'] });
    const simulated = outcome.checks.find((check) => check.detail.startsWith('SimulatePrincipalPolicy'))!;
    expect(simulated).toMatchObject({ ok: true, detail: expect.stringContaining('for a session issued before the plan') });
  });

  it('undo restores the user’s before-state exactly, in one step (a new password, reset required)', async () => {
    const { service } = await setUp();
    const before = snapshot(alice());
    const run = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: [...containmentActions] });
    expect(snapshot(alice())).not.toEqual(before);
    const undo = await service.undo(run.id);
    expect(undo.status).toBe('done');
    expect(undo.checks.filter((check) => !check.ok)).toEqual([]);
    expect(snapshot(alice())).toEqual(before);
    expect(alice().loginProfile?.passwordResetRequired).toBe(true);
    expect(undo.newPassword).toBe(TEST_PASSWORD);
    // Only the key that was Active before is set Active again; the Inactive one stays Inactive.
    expect(sentMutations(fake).slice(-5).map((call) => [call.api, call.params.AccessKeyId ?? call.params.PolicyArn ?? ''])).toEqual([
      ['UpdateAccessKey', 'AKIAALICEFAKE0000001'],
      ['UpdateAccessKey', 'AKIAALICEFAKE0000003'],
      ['CreateLoginProfile', ''],
      ['DetachUserPolicy', DENY_ALL_POLICY_ARN],
      ['DeleteUserPolicy', ''],
    ]);
  });

  it('undo puts back an earlier inline policy of the same name, and is refused a second time', async () => {
    const { service } = await setUp();
    deploy().inline[REVOKE_POLICY_NAME] = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] });
    const before = snapshot(deploy());
    const run = await service.run({ profile: 'responder', kind: 'role', name: 'deploy', actions: ['deny-all', 'revoke-sessions'] });
    await service.undo(run.id);
    expect(snapshot(deploy())).toEqual(before);
    await expect(service.undo(run.id)).rejects.toThrow(/already undone by u-/);
  });

  it('writes no password to the audit log, only a marker', async () => {
    const { service, dataDir } = await setUp();
    const run = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: ['disable-console'] });
    await service.undo(run.id);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${dataDir}/containment/audit.jsonl`, 'utf8');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).toContain('never stored');
  });

  it('stops at a refused call, says so, and offers the undo of what was sent', async () => {
    const { service } = await setUp();
    fake.setOptions({ denied: ['AttachUserPolicy'] });
    const outcome = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deactivate-keys', 'deny-all', 'revoke-sessions'] });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/^AttachUserPolicy failed \(ACCESS_DENIED\).*The calls after it were not sent\.$/);
    expect(sentMutations(fake).map((call) => call.api)).toEqual(['UpdateAccessKey', 'UpdateAccessKey', 'AttachUserPolicy']);
    fake.setOptions({ denied: [] });
    await service.undo(outcome.id);
    expect(alice().accessKeys.map((key) => key.status)).toEqual(['Active', 'Inactive', 'Active']);
  });
});
