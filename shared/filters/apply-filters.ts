import type { NormalizedEvent } from '../records/types';
import type { RuleHit } from '../rules/types';
import type { FilterChip, FilterField, FilterState } from './filter-state';
import { pairsDecide, pairsOfTerms } from './search-pairs';
import { charMask, searchTextOf } from './search-text';

/** The risk flags of an event, as the caller computed (and cached) them. */
export type FlagsOf = (event: NormalizedEvent) => readonly RuleHit[];

/** The findings (by their chip value) an event belongs to, as the caller's analysis says. */
export type FindingsOf = (event: NormalizedEvent) => readonly string[];

const noFindings: FindingsOf = () => [];

/** The values an event has for a filter field (several for resources, rules and findings). */
export function fieldValues(event: NormalizedEvent, field: FilterField, flagsOf: FlagsOf, findingsOf: FindingsOf = noFindings): readonly string[] {
  switch (field) {
    case 'finding':
      return findingsOf(event);
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

/** How a caller that prepared events at ingest gives their search text and its charMask. */
export interface SearchLookup {
  textOf(event: NormalizedEvent): string;
  maskOf?(event: NormalizedEvent): number;
  /** Whether the text holds every pair of `pairs` (see search-pairs.ts), or undefined when its pairs are not prepared. */
  holdsPairs?(event: NormalizedEvent, pairs: ReadonlyArray<readonly [number, number]>): boolean | undefined;
}

const plainSearch: SearchLookup = { textOf: searchTextOf };

/**
 * Builds the predicate of a filter state; build it once, then test many events. Search terms are
 * first tested against the events' character masks and pairs when the caller has them (see
 * charMask and search-pairs.ts): most events fail there without their text being scanned, and a
 * term of one or two letters needs no scan at all.
 */
export function buildPredicate(
  state: FilterState,
  flagsOf: FlagsOf,
  search: SearchLookup = plainSearch,
  findingsOf: FindingsOf = noFindings,
): (event: NormalizedEvent) => boolean {
  const { include, exclude } = groupChips(state.chips);
  const terms = state.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const required = terms.reduce((mask, term) => mask | charMask(term), 0);
  const { textOf, maskOf, holdsPairs } = search;
  // The mask decides alone when every term is one letter a–z; with the pairs, two letters too.
  const maskIsExact = maskOf !== undefined && terms.length > 0 && terms.every((term) => /^[a-z]$/.test(term));
  const pairs = holdsPairs ? pairsOfTerms(terms) : [];
  const pairsAreExact = maskOf !== undefined && pairsDecide(terms);
  const range = state.timeRange;
  return (event) => {
    if (range && (Number.isNaN(event.time) || event.time < range.start || event.time > range.end)) return false;
    if (state.errorsOnly && !event.errorCode) return false;
    if (state.readWrite !== 'all' && isRead(event) !== (state.readWrite === 'read')) return false;
    if (state.flaggedOnly && flagsOf(event).length === 0) return false;
    for (const [field, values] of include) {
      if (!fieldValues(event, field, flagsOf, findingsOf).some((value) => values.includes(value))) return false;
    }
    for (const chip of exclude) {
      if (fieldValues(event, chip.field, flagsOf, findingsOf).includes(chip.value)) return false;
    }
    if (terms.length > 0) {
      if (maskOf && (maskOf(event) & required) !== required) return false;
      if (maskIsExact) return true;
      const held = pairs.length > 0 ? holdsPairs!(event, pairs) : undefined;
      if (held === false) return false;
      if (held === true && pairsAreExact) return true;
      const text = textOf(event);
      for (const term of terms) if (!text.includes(term)) return false;
    }
    return true;
  };
}

/** The events that pass every filter, in their original order. */
export function applyFilters(events: readonly NormalizedEvent[], state: FilterState, flagsOf: FlagsOf): NormalizedEvent[] {
  return events.filter(buildPredicate(state, flagsOf));
}
