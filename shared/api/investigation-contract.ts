import { z } from 'zod';

import { FilterState } from '../filters/filter-state';
import { FetchQuery } from './fetch-contract';
import { Empty, Id, IsoTime, LongText } from './primitives';

/**
 * A rule muted for one identity by the analyst, with a reason and an expiry (shared/baseline/mutes):
 * kept with the investigation; a muted flag is shown as muted and counted, never hidden.
 */
export const MuteSchema = z.strictObject({
  ruleId: z.string().min(1).max(80),
  /** The identity key the analysis names (the user's or role's ARN). */
  identity: z.string().min(1).max(400),
  reason: z.string().trim().min(1).max(500),
  until: IsoTime,
  createdAt: IsoTime.optional(),
});
export type MuteInput = z.infer<typeof MuteSchema>;

/** What the analyst saves of an investigation; the events themselves stay with the fetch (`fetchId`). */
export const InvestigationInput = z.strictObject({
  /** Absent for a new investigation; the host mints the id. */
  id: Id.optional(),
  name: z.string().min(1).max(200),
  query: FetchQuery,
  fetchId: Id.nullable(),
  filters: FilterState,
  /** Ids of the selected events (eventIDs, or the stable ids of unparseable records). */
  selection: z.array(z.string().max(200)).max(200_000),
  notes: LongText,
  /** The analyst's mutes (absent: the saved ones are kept). */
  mutes: z.array(MuteSchema).max(500).optional(),
  /** The fetch holding the identity's earlier history (the baseline), when one was fetched. */
  baselineFetchId: Id.nullable().optional(),
});
export type InvestigationInput = z.input<typeof InvestigationInput>;

/** A saved investigation as stored and returned. */
export const SavedInvestigation = z.object({
  id: Id,
  name: z.string(),
  query: FetchQuery,
  fetchId: Id.nullable(),
  filters: FilterState,
  selection: z.array(z.string()),
  notes: z.string(),
  /** The rule pack that flagged the events when it was saved (absent in older files). */
  rulePackVersion: z.string().max(40).optional(),
  /** Rules muted for an identity, with reason and expiry (absent in older files: none). */
  mutes: z.array(MuteSchema).optional(),
  /** The fetch of the baseline (the identity's earlier history); absent or null: none. */
  baselineFetchId: Id.nullable().optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type SavedInvestigation = z.infer<typeof SavedInvestigation>;

/** One line of the recent investigations list. */
export const InvestigationSummary = SavedInvestigation.pick({ id: true, name: true, query: true, fetchId: true, updatedAt: true }).extend({
  selected: z.number().int().nonnegative(),
});
export type InvestigationSummary = z.infer<typeof InvestigationSummary>;

const InvestigationRef = z.strictObject({ id: Id });

export const investigationContract = {
  /** Creates or replaces a saved investigation in the app's data folder. */
  saveInvestigation: { input: InvestigationInput, output: SavedInvestigation },
  /** The saved investigations, most recently updated first. */
  listInvestigations: { input: Empty, output: z.array(InvestigationSummary) },
  getInvestigation: { input: InvestigationRef, output: SavedInvestigation },
  deleteInvestigation: { input: InvestigationRef, output: Empty },
} as const;
