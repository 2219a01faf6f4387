import { z } from 'zod';

import { FilterState } from '../filters/filter-state';
import { FetchQuery } from './fetch-contract';
import { Empty, Id, IsoTime, LongText } from './primitives';

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
