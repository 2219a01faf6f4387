import type { NormalizedEvent } from '../records/types';
import type { RuleHit } from '../rules/types';
import type { FilterChip, FilterField, FilterState } from './filter-state';
import { searchTextOf } from './search-text';

/** The risk flags of an event, as the caller computed (and cached) them. */
export type FlagsOf = (event: NormalizedEvent) => readonly RuleHit[];

/** The values an event has for a filter field (several for resources and rules). */
export function fieldValues(event: NormalizedEvent, field: FilterField, flagsOf: FlagsOf): readonly string[] {
  switch (field) {
    case 'resource':
      return event.resources;
    case 'ruleId':
      return flagsOf(event).map((hit) => hit.ruleId);
    case 'severity':
      return flagsOf(event).map((hit) => hit.severity);
    default:
      return [event[field]];
  }
}

/** Whether the event is a read: CloudTrail's readOnly when it said, else the name's verb. */
export function isRead(event: NormalizedEvent): boolean {
  if (event.readOnly !== null) return event.readOnly;
  return /^(Get|List|Describe|Head|Lookup|Search|Check|Select|Scan|Query)/.test(event.eventName);
}

function groupChips(chips: readonly FilterChip[]): { include: Map<FilterField, string[]>; exclude: FilterChip[] } {
  const include = new Map<FilterField, string[]>();
  const exclude: FilterChip[] = [];
  for (const chip of chips) {
    if (chip.exclude) exclude.push(chip);
    else include.set(chip.field, [...(include.get(chip.field) ?? []), chip.value]);
  }
  return { include, exclude };
}

/**
 * Builds the predicate of a filter state; build it once, then test many events. `textOf` gives
 * an event's lower-cased search text (a caller that prepared it at ingest passes its own).
 */
export function buildPredicate(
  state: FilterState,
  flagsOf: FlagsOf,
  textOf: (event: NormalizedEvent) => string = searchTextOf,
): (event: NormalizedEvent) => boolean {
  const { include, exclude } = groupChips(state.chips);
  const terms = state.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const range = state.timeRange;
  return (event) => {
    if (range && (Number.isNaN(event.time) || event.time < range.start || event.time > range.end)) return false;
    if (state.errorsOnly && !event.errorCode) return false;
    if (state.readWrite !== 'all' && isRead(event) !== (state.readWrite === 'read')) return false;
    if (state.flaggedOnly && flagsOf(event).length === 0) return false;
    for (const [field, values] of include) {
      if (!fieldValues(event, field, flagsOf).some((value) => values.includes(value))) return false;
    }
    for (const chip of exclude) {
      if (fieldValues(event, chip.field, flagsOf).includes(chip.value)) return false;
    }
    if (terms.length > 0) {
      const text = textOf(event);
      if (!terms.every((term) => text.includes(term))) return false;
    }
    return true;
  };
}

/** The events that pass every filter, in their original order. */
export function applyFilters(events: readonly NormalizedEvent[], state: FilterState, flagsOf: FlagsOf): NormalizedEvent[] {
  return events.filter(buildPredicate(state, flagsOf));
}
