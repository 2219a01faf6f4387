import { resourceNamesOf } from './request-resources';
import type { CloudTrailRecord, EventCategory, NormalizedEvent } from './types';

/** How an event was reached through a temporary key (see FetchedEvent.via). */
export interface ViaLink {
  accessKeyId: string;
  issuedBy: string;
  issuingEventName: string;
}

/** Reads a string field, treating anything that is not a string as absent. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Parses a raw `CloudTrailEvent` string into a record. A record must be a JSON object; anything
 * else (truncated text, an array, a number) is reported as unparseable and shown raw.
 */
export function parseRecord(raw: string): { record: CloudTrailRecord | null; error: string | null } {
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { record: null, error: 'not a JSON object' };
    return { record: value as CloudTrailRecord, error: null };
  } catch (error) {
    return { record: null, error: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

/** A short, stable id for text that has no eventID (FNV-1a; not a security hash). */
export function stableId(textValue: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < textValue.length; i++) {
    hash ^= textValue.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `unparsed-${(hash >>> 0).toString(16).padStart(8, '0')}-${textValue.length}`;
}

/** The text after the last `/` (all of it when there is none), without splitting it into a list. */
function afterLastSlash(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

const services = new Map<string, string>();

/** `s3.amazonaws.com` → `s3`: remembered per event source (a file has a few dozen), so events share one string. */
function serviceOf(eventSource: string): string {
  let service = services.get(eventSource);
  if (service === undefined) {
    service = eventSource.replace(/\.amazonaws\.com$/, '');
    if (services.size < 4_096) services.set(eventSource, service);
  }
  return service;
}

/** The acting principal in one line: `alice`, `Admin/alice-session`, `root`, `ec2.amazonaws.com`. */
export function actorOf(record: CloudTrailRecord): string {
  const identity = record.userIdentity;
  if (!identity || typeof identity !== 'object') return '';
  const type = text(identity.type);
  if (type === 'Root') return 'root';
  if (type === 'AssumedRole') {
    const issuer = text(identity.sessionContext?.sessionIssuer?.userName);
    const session = afterLastSlash(text(identity.arn));
    return issuer ? `${issuer}/${session}` : session || text(identity.principalId);
  }
  if (type === 'AWSService') return text(identity.invokedBy) || 'AWS service';
  return text(identity.userName) || afterLastSlash(text(identity.arn)) || text(identity.principalId) || text(identity.invokedBy);
}

function categoryOf(readOnly: boolean | null, errorCode: string, eventName: string): EventCategory {
  if (errorCode) return 'error';
  if (readOnly === true) return 'read';
  if (readOnly === false) return 'write';
  return /^(Get|List|Describe|Head|Lookup|Search|Check|Select|Scan|Query)/.test(eventName) ? 'read' : 'write';
}

/** Derives the normalised view of one record (parsed) or one raw `CloudTrailEvent` string. */
export function normalizeEvent(input: string | CloudTrailRecord, options: { region?: string; via?: ViaLink | null } = {}): NormalizedEvent {
  const raw = typeof input === 'string' ? input : null;
  const parsed = raw === null ? { record: input as CloudTrailRecord, error: null } : parseRecord(raw);
  const record = parsed.record;
  if (!record) {
    return {
      id: stableId(raw ?? ''),
      time: Number.NaN,
      eventName: '',
      eventSource: '',
      service: '',
      region: options.region ?? '',
      sourceIPAddress: '',
      userAgent: '',
      identityType: '',
      actor: '',
      arn: '',
      accountId: '',
      accessKeyId: '',
      sessionIssuer: '',
      readOnly: null,
      errorCode: '',
      errorMessage: '',
      category: 'write',
      resources: [],
      via: options.via ?? null,
      record: null,
      raw,
      parseError: parsed.error,
    };
  }
  const identity = record.userIdentity && typeof record.userIdentity === 'object' ? record.userIdentity : {};
  const eventName = text(record.eventName);
  const eventSource = text(record.eventSource);
  const errorCode = text(record.errorCode);
  const readOnly = typeof record.readOnly === 'boolean' ? record.readOnly : null;
  const time = Date.parse(text(record.eventTime));
  return {
    id: text(record.eventID) || stableId(raw ?? JSON.stringify(record)),
    time,
    eventName,
    eventSource,
    service: serviceOf(eventSource),
    region: text(record.awsRegion) || options.region || '',
    sourceIPAddress: text(record.sourceIPAddress),
    userAgent: text(record.userAgent),
    identityType: text(identity.type),
    actor: actorOf(record),
    arn: text(identity.arn),
    accountId: text(identity.accountId) || text(record.recipientAccountId),
    accessKeyId: text(identity.accessKeyId),
    sessionIssuer: text(identity.sessionContext?.sessionIssuer?.arn),
    readOnly,
    errorCode,
    errorMessage: text(record.errorMessage),
    category: categoryOf(readOnly, errorCode, eventName),
    resources: resourceNamesOf(record),
    via: options.via ?? null,
    record,
    raw,
    parseError: null,
  };
}
