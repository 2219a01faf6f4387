import type { NormalizedEvent } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';
import type { RuleHit } from '../../../shared/rules/types';
import { preparedFlagged, preparedFlags, preparedHoldsPairs, preparedSearchMask, preparedSearchText } from './event-buffer';
import type { SearchLookup } from '../../../shared/filters/apply-filters';
import { charMask, searchTextOf } from '../../../shared/filters/search-text';

const cache = new WeakMap<NormalizedEvent, RuleHit[]>();

/**
 * The risk flags of an event, computed once per event for every view: prepared at ingest for
 * fetched events (a field read, the hot path), cached here for any other.
 */
export function flagsOf(event: NormalizedEvent): RuleHit[] {
  const prepared = preparedFlags(event);
  if (prepared) return prepared;
  let hits = cache.get(event);
  if (!hits) {
    hits = flagEvent(event);
    cache.set(event, hits);
  }
  return hits;
}

/** Whether the rule pack flagged the event (a field read for fetched events: it runs per event per redraw). */
export function isFlagged(event: NormalizedEvent): boolean {
  return preparedFlagged(event) ?? flagsOf(event).length > 0;
}

/** The lower-cased search text of an event: prepared at ingest, or built and cached. */
export function searchText(event: NormalizedEvent): string {
  return preparedSearchText(event) ?? searchTextOf(event);
}

/**
 * Global search over the workspace's events: their prepared text, its character mask and its
 * pairs (an event not prepared at ingest gets the mask of its text, which is always safe, and no pairs).
 */
export const workspaceSearch: SearchLookup = {
  textOf: searchText,
  maskOf: (event) => preparedSearchMask(event) ?? charMask(searchText(event)),
  holdsPairs: preparedHoldsPairs,
};
