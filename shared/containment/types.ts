/** The containment actions of DESIGN 2.7, in the order a run makes them. */
export const containmentActions = ['deactivate-keys', 'disable-console', 'deny-all', 'revoke-sessions'] as const;
export type ContainmentAction = (typeof containmentActions)[number];

/** Tells an action name from any other text. */
export function isContainmentAction(value: unknown): value is ContainmentAction {
  return typeof value === 'string' && (containmentActions as readonly string[]).includes(value);
}

/**
 * The identity acted on, keyed by its unique id (`AIDA…` for a user, `AROA…` for a role): a user
 * deleted and created again under the same name gets another id and is never the one acted on.
 */
export interface ContainedIdentity {
  kind: 'user' | 'role';
  name: string;
  uniqueId: string;
  arn: string;
}

/** A parameter value as the SDK takes it (the Query protocol sends each as text). */
export type CallValue = string | boolean;

/** One IAM call exactly as it will be sent: the API name and its parameters. */
export interface IamCall {
  api: MutatingApi;
  params: Record<string, CallValue>;
}

/** The IAM APIs containment and its undo may call; nothing else in Trailcase writes to AWS. */
export const mutatingApis = [
  'UpdateAccessKey',
  'DeleteLoginProfile',
  'CreateLoginProfile',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'PutUserPolicy',
  'DeleteUserPolicy',
  'PutRolePolicy',
  'DeleteRolePolicy',
] as const;
export type MutatingApi = (typeof mutatingApis)[number];

/**
 * What the identity looked like before acting, as much as the chosen actions need, so that undo
 * puts it back exactly. Absent fields were not read (the action did not need them).
 */
export interface BeforeState {
  /** Every access key of a user with its status. */
  accessKeys?: { accessKeyId: string; status: 'Active' | 'Inactive' }[];
  /** Whether the user had a console password (GetLoginProfile; NoSuchEntity is false). */
  loginProfile?: { exists: boolean; passwordResetRequired?: boolean };
  /** The managed policies attached to the identity itself (not its groups'). */
  attachedPolicyArns?: string[];
  /** The identity's inline policy of containment's name, if it already had one (its document as read). */
  revokePolicy?: { document: string | null };
}

/** Whether an action can be undone, and how. */
export interface Reversibility {
  kind: 'reversible' | 'irreversible' | 'partly';
  /** In words: what undo does, or why it cannot give back what was there. */
  how: string;
}

/** One action's plan: its calls, what they affect, and how undo would go. */
export interface ActionPlan {
  action: ContainmentAction;
  /** Exactly the calls the run sends, in order; empty when there is nothing to do. */
  calls: IamCall[];
  /** What the calls affect, in plain words (a role's every user, sessions, keys…). */
  affects: string[];
  /** Why there are no calls, or what may go wrong (a quota), shown beside the calls. */
  notes: string[];
  reversibility: Reversibility;
  /** The before-state that undo needs, in words (shown so the analyst knows what is kept). */
  recorded: string[];
}

/** The whole plan of a run: the identity, the time it was made at, and each action's plan. */
export interface ContainmentPlan {
  identity: ContainedIdentity;
  /** ISO time: the revoke-sessions deny applies to credentials issued before it. */
  at: string;
  actions: ActionPlan[];
  before: BeforeState;
}
