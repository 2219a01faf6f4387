import { REVOKE_POLICY_NAME, VERIFY_ACTIONS } from '../../../shared/containment/policies';
import type { BeforeState, ContainedIdentity, ContainmentAction, IamCall } from '../../../shared/containment/types';
import type { SimulatedDecision, Simulations } from '../../../shared/containment/verify';

/**
 * The IAM calls containment makes, for one acting profile. The SDK's IAM client implements it
 * against AWS (or the fake IAM); the demo account implements it in memory. Reads return our own
 * types; `send` makes one of the mutating calls of a plan exactly as planned.
 */
export interface ContainmentIam {
  /** The user or role as IAM knows it now (GetUser/GetRole), or null when there is none (NoSuchEntity). */
  getIdentity(kind: ContainedIdentity['kind'], name: string, signal?: AbortSignal): Promise<ContainedIdentity | null>;
  listAccessKeys(userName: string, signal?: AbortSignal): Promise<NonNullable<BeforeState['accessKeys']>>;
  /** GetLoginProfile: NoSuchEntity reads as no console password. */
  getLoginProfile(userName: string, signal?: AbortSignal): Promise<NonNullable<BeforeState['loginProfile']>>;
  listAttachedPolicyArns(kind: ContainedIdentity['kind'], name: string, signal?: AbortSignal): Promise<string[]>;
  /** The inline policy's document (URL-decoded), or null when the identity has none of that name. */
  getInlinePolicy(kind: ContainedIdentity['kind'], name: string, policyName: string, signal?: AbortSignal): Promise<string | null>;
  send(call: IamCall, signal?: AbortSignal): Promise<void>;
  /** SimulatePrincipalPolicy for the identity's ARN, optionally with a token issued at that time. */
  simulate(arn: string, actionNames: readonly string[], tokenIssueTime?: string, signal?: AbortSignal): Promise<SimulatedDecision[]>;
}

/** Reads the before-state the actions need (and, after acting, the same fields to verify). */
export async function readState(iam: ContainmentIam, identity: ContainedIdentity, actions: readonly ContainmentAction[], signal?: AbortSignal): Promise<BeforeState> {
  const { kind, name } = identity;
  const [accessKeys, loginProfile, attachedPolicyArns, revokeDocument] = await Promise.all([
    actions.includes('deactivate-keys') ? iam.listAccessKeys(name, signal) : undefined,
    actions.includes('disable-console') ? iam.getLoginProfile(name, signal) : undefined,
    actions.includes('deny-all') ? iam.listAttachedPolicyArns(kind, name, signal) : undefined,
    actions.includes('revoke-sessions') ? iam.getInlinePolicy(kind, name, REVOKE_POLICY_NAME, signal) : undefined,
  ]);
  return {
    ...(accessKeys ? { accessKeys } : {}),
    ...(loginProfile ? { loginProfile } : {}),
    ...(attachedPolicyArns ? { attachedPolicyArns } : {}),
    ...(revokeDocument !== undefined ? { revokePolicy: { document: revokeDocument } } : {}),
  };
}

/**
 * The simulations that verify the denies: every verify action for the identity, and for
 * revoke-sessions the same with a token issued a minute before the plan (the deny's condition).
 */
export async function simulateDenies(iam: ContainmentIam, identity: ContainedIdentity, actions: readonly ContainmentAction[], planAt: string, signal?: AbortSignal): Promise<Simulations> {
  const before = new Date(Date.parse(planAt) - 60_000).toISOString();
  const [denyAll, revoke] = await Promise.all([
    actions.includes('deny-all') ? iam.simulate(identity.arn, VERIFY_ACTIONS, undefined, signal) : undefined,
    actions.includes('revoke-sessions') ? iam.simulate(identity.arn, VERIFY_ACTIONS, before, signal) : undefined,
  ]);
  return { ...(denyAll ? { 'deny-all': denyAll } : {}), ...(revoke ? { 'revoke-sessions': revoke } : {}) };
}
