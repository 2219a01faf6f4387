import { DENY_ALL_POLICY_ARN, MANAGED_POLICY_QUOTA, REVOKE_POLICY_NAME, revokeSessionsDocument } from './policies';
import { containmentActions } from './types';
import type { ActionPlan, BeforeState, ContainedIdentity, ContainmentAction, ContainmentPlan } from './types';

/** What the analyst asked for: the actions, and for deactivate-keys the keys named (else every Active one). */
export interface ContainmentRequest {
  actions: ContainmentAction[];
  accessKeyIds?: string[];
}

/** Actions that exist for users only: a role has no access keys and no console password. */
const userOnly: ReadonlySet<ContainmentAction> = new Set(['deactivate-keys', 'disable-console']);

/**
 * Why a request cannot be planned for this identity, in words that say what to do instead
 * (empty when it can). `before` is needed to tell a key that is not the user's.
 */
export function requestProblems(identity: Pick<ContainedIdentity, 'kind' | 'name'>, request: ContainmentRequest, before?: BeforeState): string[] {
  const problems: string[] = [];
  if (request.actions.length === 0) problems.push('Name at least one action: deactivate-keys, disable-console, deny-all, revoke-sessions.');
  if (identity.kind === 'role') {
    for (const action of request.actions.filter((a) => userOnly.has(a)))
      problems.push(`${action} is for users: a role has no access keys or console password. Use deny-all or revoke-sessions for role ${identity.name}.`);
  }
  if (request.accessKeyIds?.length && !request.actions.includes('deactivate-keys'))
    problems.push('--access-key-id names keys for deactivate-keys: add --action deactivate-keys, or leave the key out.');
  if (before?.accessKeys && request.accessKeyIds) {
    const own = new Set(before.accessKeys.map((key) => key.accessKeyId));
    for (const id of request.accessKeyIds.filter((k) => !own.has(k)))
      problems.push(`Access key ${id} is not one of ${identity.name}'s keys (${[...own].join(', ') || 'it has none'}).`);
  }
  return problems;
}

/** The actions once each, in the order of DESIGN 2.7 (keys first, then the console, then denies). */
export function orderedActions(actions: readonly ContainmentAction[]): ContainmentAction[] {
  return containmentActions.filter((action) => actions.includes(action));
}

function deactivateKeys(identity: ContainedIdentity, before: BeforeState, named: string[] | undefined, also: ReadonlySet<ContainmentAction>): ActionPlan {
  const keys = before.accessKeys ?? [];
  const targets = keys.filter((key) => key.status === 'Active' && (!named?.length || named.includes(key.accessKeyId)));
  const alreadyInactive = keys.filter((key) => key.status === 'Inactive' && (!named?.length || named.includes(key.accessKeyId)));
  return {
    action: 'deactivate-keys',
    calls: targets.map((key) => ({ api: 'UpdateAccessKey', params: { UserName: identity.name, AccessKeyId: key.accessKeyId, Status: 'Inactive' } })),
    affects: targets.length
      ? [`Requests signed with ${targets.map((k) => k.accessKeyId).join(', ')} fail from now on (the keys are kept, not deleted).`]
      : [],
    notes: [
      ...(targets.length === 0 ? [keys.length === 0 ? `${identity.name} has no access keys: nothing to do.` : 'No Active key to deactivate: nothing to do.'] : []),
      ...(alreadyInactive.length ? [`Already Inactive, left as they are: ${alreadyInactive.map((k) => k.accessKeyId).join(', ')}.`] : []),
      ...(targets.length && !also.has('revoke-sessions') ? ['Temporary credentials already made from these keys (GetSessionToken) keep working until they expire: add revoke-sessions.'] : []),
    ],
    reversibility: { kind: 'reversible', how: 'Sets the same keys Active again (UpdateAccessKey Status=Active).' },
    recorded: ['the status of each access key'],
  };
}

function disableConsole(identity: ContainedIdentity, before: BeforeState, also: ReadonlySet<ContainmentAction>): ActionPlan {
  const exists = before.loginProfile?.exists === true;
  return {
    action: 'disable-console',
    calls: exists ? [{ api: 'DeleteLoginProfile', params: { UserName: identity.name } }] : [],
    affects: exists ? [`${identity.name} can no longer sign in to the AWS console with a password.`] : [],
    notes: exists
      ? also.has('revoke-sessions') || also.has('deny-all')
        ? []
        : ['Console sessions already open are not ended by this: add revoke-sessions or deny-all.']
      : [`${identity.name} has no console password: nothing to do.`],
    reversibility: {
      kind: 'irreversible',
      how: 'The password is deleted and cannot be given back. Undo creates a new console password (CreateLoginProfile, PasswordResetRequired=true), shown once, to hand to the user.',
    },
    recorded: ['whether a console password existed'],
  };
}

