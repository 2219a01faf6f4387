/** The one server-side filter of a LookupEvents call. */
export interface LookupAttribute {
  key: 'Username' | 'AccessKeyId' | 'ResourceName';
  value: string;
}

/** One LookupEvents query page request: the window stays fixed while a NextToken pages it. */
export interface LookupRequest {
  attribute: LookupAttribute;
  start: Date;
  end: Date;
  nextToken: string | null;
  /** Called when the request leaves (after signing), for the rate limiter's clock. */
  onSend?: () => void;
}

/** One event of a page: the raw `CloudTrailEvent` text, untouched, with its id and time. */
export interface LookupItem {
  eventId: string;
  /** Milliseconds since the epoch (LookupEvents' EventTime). */
  time: number;
  raw: string;
}

export interface LookupPage {
  events: LookupItem[];
  nextToken: string | null;
}

/**
 * What the engine calls: the real LookupEvents through the SDK, or the demo's in-process
 * stand-in. `limitKey` names the account so that one rate limiter serves every query of it.
 */
export interface LookupSource {
  /** The profile's name, for messages. */
  profile: string;
  limitKey: string;
  /** Names the account and endpoint in cache keys, so cached pages never cross accounts. */
  cacheKey: string;
  /** Calls per second the service allows per account and region. */
  callsPerSecond: number;
  lookup(region: string, request: LookupRequest, signal: AbortSignal): Promise<LookupPage>;
}
