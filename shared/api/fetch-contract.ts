import { z } from 'zod';

import { ApiErrorShapeSchema } from './error-schema';
import { AccessKeyId, Empty, Id, Identity, IsoTime, ProfileName, Region } from './primitives';

/** What to fetch: one identity, in some regions, over a time range. */
export const FetchQuery = z
  .strictObject({
    profile: ProfileName,
    regions: z.array(Region).min(1).max(64),
    identity: Identity,
    start: IsoTime,
    end: IsoTime,
    /** Also fetch what temporary keys issued to this identity (AssumeRole…) did. */
    followSessions: z.boolean().default(true),
  })
  .refine((q) => Date.parse(q.start) < Date.parse(q.end), { message: 'start must be before end', path: ['start'] });
export type FetchQuery = z.infer<typeof FetchQuery>;

/** How an event was reached when it was not the identity's own: through a temporary key. */
export const SessionLink = z.object({
  accessKeyId: AccessKeyId,
  /** The eventID of the AssumeRole / GetSessionToken / GetFederationToken call that issued it. */
  issuedBy: z.string(),
  issuingEventName: z.string(),
});
export type SessionLink = z.infer<typeof SessionLink>;

/**
 * One event as fetched: `raw` is the CloudTrail record exactly as AWS sent it (the
 * `CloudTrailEvent` string), kept unparsed so that nothing is lost, even when it is not valid JSON.
 */
export const FetchedEvent = z.object({
  eventId: z.string(),
  region: Region,
  raw: z.string(),
  via: SessionLink.optional(),
});
export type FetchedEvent = z.infer<typeof FetchedEvent>;

export const FetchState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type FetchState = z.infer<typeof FetchState>;

/** Progress of one region's stream. */
export const RegionProgress = z.object({
  region: Region,
  state: FetchState,
  pages: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  /** Calls that had to wait for the rate limiter, and throttled responses. */
  rateLimitWaits: z.number().int().nonnegative(),
  throttled: z.number().int().nonnegative(),
  waitingOnRateLimit: z.boolean(),
  /** Share of the time range covered so far, 0 to 1. */
  covered: z.number().min(0).max(1),
  etaSeconds: z.number().nonnegative().nullable(),
  error: ApiErrorShapeSchema.nullable(),
});
export type RegionProgress = z.infer<typeof RegionProgress>;

/** A fetch as the host keeps it: its query, state and progress. */
export const FetchStatus = z.object({
  fetchId: Id,
  query: FetchQuery,
  state: FetchState,
  regions: z.array(RegionProgress),
  eventCount: z.number().int().nonnegative(),
  startedAt: IsoTime,
  updatedAt: IsoTime,
  error: ApiErrorShapeSchema.nullable(),
});
export type FetchStatus = z.infer<typeof FetchStatus>;

const FetchRef = z.strictObject({ fetchId: Id });

export const fetchContract = {
  /** Starts fetching; pages arrive as `fetch.events` stream messages. */
  startFetch: { input: FetchQuery, output: z.object({ fetchId: Id }) },
  /** Stops every request of the fetch; what arrived is kept. */
  cancelFetch: { input: FetchRef, output: Empty },
  /**
   * Stops the fetches still starting (resolving credentials: a credential_process, an STS call),
   * before they have an id to cancel; their startFetch answers CANCELLED.
   */
  cancelStartingFetches: { input: Empty, output: Empty },
  /** Continues a failed, cancelled or interrupted fetch from its stored cursors. */
  resumeFetch: { input: FetchRef, output: z.object({ fetchId: Id }) },
  getFetch: { input: FetchRef, output: FetchStatus },
  listFetches: { input: Empty, output: z.array(FetchStatus) },
  /** Reads stored events of a fetch, a page at a time. */
  getFetchEvents: {
    input: z.strictObject({ fetchId: Id, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }),
    output: z.object({ events: z.array(FetchedEvent), total: z.number().int().nonnegative() }),
  },
} as const;
