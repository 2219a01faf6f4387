/**
 * A CloudTrail record exactly as AWS writes it: the JSON inside LookupEvents' `CloudTrailEvent`,
 * or one element of a log file's `Records`. Every field is optional and untrusted; the named ones
 * are those Trailcase reads. Records are never rewritten: normalised views are derived from them.
 */
export interface CloudTrailRecord {
  eventVersion?: string;
  eventTime?: string;
  eventSource?: string;
  eventName?: string;
  awsRegion?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  eventID?: string;
  eventType?: string;
  readOnly?: boolean;
  errorCode?: string;
  errorMessage?: string;
  recipientAccountId?: string;
  managementEvent?: boolean;
  eventCategory?: string;
  userIdentity?: UserIdentity;
  requestParameters?: unknown;
  responseElements?: unknown;
  additionalEventData?: unknown;
  resources?: Array<{ ARN?: string; accountId?: string; type?: string }>;
  tlsDetails?: unknown;
  sessionCredentialFromConsole?: string;
  [field: string]: unknown;
}

export interface UserIdentity {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: {
    sessionIssuer?: { type?: string; principalId?: string; arn?: string; accountId?: string; userName?: string };
    attributes?: { creationDate?: string; mfaAuthenticated?: string };
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** Broad kinds of event, for the timeline's stacks and the read/write toggle. */
export type EventCategory = 'read' | 'write' | 'error';

/**
 * The derived, normalised view of one record. `record` is the record itself (untouched) or null
 * when the raw text could not be parsed, in which case `raw` holds it and `parseError` says why.
 */
export interface NormalizedEvent {
  /** The eventID, or a stable id derived from the raw text when there is none. */
  id: string;
  /** Milliseconds since the epoch; NaN when eventTime is missing or invalid. */
  time: number;
  eventName: string;
  eventSource: string;
  /** The short service name (`iam` for iam.amazonaws.com). */
  service: string;
  region: string;
  sourceIPAddress: string;
  userAgent: string;
  identityType: string;
  /** A one-line label of who acted: user name, role/session, or principal. */
  actor: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  /** The role or user the session was issued by, for assumed roles. */
  sessionIssuer: string;
  /** true, false, or null when CloudTrail did not say. */
  readOnly: boolean | null;
  errorCode: string;
  errorMessage: string;
  category: EventCategory;
  /** ARNs or names of the resources the event touched. */
  resources: string[];
  /** How the event was reached, when through a temporary key the identity was issued. */
  via: { accessKeyId: string; issuedBy: string; issuingEventName: string } | null;
  record: CloudTrailRecord | null;
  raw: string | null;
  parseError: string | null;
}
