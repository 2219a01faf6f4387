import type { Condition } from '../condition';

/** Builders that keep rule data short; they return plain condition objects. */
export function call(eventSource: string, ...eventNames: string[]): Condition {
  return { all: [{ field: 'eventSource', equals: eventSource }, { field: 'eventName', oneOf: eventNames }] };
}

/** The call succeeded: CloudTrail wrote no errorCode. */
export const succeeded: Condition = { field: 'errorCode', exists: false };

/** The call was refused for lack of permission. */
export const denied: Condition = {
  any: [
    { field: 'errorCode', oneOf: ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'Forbidden'] },
    { field: 'errorCode', endsWith: 'AccessDenied' },
  ],
};

/** A successful call of one of the named operations. */
export function succeededCall(eventSource: string, ...eventNames: string[]): Condition {
  return { all: [call(eventSource, ...eventNames), succeeded] };
}
