import { z } from 'zod';

import { DatasetId, DatasetInfoSchema } from './intel-contract';
import { MuteSchema } from './investigation-contract';
import { Id } from './primitives';

/**
 * The analysis of a fetch's events in the app (DESIGN 2.6), run on the host where the enrichment
 * data lives, with the same engine as `trailcase analyze`. The answer is bounded by the number of
 * findings and distinct addresses: per-event flags are not sent (the renderer flags events itself
 * with the same rule pack), so 100,000 events never become 100,000 flag lists.
 */
export const Severity = z.enum(['info', 'low', 'medium', 'high', 'critical']);

export const FindingKind = z.enum([
  'impossible-travel',
  'new-country',
  'new-asn',
  'new-user-agent',
  'tor-exit',
  'pentest-tool',
  'instance-credentials-outside-aws',
  'recon-burst',
  'password-spraying',
  'repeated-sign-in-failures',
  'console-without-mfa',
  'logging-tampering',
  'privilege-escalation',
  'persistence',
  'exfiltration',
  'concurrent-sessions',
]);

export const FindingSchema = z.object({
  kind: FindingKind,
  severity: Severity,
  title: z.string(),
  summary: z.string(),
  summaryParts: z.array(z.union([z.object({ text: z.string() }), z.object({ value: z.string() })])),
  eventIDs: z.array(z.string()),
  attack: z.array(z.string()),
  /** For `concurrent-sessions`: the events from the usual address and from the new one. */
  parties: z.object({ usual: z.array(z.string()), new: z.array(z.string()) }).optional(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export type FindingView = z.infer<typeof FindingSchema>;

export const SourceSchema = z.object({
  ip: z.string(),
  country: z.string().nullable(),
  asn: z.number().nullable(),
  asOrg: z.string().nullable(),
  aws: z.string().nullable(),
  tor: z.boolean().nullable(),
  events: z.number(),
  kind: z.enum(['public', 'private', 'aws-internal', 'service', 'invalid']),
  awsRegion: z.string().nullable(),
});
export type SourceView = z.infer<typeof SourceSchema>;

export const FlagGroupSchema = z.object({
  ruleId: z.string(),
  eventName: z.string(),
  resource: z.string(),
  count: z.number().int().nonnegative(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  routine: z.boolean(),
  routineCount: z.number().int().nonnegative(),
  mutedCount: z.number().int().nonnegative(),
  title: z.string(),
  severity: Severity,
  eventIds: z.array(z.string()),
});
export type FlagGroupView = z.infer<typeof FlagGroupSchema>;

export const FetchAnalysis = z.object({
  fetchId: Id,
  /** How many events were analysed (the fetch's stored events when the call ran). */
  eventCount: z.number().int().nonnegative(),
  rulePack: z.string(),
  findings: z.array(FindingSchema),
  sources: z.array(SourceSchema),
  /** The data sets behind the enrichment, with their dates (PROMISES 22). */
  datasets: z.array(DatasetInfoSchema),
  /** Data sets not loaded: what they would say reads as unknown, never as "no". */
  missing: z.array(DatasetId),
  notes: z.array(z.string()),
  /** The baseline the analysis compared with (the identity's earlier history), null without one. */
  baseline: z.object({ start: z.string(), end: z.string(), events: z.number().int().nonnegative() }).nullable().optional(),
  /** Flagged events, routine ones among them, flags the baseline raised, flags muted. */
  counts: z.object({ flagged: z.number(), routine: z.number(), raised: z.number(), muted: z.number() }).optional(),
  /** Repeated flags as one line each (shared/baseline/groups.ts). */
  groups: z.array(FlagGroupSchema).optional(),
  /** Flagged events that are routine for their identity: shown de-emphasised, never hidden. */
  routineEventIds: z.array(z.string()).optional(),
});
export type FetchAnalysis = z.infer<typeof FetchAnalysis>;

export const analysisContract = {
  /** Analyses the stored events of a fetch (running or stopped) with the data folder's enrichment. */
  analyzeFetch: {
    /** `mutes`: the investigation's mutes (rule for an identity, reason, expiry), bounded as it stores them. */
    input: z.strictObject({ fetchId: Id, baselineFetchId: Id.optional(), mutes: z.array(MuteSchema).max(500).optional() }),
    output: FetchAnalysis,
  },
} as const;
