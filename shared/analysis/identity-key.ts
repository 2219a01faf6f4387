import type { NormalizedEvent } from '../records/types';

/**
 * Who acted, as one key for grouping an identity's events: the IAM user's ARN, the role an
 * assumed-role session came from (every session of a role is one identity), the root user of an
 * account, or the service that acted. Empty when the record does not say.
 */
export function identityKeyOf(event: NormalizedEvent): string {
  const type = event.identityType;
  if (type === 'AssumedRole') return event.sessionIssuer || roleOfSessionArn(event.arn) || event.arn;
  if (type === 'Root') return event.arn || `root:${event.accountId}`;
  if (type === 'AWSService') return event.actor;
  return event.arn || event.actor;
}

/**
 * One person or process behind the calls, for where they were: the IAM user, or one role
 * session (two sessions of a shared role may well be two people in two places).
 */
export function actorKeyOf(event: NormalizedEvent): string {
  return event.identityType === 'AssumedRole' ? event.arn || event.actor : identityKeyOf(event);
}

/** `arn:aws:sts::1:assumed-role/Role/session` → `arn:aws:iam::1:role/Role`. */
function roleOfSessionArn(arn: string): string {
  const match = /^arn:([\w-]+):sts::(\d*):assumed-role\/(.+)\/[^/]*$/.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : '';
}
