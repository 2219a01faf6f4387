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

/**
 * `saved`: named and saved by the analyst, changed only by an explicit Save. `autosave`: the one
 * slot per identity and range that the app keeps up to date as the analyst works.
 */
export const InvestigationKind = z.enum(['saved', 'autosave']);
export type InvestigationKind = z.infer<typeof InvestigationKind>;

/** One column of the table's sort order, as TanStack names it (`{ id: 'time', desc: true }`). */
export const SortRule = z.strictObject({ id: z.string().min(1).max(40), desc: z.boolean() });
export type SortRule = z.infer<typeof SortRule>;

/** What the analyst saves of an investigation; the events themselves stay with the fetch (`fetchId`). */
export const InvestigationInput = z.strictObject({
  /** Absent for a new investigation; the host mints the id. */
  id: Id.optional(),
  name: z.string().trim().min(1).max(200),
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
  /** The table's sort order, first column first. */
  sorting: z.array(SortRule).max(10).optional(),
  /** The preset the range was fetched with (`7d`), when it was one: the autosave slot's range. */
  since: z.string().regex(/^\d{1,4}[mhdw]$/).optional(),
  /** How many events the fetch holds (shown in the list; an autosave of none is not kept). */
  events: z.number().int().nonnegative().optional(),
});
export type InvestigationInput = z.input<typeof InvestigationInput>;

/** An autosave: what is on view, kept in its identity and range's slot (the host names the id). */
export const AutosaveInput = InvestigationInput.omit({ id: true });
export type AutosaveInput = z.input<typeof AutosaveInput>;

/** A saved investigation as stored and returned. */
export const SavedInvestigation = z.object({
  id: Id,
  /** Absent in files written before autosaves were kept apart: the store infers it when it reads them. */
  kind: InvestigationKind,
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
  sorting: z.array(SortRule).optional(),
  since: z.string().optional(),
  events: z.number().int().nonnegative().optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type SavedInvestigation = z.infer<typeof SavedInvestigation>;

/** One line of the list of saved and autosaved investigations. */
export const InvestigationSummary = SavedInvestigation.pick({ id: true, kind: true, name: true, query: true, fetchId: true, since: true, events: true, notes: true, updatedAt: true }).extend({
  selected: z.number().int().nonnegative(),
});
export type InvestigationSummary = z.infer<typeof InvestigationSummary>;

const InvestigationRef = z.strictObject({ id: Id });

export const investigationContract = {
  /** Creates (no id) or replaces (its id) an investigation the analyst saved by name. */
  saveInvestigation: { input: InvestigationInput, output: SavedInvestigation },
  /** Replaces the autosave of the query's identity and range; null (nothing kept) when it holds no events. */
  autosaveInvestigation: { input: AutosaveInput, output: SavedInvestigation.nullable() },
  /** Every saved and autosaved investigation, most recently updated first. */
  listInvestigations: { input: Empty, output: z.array(InvestigationSummary) },
  getInvestigation: { input: InvestigationRef, output: SavedInvestigation },
  deleteInvestigation: { input: InvestigationRef, output: Empty },
} as const;
