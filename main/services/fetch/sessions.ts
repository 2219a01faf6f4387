import type { SessionLink } from '../../../shared/api/fetch-contract';

const issuingEvents = new Set(['AssumeRole', 'GetSessionToken', 'GetFederationToken']);

/** Longest life of a temporary key from these calls (GetSessionToken, GetFederationToken: 36 h). */
export const SESSION_LIFETIME_MS = 36 * 3600_000;

/**
 * The temporary key an event issued, when it is a successful AssumeRole, GetSessionToken or
 * GetFederationToken: `responseElements.credentials.accessKeyId`. The record is untrusted text;
 * anything not shaped as expected issues nothing.
 */
export function issuedSession(raw: string, eventId: string): { link: SessionLink; time: number } | null {
  if (!raw.includes('"credentials"')) return null;
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!record || typeof record !== 'object') return null;
  const { eventName, errorCode, responseElements, eventTime } = record as Record<string, unknown>;
  if (typeof eventName !== 'string' || !issuingEvents.has(eventName) || errorCode) return null;
  const credentials = (responseElements as { credentials?: { accessKeyId?: unknown } } | null | undefined)?.credentials;
  const accessKeyId = credentials?.accessKeyId;
  if (typeof accessKeyId !== 'string' || !/^ASIA[A-Z0-9]{12,124}$/.test(accessKeyId)) return null;
  const time = typeof eventTime === 'string' ? Date.parse(eventTime) : Number.NaN;
  if (!Number.isFinite(time)) return null;
  return { link: { accessKeyId, issuedBy: eventId, issuingEventName: eventName }, time };
}
