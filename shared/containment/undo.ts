import { DENY_ALL_POLICY_ARN, REVOKE_POLICY_NAME } from './policies';
import type { ActionPlan, BeforeState, ContainedIdentity, ContainmentPlan, IamCall } from './types';

/** What the undo of a run is given: the run's plan (its before-state) and the state read now. */
export interface UndoInput {
  plan: Pick<ContainmentPlan, 'identity' | 'actions' | 'before'>;
  /** The same fields as the plan's before-state, read just now. */
  now: BeforeState;
  /** The console password to create when disable-console is undone (made by the host, shown once). */
  newPassword: string;
}

/** Written in the audit log and shown instead of the password undo creates. */
export const REDACTED_PASSWORD = '<new password, shown once to the analyst, never stored>';

function sentKeys(action: ActionPlan): Set<string> {
  return new Set(action.calls.map((call) => String(call.params.AccessKeyId)));
}

function target(identity: ContainedIdentity): Record<string, string> {
  return identity.kind === 'user' ? { UserName: identity.name } : { RoleName: identity.name };
}

/** The calls that put back what one action of the run changed. */
export function planUndoAction(action: ActionPlan, input: UndoInput): IamCall[] {
  const { identity, before } = input.plan;
  const { now } = input;
  const user = identity.kind === 'user';
  switch (action.action) {
    case 'deactivate-keys': {
      const touched = sentKeys(action);
      return (before.accessKeys ?? [])
        .filter((key) => touched.has(key.accessKeyId) && key.status === 'Active')
        .filter((key) => now.accessKeys?.find((k) => k.accessKeyId === key.accessKeyId)?.status === 'Inactive')
        .map((key) => ({ api: 'UpdateAccessKey', params: { UserName: identity.name, AccessKeyId: key.accessKeyId, Status: 'Active' } }));
    }
    case 'disable-console':
      if (action.calls.length === 0 || !before.loginProfile?.exists || now.loginProfile?.exists) return [];
      return [{ api: 'CreateLoginProfile', params: { UserName: identity.name, Password: input.newPassword, PasswordResetRequired: true } }];
    case 'deny-all':
      if (action.calls.length === 0 || !now.attachedPolicyArns?.includes(DENY_ALL_POLICY_ARN)) return [];
      return [{ api: user ? 'DetachUserPolicy' : 'DetachRolePolicy', params: { ...target(identity), PolicyArn: DENY_ALL_POLICY_ARN } }];
    case 'revoke-sessions': {
      const earlier = before.revokePolicy?.document ?? null;
      const current = now.revokePolicy?.document ?? null;
      if (earlier === null) {
        return current === null ? [] : [{ api: user ? 'DeleteUserPolicy' : 'DeleteRolePolicy', params: { ...target(identity), PolicyName: REVOKE_POLICY_NAME } }];
      }
      if (current === earlier) return [];
      return [{ api: user ? 'PutUserPolicy' : 'PutRolePolicy', params: { ...target(identity), PolicyName: REVOKE_POLICY_NAME, PolicyDocument: earlier } }];
    }
  }
}

/**
 * The calls that put back what a run changed, and only that: each is planned from the before-state
 * against the state now, so a change the run did not make (or one already undone) is left alone,
 * and a call that may or may not have happened before a crash is covered either way.
 */
export function planUndo(input: UndoInput): IamCall[] {
  return input.plan.actions.flatMap((action) => planUndoAction(action, input));
}

/** A call as it may be written and shown: the password undo creates is replaced by a marker. */
export function redactCall(call: IamCall): IamCall {
  if (call.params.Password === undefined) return call;
  return { api: call.api, params: { ...call.params, Password: REDACTED_PASSWORD } };
}
