import { DENY_ALL_POLICY_ARN, REVOKE_POLICY_NAME } from './policies';
import type { BeforeState, ContainmentAction, ContainmentPlan } from './types';

/** One thing read back after acting, and whether it shows what was meant. */
export interface VerificationCheck {
  action: ContainmentAction;
  ok: boolean;
  /** What was read, in words. */
  detail: string;
}

/** SimulatePrincipalPolicy's answer for one action name (`allowed`, `explicitDeny`, `implicitDeny`). */
export interface SimulatedDecision {
  actionName: string;
  decision: string;
}

/** The simulations made for a verification: for deny-all none, for revoke-sessions with an old token. */
export type Simulations = Partial<Record<'deny-all' | 'revoke-sessions', SimulatedDecision[]>>;

function simulationCheck(action: 'deny-all' | 'revoke-sessions', decisions: SimulatedDecision[] | undefined): VerificationCheck {
  if (!decisions?.length) return { action, ok: false, detail: 'SimulatePrincipalPolicy gave no answer.' };
  const denied = decisions.filter((d) => d.decision === 'explicitDeny');
  const words = decisions.map((d) => `${d.actionName}: ${d.decision}`).join(', ');
  const context = action === 'revoke-sessions' ? ' for a session issued before the plan' : '';
  return { action, ok: denied.length === decisions.length, detail: `SimulatePrincipalPolicy${context}: ${words}.` };
}

/**
 * Whether the state read after a run shows each action done: the keys read Inactive, no console
 * password, AWSDenyAll attached, the revoke policy in place, and SimulatePrincipalPolicy shows
 * the explicit deny. An action with nothing to do is checked too (it should still be so).
 */
export function verifyOutcome(plan: Pick<ContainmentPlan, 'actions'>, after: BeforeState, simulations: Simulations): VerificationCheck[] {
  return plan.actions.flatMap((action): VerificationCheck[] => {
    switch (action.action) {
      case 'deactivate-keys':
        return action.calls.map((call) => {
          const id = String(call.params.AccessKeyId);
          const status = after.accessKeys?.find((key) => key.accessKeyId === id)?.status ?? 'missing';
          return { action: action.action, ok: status === 'Inactive', detail: `Access key ${id} reads ${status}.` };
        });
      case 'disable-console': {
        const exists = after.loginProfile?.exists;
        return [{ action: action.action, ok: exists === false, detail: exists === false ? 'No console password (GetLoginProfile: NoSuchEntity).' : 'A console password still exists.' }];
      }
      case 'deny-all': {
        const attached = after.attachedPolicyArns?.includes(DENY_ALL_POLICY_ARN) === true;
        return [
          { action: action.action, ok: attached, detail: attached ? 'AWSDenyAll is attached.' : 'AWSDenyAll is not attached.' },
          simulationCheck('deny-all', simulations['deny-all']),
        ];
      }
      case 'revoke-sessions': {
        const sent = action.calls[0]?.params.PolicyDocument;
        const inPlace = sent !== undefined && after.revokePolicy?.document === sent;
        return [
          { action: action.action, ok: inPlace, detail: inPlace ? `Inline policy ${REVOKE_POLICY_NAME} reads as sent.` : `Inline policy ${REVOKE_POLICY_NAME} does not read as sent.` },
          simulationCheck('revoke-sessions', simulations['revoke-sessions']),
        ];
      }
    }
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));

/**
 * Whether the state read after an undo equals the before-state, field by field, for the fields
 * the run recorded; a difference says what it is, even one the run did not cause.
 */
export function verifyRestored(plan: Pick<ContainmentPlan, 'actions' | 'before'>, after: BeforeState): VerificationCheck[] {
  const { before } = plan;
  return plan.actions.flatMap((action): VerificationCheck[] => {
    switch (action.action) {
      case 'deactivate-keys':
        return (before.accessKeys ?? []).map((key) => {
          const status = after.accessKeys?.find((k) => k.accessKeyId === key.accessKeyId)?.status ?? 'missing';
          return { action: action.action, ok: status === key.status, detail: `Access key ${key.accessKeyId} reads ${status} (was ${key.status}).` };
        });
      case 'disable-console': {
        const was = before.loginProfile?.exists === true;
        const is = after.loginProfile?.exists === true;
        const detail = is ? (was ? 'A console password exists again (a new one, reset required at next sign-in).' : 'A console password exists (there was none before).') : was ? 'No console password (there was one before).' : 'No console password, as before.';
        return [{ action: action.action, ok: was === is, detail }];
      }
      case 'deny-all': {
        const ok = sameSet(before.attachedPolicyArns ?? [], after.attachedPolicyArns ?? []);
        return [{ action: action.action, ok, detail: ok ? 'The attached managed policies are as before.' : `Attached now: ${(after.attachedPolicyArns ?? []).join(', ') || 'none'}; before: ${(before.attachedPolicyArns ?? []).join(', ') || 'none'}.` }];
      }
      case 'revoke-sessions': {
        const was = before.revokePolicy?.document ?? null;
        const is = after.revokePolicy?.document ?? null;
        const detail = was === is ? (is === null ? `No inline policy ${REVOKE_POLICY_NAME}, as before.` : `Inline policy ${REVOKE_POLICY_NAME} reads as before.`) : `Inline policy ${REVOKE_POLICY_NAME} differs from before.`;
        return [{ action: action.action, ok: was === is, detail }];
      }
    }
  });
}
