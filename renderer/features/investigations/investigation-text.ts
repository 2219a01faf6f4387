import { subjectValue } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { InvestigationSummary } from '../../../shared/api/investigation-contract';
import { countWords } from '../../../shared/display/count-words';
import { isTimePreset, presetLabel } from '../../../shared/time/presets';

/** The identity a query names: the user or role session, or the access key id. */
export function identityOf(query: FetchQuery): string {
  return subjectValue(query.identity);
}

/** `2026-12-01 21:25 UTC`: minutes, in UTC and 24 hours like every time in the app. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** `21:25:02 UTC`: a time of today's save, in UTC and 24 hours like every time in the app. */
export function utcClock(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : `${new Date(time).toISOString().slice(11, 19)} UTC`;
}

/** The range in words: `last 7 days` for a preset, else its start and end in UTC. */
export function rangeText(query: FetchQuery, since: string | undefined): string {
  if (since) return `last ${isTimePreset(since) ? presetLabel(since) : since}`;
  return `${query.start.slice(0, 16).replace('T', ' ')} → ${utcMinute(query.end)}`;
}

/** The autosave's name: its identity and range (`jmorales · last 7 days`). */
export function autosaveName(query: FetchQuery, since: string | undefined): string {
  return `${identityOf(query)} · ${rangeText(query, since)}`;
}

/** One line about a listed investigation: identity, profile, range, regions, counts, when. */
export function summaryLine(item: InvestigationSummary): string {
  const parts = [identityOf(item.query), `profile ${item.query.profile}`, rangeText(item.query, item.since), countWords(item.query.regions.length, 'region')];
  if (item.events !== undefined) parts.push(countWords(item.events, 'event'));
  parts.push(`${item.selected.toLocaleString('en-US')} selected`, `updated ${utcMinute(item.updatedAt)}`);
  return parts.join(' · ');
}

/** Whether every word of the search is in the investigation's name, identity, profile, regions or notes. */
export function matchesSearch(item: InvestigationSummary, search: string): boolean {
  const haystack = [item.name, identityOf(item.query), item.query.profile, ...item.query.regions, item.notes].join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
