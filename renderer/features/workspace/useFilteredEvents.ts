import { useMemo, useRef } from 'react';

import { buildPredicate } from '../../../shared/filters/apply-filters';
import type { FindingsOf } from '../../../shared/filters/apply-filters';
import { emptyFilters } from '../../../shared/filters/filter-state';
import type { FilterState } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { flagsOf, workspaceSearch } from './flags';
import { measured } from './measure';

interface LastSearch {
  events: readonly NormalizedEvent[];
  findingsOf: FindingsOf | undefined;
  rest: string;
  search: string;
  result: NormalizedEvent[];
}

const normalise = (search: string) => search.trim().toLowerCase();

/** The same object for as long as the filters' content stays the same (they are small: comparing their JSON is cheap). */
function useStableFilters(filters: FilterState): FilterState {
  const kept = useRef<{ json: string; filters: FilterState } | null>(null);
  const json = JSON.stringify(filters);
  if (kept.current?.json !== json) kept.current = { json, filters };
  return kept.current.filters;
}

/**
 * The events that pass the filters, in the order given: `withoutTime` ignores the time range
 * (the timeline draws it, so it can show what lies outside a zoom) and `filtered` applies it
 * too. While the analyst types, a search that extends the previous one (`put` → `puto`) can only
 * narrow it, so only the previous result is scanned: every keystroke after the first costs a
 * fraction of a scan over all events.
 */
export function useFilteredEvents(events: readonly NormalizedEvent[], filters: FilterState, findingsOf?: FindingsOf) {
  const last = useRef<LastSearch | null>(null);
  // A zoom or a brush changes the time range alone: the events outside it stay the same list, so
  // the timeline keeps its index and nothing scans the events again to find that out.
  const untimed = useStableFilters({ ...filters, timeRange: null });
  const withoutTime = useMemo(
    () =>
      measured('filter', () => {
        const rest = JSON.stringify({ ...untimed, search: '' });
        const search = normalise(untimed.search);
        const previous = last.current;
        const narrows =
          previous &&
          previous.events === events &&
          previous.findingsOf === findingsOf &&
          previous.rest === rest &&
          search.startsWith(previous.search);
        const source = narrows ? previous.result : events;
        const state = narrows ? { ...emptyFilters, search } : untimed;
        const result = source.filter(buildPredicate(state, flagsOf, workspaceSearch, findingsOf));
        last.current = { events, findingsOf, rest, search, result };
        return result;
      }),
    [events, untimed, findingsOf],
  );
  const filtered = useMemo(
    () =>
      filters.timeRange ? withoutTime.filter(buildPredicate({ ...emptyFilters, timeRange: filters.timeRange }, flagsOf)) : withoutTime,
    [withoutTime, filters.timeRange],
  );
  return { withoutTime, filtered };
}
