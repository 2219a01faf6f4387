import { z } from 'zod';

import { TRAIL_FOLDER_MAX, trailFolderProblem } from '../athena/trail-folder';
import { FetchQuery } from './fetch-contract';
import { AthenaName, AthenaWorkgroup, ProfileName, S3Url } from './primitives';

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

/** A trail's region folder, the location of the table AWS documents (checked again by the DDL builder). */
export const TrailFolder = z
  .string()
  .max(TRAIL_FOLDER_MAX)
  .superRefine((location, ctx) => {
    const problem = location === location.trim() ? trailFolderProblem(location) : 'The location has spaces around it.';
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The table to create: its name and the trail folder it reads. */
const TableToCreate = { database: AthenaName, table: AthenaName, location: TrailFolder };

/**
 * Athena before a fetch: the scan's estimate, so the analyst confirms a costly query before it runs,
 * and the documented table created on the analyst's request when it is missing.
 */
export const athenaContract = {
  estimateAthenaScan: { input: FetchQuery, output: AthenaScanEstimate },
  /** The CREATE EXTERNAL TABLE statement createAthenaTable would run, shown first; nothing is called. */
  athenaTableDdl: { input: z.strictObject(TableToCreate), output: z.object({ ddl: z.string() }) },
  /**
   * Creates the table in the account's Glue Data Catalog (a write to AWS): only with `confirmation`
   * naming DATABASE.TABLE, as the analyst's button did; a table that exists is never replaced.
   */
  createAthenaTable: {
    input: z.strictObject({
      ...TableToCreate,
      profile: ProfileName,
      workgroup: AthenaWorkgroup.optional(),
      output: S3Url.optional(),
      confirmation: z.string().max(600),
    }),
    output: z.object({ table: z.string(), queryId: z.string() }),
  },
} as const;
