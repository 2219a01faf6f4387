/** Where a statement was written: the policy (name, ARN for a managed one), whose it is, and its place. */
export interface StatementRef {
  policy: string;
  policyArn: string | null;
  /** `user alice`, `group developers`, `role deploy`, `boundary`. */
  attachedTo: string;
  /** Its index in the policy's Statement array (0 for a single statement object). */
  index: number;
  sid: string | null;
}

/** One statement of a policy document, normalised: lists always lists, the original kept for display. */
export interface Statement {
  ref: StatementRef;
  effect: 'Allow' | 'Deny';
  action: string[] | null;
  notAction: string[] | null;
  resource: string[] | null;
  notResource: string[] | null;
  hasCondition: boolean;
}

/** A policy as the analysis takes it: the document as IAM stores it (parsed JSON), or null. */
export interface PolicyInput {
  name: string;
  arn: string | null;
  attachedTo: string;
  document: unknown;
}

const strings = (value: unknown): string[] | null => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return null;
};

/**
 * The statements of a policy document. The document is the service's data: anything that is not
 * a well-formed statement (no Effect, no Action or NotAction) is skipped, never trusted.
 */
export function statementsOf(policy: PolicyInput): Statement[] {
  const document = policy.document as { Statement?: unknown } | null;
  if (!document || typeof document !== 'object') return [];
  const raw = Array.isArray(document.Statement) ? (document.Statement as unknown[]) : document.Statement ? [document.Statement] : [];
  return raw.flatMap((item, index): Statement[] => {
    if (!item || typeof item !== 'object') return [];
    const statement = item as Record<string, unknown>;
    const effect = statement.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') return [];
    const action = strings(statement.Action);
    const notAction = strings(statement.NotAction);
    if (!action && !notAction) return [];
    const condition = statement.Condition;
    return [
      {
        ref: { policy: policy.name, policyArn: policy.arn, attachedTo: policy.attachedTo, index, sid: typeof statement.Sid === 'string' ? statement.Sid : null },
        effect,
        action,
        notAction,
        resource: strings(statement.Resource),
        notResource: strings(statement.NotResource),
        hasCondition: !!condition && typeof condition === 'object' && Object.keys(condition).length > 0,
      },
    ];
  });
}

const patternCache = new Map<string, RegExp>();

/** IAM's wildcard match, case-insensitive for actions: `*` any run, `?` one character. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = true): boolean {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let regex = patternCache.get(key);
  if (!regex) {
    regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, caseInsensitive ? 'i' : '');
    if (patternCache.size > 5000) patternCache.clear();
    patternCache.set(key, regex);
  }
  return regex.test(value);
}

/** Whether a statement's Action (or NotAction) covers `service:Action`. */
export function coversAction(statement: Statement, action: string): boolean {
  if (statement.action) return statement.action.some((pattern) => wildcardMatch(pattern, action));
  return !statement.notAction!.some((pattern) => wildcardMatch(pattern, action));
}

/** Whether a statement reaches every resource (Resource `*`, or a NotResource: all but a few). */
export function reachesAnyResource(statement: Statement): boolean {
  if (statement.notResource) return true;
  return (statement.resource ?? []).some((pattern) => pattern === '*');
}

/** Whether a statement only reaches the caller's own user (`${aws:username}` in every resource). */
export function onlySelf(statement: Statement): boolean {
  const resources = statement.resource ?? [];
  return resources.length > 0 && resources.every((pattern) => pattern.includes('${aws:username}'));
}
