import { z } from 'zod';

import { ApiErrorShapeSchema } from './error-schema';
import { FetchedEvent, FetchState, RegionProgress, SourceProgress } from './fetch-contract';
import { Id, ProfileName } from './primitives';

/** Messages the host pushes to the renderer: fetch progress, pages of events, prompts. */
export const StreamMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('fetch.progress'),
    fetchId: Id,
    regions: z.array(RegionProgress),
    sourceProgress: SourceProgress.optional(),
    eventCount: z.number(),
  }),
  z.object({ type: z.literal('fetch.events'), fetchId: Id, events: z.array(FetchedEvent) }),
  z.object({ type: z.literal('fetch.state'), fetchId: Id, state: FetchState, error: ApiErrorShapeSchema.nullable() }),
  z.object({
    type: z.literal('mfa.request'),
    requestId: z.string(),
    profile: ProfileName,
    mfaSerial: z.string(),
  }),
  z.object({ type: z.literal('mfa.settled'), requestId: z.string() }),
  /** A deep link arrived while the app was open: fill the investigation form with it. */
  z.object({ type: z.literal('deeplink.open'), query: z.string().max(2048) }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;
