import { z } from 'zod';

import { FetchQuery } from './fetch-contract';

/** What an Athena query would scan at most (every object of its day partitions) and its bill. */
export const AthenaScanEstimate = z.object({
  bytes: z.number().nonnegative(),
  /** Rounded up to the megabyte, 10 MB at least: what Athena bills. */
  billedBytes: z.number().nonnegative(),
  usd: z.number().nonnegative(),
  /** Day partitions read, and the objects in them. */
  days: z.number().int().nonnegative(),
  objects: z.number().int().nonnegative(),
});
export type AthenaScanEstimate = z.infer<typeof AthenaScanEstimate>;

/** Athena before a fetch: the scan's estimate, so the analyst confirms a costly query before it runs. */
export const athenaContract = {
  estimateAthenaScan: { input: FetchQuery, output: AthenaScanEstimate },
} as const;
