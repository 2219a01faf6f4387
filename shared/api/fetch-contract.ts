import { z } from 'zod';

import { ApiErrorShapeSchema } from './error-schema';
import {
  AccessKeyId,
  AthenaName,
  AthenaWorkgroup,
  Empty,
  Id,
  Identity,
  IsoTime,
  LocalPath,
  ProfileName,
  Region,
  ResourceName,
  RoleName,
  S3Url,
  SourceAddress,
} from './primitives';

/**
 * Where the events come from: LookupEvents (`lookup`, 90 days of management events), CloudTrail
 * log files on this machine (`files`, a folder or one file), the trail's objects in S3 (`s3`), or
 * an Athena table over them (`athena`).
 */
export const FetchSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lookup') }),
  z.strictObject({ kind: z.literal('files'), path: LocalPath }),
  z.strictObject({ kind: z.literal('s3'), url: S3Url }),
  z.strictObject({
    kind: z.literal('athena'),
    database: AthenaName,
    table: AthenaName,
    workgroup: AthenaWorkgroup.optional(),
    /** Where Athena writes its results (else the workgroup's own location). */
    output: S3Url.optional(),
    /** The analyst's threshold: a query estimated above it runs only once confirmed (default $1.00). */
    maxCostUsd: z.number().nonnegative().max(1_000_000).optional(),
    /** The estimate the analyst accepted; a fresh one up to 10% above it still runs (the data may grow). */
    confirmedUsd: z.number().nonnegative().max(1_000_000).optional(),
  }),
]);
export type FetchSource = z.infer<typeof FetchSource>;
export type FetchSourceKind = FetchSource['kind'];

/**
 * Whose events to fetch: an identity (any source), or a pivot only the other sources can make
 * (LookupEvents filters on one attribute and not on an address): everyone behind a source
 * address, every session of a role, everyone who touched a resource.
 */
export const Subject = z.discriminatedUnion('kind', [
  ...Identity.options,
  z.strictObject({ kind: z.literal('ip'), address: SourceAddress }),
  z.strictObject({ kind: z.literal('role'), roleName: RoleName }),
  z.strictObject({ kind: z.literal('resource'), name: ResourceName }),
]);
export type Subject = z.infer<typeof Subject>;
export type SubjectKind = Subject['kind'];

/** The subject's value as typed: a user name, a key id, an address, a role or resource name. */
export function subjectValue(subject: Subject): string {
  switch (subject.kind) {
    case 'user':
      return subject.userName;
    case 'accessKey':
      return subject.accessKeyId;
    case 'ip':
      return subject.address;
    case 'role':
      return subject.roleName;
    case 'resource':
      return subject.name;
  }
}

/** True for the subjects LookupEvents can fetch: an identity, or a resource (its `ResourceName`). */
export function isLookupSubject(subject: Subject): boolean {
  return subject.kind === 'user' || subject.kind === 'accessKey' || subject.kind === 'resource';
}

const LOOKUP: FetchSource = { kind: 'lookup' };

/** The source a query reads: its own, or LookupEvents when it names none. */
export function sourceOf(query: { source?: FetchSource | undefined }): FetchSource {
  return query.source ?? LOOKUP;
}

/** What to fetch: one subject, from one source, in some regions, over a time range. */
export const FetchQuery = z
  .strictObject({
    profile: ProfileName,
    /** The regions to read; a source other than lookup reads every region when none is given. */
    regions: z.array(Region).max(64),
    identity: Subject,
    start: IsoTime,
    end: IsoTime,
    /** Also fetch what temporary keys issued to this identity (AssumeRole…) did. */
    followSessions: z.boolean().default(true),
    /** Absent: LookupEvents (every query before sources existed, and the default). */
    source: FetchSource.optional(),
  })
  .refine((q) => Date.parse(q.start) < Date.parse(q.end), { message: 'start must be before end', path: ['start'] })
  .refine((q) => sourceOf(q).kind !== 'lookup' || q.regions.length > 0, { message: 'Pick at least one region.', path: ['regions'] })
  .refine((q) => sourceOf(q).kind !== 'lookup' || isLookupSubject(q.identity), {
    message: 'LookupEvents cannot filter by source address or role: choose log files, S3 or Athena as the source to search by them.',
    path: ['identity'],
  });
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

/** Progress of a source other than lookup: files (S3 objects, Athena result pages) done of all, bytes, events. */
export const SourceProgress = z.object({
  kind: z.enum(['files', 's3', 'athena']),
  /** What `done` and `total` count: log files, S3 objects, or Athena result pages. */
  unit: z.enum(['files', 'objects', 'pages']),
  done: z.number().int().nonnegative(),
  /** Null while unknown (Athena before its query has run). */
  total: z.number().int().nonnegative().nullable(),
  bytesDone: z.number().nonnegative(),
  bytes: z.number().nonnegative().nullable(),
  events: z.number().int().nonnegative(),
  /** Files that could not be read (corrupt, truncated), named; the others still load. */
  failed: z.array(z.object({ name: z.string(), message: z.string() })).max(1000),
  /** What the source is doing now, in a few words ("listing objects", "query running"). */
  phase: z.string().max(200).nullable(),
});
export type SourceProgress = z.infer<typeof SourceProgress>;

/** A fetch as the host keeps it: its query, state and progress. */
export const FetchStatus = z.object({
  fetchId: Id,
  query: FetchQuery,
  state: FetchState,
  regions: z.array(RegionProgress),
  /** Set for a source other than lookup, which has no per-region streams. */
  sourceProgress: SourceProgress.optional(),
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
  /**
   * The demo account written as CloudTrail log files on this machine (generated at first use, in
   * the cache folder), so the log-files source can be tried without AWS: the folder to read.
   */
  prepareDemoLogFiles: { input: Empty, output: z.object({ path: z.string() }) },
} as const;
