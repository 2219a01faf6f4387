import { coversAction, onlySelf, reachesAnyResource } from './statements';
import type { Statement, StatementRef } from './statements';

/** One action the identity's policies allow, and the statements that grant it. */
export interface Grant {
  action: string;
  grantedBy: StatementRef[];
  /** Some granting statement reaches every resource (`*` or a NotResource). */
  anyResource: boolean;
  /** Every granting statement is limited to the caller's own user (`${aws:username}`). */
  onlySelf: boolean;
  /** Every granting statement has a Condition: granted only when it holds. */
  conditional: boolean;
  /** Deny statements that cover the action only for some resources or under a condition. */
  limitedBy: StatementRef[];
}

/**
 * Whether `action` is allowed, as IAM evaluates identity policies: an Allow covers it, no
 * unconditional Deny on every resource removes it, and the permissions boundary (if any) allows it
 * too. A Deny with a condition or on some resources only is kept as a limit, not a removal.
 */
export function grantOf(action: string, identity: Statement[], boundary: Statement[] | null): Grant | null {
  const allows = identity.filter((statement) => statement.effect === 'Allow' && coversAction(statement, action));
  if (allows.length === 0) return null;
  const denies = [...identity, ...(boundary ?? [])].filter((statement) => statement.effect === 'Deny' && coversAction(statement, action));
  if (denies.some((statement) => !statement.hasCondition && reachesAnyResource(statement) && !statement.notResource)) return null;
  if (boundary && !boundary.some((statement) => statement.effect === 'Allow' && coversAction(statement, action))) return null;
  return {
    action,
    grantedBy: allows.map((statement) => statement.ref),
    anyResource: allows.some(reachesAnyResource),
    onlySelf: allows.every(onlySelf),
    conditional: allows.every((statement) => statement.hasCondition),
    limitedBy: denies.map((statement) => statement.ref),
  };
}
