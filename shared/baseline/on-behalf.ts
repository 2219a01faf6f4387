import type { NormalizedEvent } from '../records/types';

/** A service name in `sourceIPAddress` (`lambda.amazonaws.com`, `cloudformation.amazonaws.com`). */
const serviceName = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/i;

/**
 * The AWS service that made a call on the identity's behalf, or '' when the identity called
 * itself. CloudTrail says so by `userIdentity.invokedBy`, or by a `sourceIPAddress` of
 * `AWS Internal` or a service name. Such calls follow what the identity set up, not where it is,
 * so they are counted apart and never make anything "new".
 */
export function onBehalfOf(event: NormalizedEvent): string {
  const invokedBy = event.record?.userIdentity?.invokedBy;
  if (typeof invokedBy === 'string' && invokedBy.trim()) return invokedBy.trim().slice(0, 120);
  const source = event.sourceIPAddress.trim();
  if (source === 'AWS Internal') return source;
  if (serviceName.test(source)) return source.slice(0, 120);
  return '';
}
