import { z } from 'zod';

import { Empty } from './primitives';

/**
 * Offline IP enrichment (DESIGN 2.2 `intel`): which data sets are in use, and Update, which
 * downloads AWS's ranges and Tor's exit list from their official URLs when the analyst asks. The
 * renderer cannot name a URL or a file: imports go through the CLI, Update to fixed addresses.
 */
export const DatasetId = z.enum(['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits']);

export const DatasetInfoSchema = z.object({
  id: DatasetId,
  name: z.string(),
  origin: z.enum(['bundled', 'imported']),
  date: z.string().nullable(),
  entries: z.number(),
  source: z.string().optional(),
  importedAt: z.string().optional(),
  credit: z.string().optional(),
});

export const IntelStatusSchema = z.object({
  datasets: z.array(DatasetInfoSchema),
  /** Data sets not loaded: what they would say reads as unknown (null), never as "no". */
  missing: z.array(DatasetId),
  /** Why a stored data set could not be used, if one could not. */
  problems: z.array(z.string()),
});
export type IntelStatus = z.infer<typeof IntelStatusSchema>;

export const UpdatableList = z.enum(['aws-ip-ranges', 'tor-exits']);

export const IntelUpdateOutcome = z.discriminatedUnion('ok', [
  z.object({ id: UpdatableList, url: z.string(), ok: z.literal(true), dataset: DatasetInfoSchema }),
  z.object({ id: UpdatableList, url: z.string(), ok: z.literal(false), error: z.string() }),
]);

export const intelContract = {
  intelStatus: { input: Empty, output: IntelStatusSchema },
  /** Downloads the lists (both unless named); a failure keeps the data set in use and says why. */
  intelUpdate: {
    input: z.strictObject({ lists: z.array(UpdatableList).min(1).max(2).optional() }),
    output: z.object({ outcomes: z.array(IntelUpdateOutcome), status: IntelStatusSchema }),
  },
} as const;
