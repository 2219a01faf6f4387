import { sourceOf } from '../api/fetch-contract';
import type { FetchQuery } from '../api/fetch-contract';
import { shortBaselineDays } from './frequency';

const dayMs = 86_400_000;
/** How far back LookupEvents reaches (DESIGN 3). */
export const lookupDays = 90;
/** Kept clear of the 90-day edge, so a fetch started now never asks for a day AWS just dropped. */
const edgeMs = 3_600_000;

/**
 * The query for an investigation's baseline: the same identity, profile and regions, from 90 days
 * before the range's start (for LookupEvents no earlier than it reaches from `nowMs`; log files,
 * S3 and Athena keep what the trail kept) to the range's start. Null when nothing earlier is within reach.
 * An Athena source loses the estimate the analyst accepted: a costly baseline is refused, saying its estimate.
 */
export function baselineQueryOf(query: FetchQuery, nowMs: number): FetchQuery | null {
  const end = Date.parse(query.start);
  const reach = sourceOf(query).kind === 'lookup' ? nowMs - lookupDays * dayMs + edgeMs : -Infinity;
  const start = Math.max(end - lookupDays * dayMs, reach);
  if (!(end - start >= 60_000)) return null;
  const range = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
  // The analyst accepted the cost of the range's Athena query, not of this one: it runs within their threshold only.
  const source = query.source?.kind === 'athena' ? { source: withoutConfirmation(query.source) } : {};
  return { ...query, ...range, ...source };
}

function withoutConfirmation<S extends { confirmedUsd?: number }>(source: S): Omit<S, 'confirmedUsd'> {
  const { confirmedUsd: _accepted, ...rest } = source;
  return rest;
}

/** Whole days a baseline range covers (a part day counts). */
export function baselineDaysOf(range: { start: string; end: string }): number {
  const span = Date.parse(range.end) - Date.parse(range.start);
  return Number.isFinite(span) && span > 0 ? Math.ceil(span / dayMs - 1e-9) : 0;
}

/** "baseline: 83 days, 12,408 events", and a warning when it is too short to judge. */
export function baselineLine(days: number, events: number): { text: string; warning: string | null } {
  const text = `baseline: ${days.toLocaleString('en-US')} ${days === 1 ? 'day' : 'days'}, ${events.toLocaleString('en-US')} ${events === 1 ? 'event' : 'events'}`;
  const warning =
    days < shortBaselineDays
      ? `Under ${shortBaselineDays} days: too short to say what is usual for this identity, so little is marked routine or new.`
      : events === 0
        ? 'No earlier events: nothing can be marked routine, and everything reads as new.'
        : null;
  return { text, warning };
}
