import type { Condition } from '../condition';

/** Builders that keep rule data short; they return plain condition objects. */
export function call(eventSource: string, ...eventNames: string[]): Condition {
  return { all: [{ field: 'eventSource', equals: eventSource }, { field: 'eventName', oneOf: eventNames }] };
}

/** The call succeeded: CloudTrail wrote no errorCode (a few exports write `Success`). */
export const succeeded: Condition = { any: [{ field: 'errorCode', exists: false }, { field: 'errorCode', equals: 'Success' }] };

/** The call failed, for whatever reason. */
export const failed: Condition = { not: succeeded };

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

/**
 * An AWS service acting on its own or on someone's behalf (CloudFormation, Auto Scaling, Backup,
 * Data Lifecycle Manager…): the caller's type is AWSService, CloudTrail names who invoked the
 * call, the source is a service name rather than an address, or the caller is a service-linked
 * role. Routine automation looks so.
 */
export const byAwsService: Condition = {
  any: [
    { field: 'userIdentity.type', equals: 'AWSService' },
    { field: 'userIdentity.invokedBy', exists: true },
    { field: 'sourceIPAddress', endsWith: '.amazonaws.com' },
    { field: 'userIdentity.arn', includes: ':assumed-role/AWSServiceRoleFor' },
  ],
};

/** A call made by a person or their own tooling, not by an AWS service. */
export const notByAwsService: Condition = { not: byAwsService };

/** A successful call of one of the named operations, not made by an AWS service. */
export function personCall(eventSource: string, ...eventNames: string[]): Condition {
  return { all: [succeededCall(eventSource, ...eventNames), notByAwsService] };
}

/** The field holds false, as a boolean or as the text CloudTrail sometimes logs. */
export function isFalse(field: string): Condition {
  return { any: [{ field, equals: false }, { field, equals: 'false' }] };
}

/** The field holds true, as a boolean or as text. */
export function isTrue(field: string): Condition {
  return { any: [{ field, equals: true }, { field, equals: 'true' }] };
}

/** The accounts a call's own account is read from (the account the event belongs to, else the caller's). */
export const ownAccount = 'recipientAccountId|userIdentity.accountId';

/** Everyone (`*`) as a principal, plain or as `{"AWS": "*"}`. */
const everyone: Condition = { any: [{ field: 'Principal', equals: '*' }, { field: 'Principal.AWS', equals: '*' }, { field: 'Principal.CanonicalUser', equals: '*' }] };

/**
 * The policy document at the field (an object, or JSON in a string) has a statement that
 * allows everyone without any condition: anyone on the internet gets the access.
 */
export function allowsEveryone(field: string): Condition {
  return { field, json: { field: 'Statement', some: { all: [{ field: 'Effect', equals: 'Allow' }, everyone, { field: 'Condition', exists: false }] } } };
}

/** The policy document at the field has a statement allowing every action on every resource. */
export function allowsEverything(field: string): Condition {
  return {
    field,
    json: {
      field: 'Statement',
      some: { all: [{ field: 'Effect', equals: 'Allow' }, { field: 'Action', oneOf: ['*', '*:*'] }, { field: 'Resource', equals: '*' }] },
    },
  };
}

/** Some principal or value at the field names another AWS account than the event's own. */
export function namesOtherAccount(field: string): Condition {
  return { field, namesAccountOtherThan: ownAccount };
}