function denyAll(identity: ContainedIdentity, before: BeforeState): ActionPlan {
  const attached = before.attachedPolicyArns ?? [];
  const already = attached.includes(DENY_ALL_POLICY_ARN);
  const param: Record<string, string> = identity.kind === 'user' ? { UserName: identity.name } : { RoleName: identity.name };
  return {
    action: 'deny-all',
    calls: already ? [] : [{ api: identity.kind === 'user' ? 'AttachUserPolicy' : 'AttachRolePolicy', params: { ...param, PolicyArn: DENY_ALL_POLICY_ARN } }],
    affects: already
      ? []
      : identity.kind === 'role'
        ? [`Every request of role ${identity.name} is denied: every person, service, instance or function using it, sessions already open included.`]
        : [`Every request of ${identity.name} is denied, with any key or session, open ones included.`],
    notes: [
      ...(already ? ['AWSDenyAll is already attached: nothing to do, and undo will leave it attached.'] : []),
      ...(!already && attached.length >= MANAGED_POLICY_QUOTA
        ? [`${identity.name} already has ${attached.length} managed policies: the attach fails with LimitExceeded at the default quota of ${MANAGED_POLICY_QUOTA}.`]
        : []),
    ],
    reversibility: { kind: 'reversible', how: 'Detaches AWSDenyAll, only if this run attached it.' },
    recorded: ['the managed policies attached to the identity'],
  };
}

function revokeSessions(identity: ContainedIdentity, before: BeforeState, at: string): ActionPlan {
  const document = revokeSessionsDocument(at);
  const param: Record<string, string> = identity.kind === 'user' ? { UserName: identity.name } : { RoleName: identity.name };
  const existing = before.revokePolicy?.document ?? null;
  return {
    action: 'revoke-sessions',
    calls: [{ api: identity.kind === 'user' ? 'PutUserPolicy' : 'PutRolePolicy', params: { ...param, PolicyName: REVOKE_POLICY_NAME, PolicyDocument: document } }],
    affects:
      identity.kind === 'role'
        ? [`Every session of role ${identity.name} issued before ${at} is denied, whoever assumed it: every person, service, instance or function using the role must assume it again.`]
        : [`Temporary credentials of ${identity.name} issued before ${at} are denied. Its access keys are not (they carry no issue time): deactivate them too.`],
    notes: existing !== null ? [`${identity.name} already has an inline policy ${REVOKE_POLICY_NAME}: it is replaced, and undo puts the old document back.`] : [],
    reversibility: {
      kind: 'reversible',
      how:
        existing !== null
          ? `Puts the earlier ${REVOKE_POLICY_NAME} document back. Sessions issued before then that have not expired work again.`
          : `Deletes the ${REVOKE_POLICY_NAME} inline policy. Sessions issued before ${at} that have not expired work again.`,
    },
    recorded: [`the identity's inline policy ${REVOKE_POLICY_NAME}, if it had one`],
  };
}

/**
 * The plan of a containment run: for each action asked, exactly the calls the run will send, given
 * the identity's state now. A dry run shows this plan; the real run reads the state again, plans
 * again and sends these calls, so the two are the same for the same state and time.
 */
export function planContainment(identity: ContainedIdentity, request: ContainmentRequest, before: BeforeState, at: string): ContainmentPlan {
  const also: ReadonlySet<ContainmentAction> = new Set(request.actions);
  const actions = orderedActions(request.actions).map((action): ActionPlan => {
    switch (action) {
      case 'deactivate-keys':
        return deactivateKeys(identity, before, request.accessKeyIds, also);
      case 'disable-console':
        return disableConsole(identity, before, also);
      case 'deny-all':
        return denyAll(identity, before);
      case 'revoke-sessions':
        return revokeSessions(identity, before, at);
    }
  });
  return { identity, at, actions, before };
}

/** Every call of a plan, in the order they are sent. */
export function planCalls(plan: Pick<ContainmentPlan, 'actions'>) {
  return plan.actions.flatMap((action) => action.calls);
}
