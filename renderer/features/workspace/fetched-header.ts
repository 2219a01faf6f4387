import { sourceOf, subjectValue } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { rangeFromSince } from '../../../shared/time/presets';
import { isoOfInput } from '../investigation/form-model';
import type { FormValues } from '../investigation/form-model';
import { sourceFromValues } from '../investigation/source-model';

/** The identity a query names, as typed (a user or role session name, or an access key id). */
export function identityOf(query: FetchQuery): string {
  return subjectValue(query.identity);
}

const sourceNames = { lookup: 'LookupEvents', files: 'Log files', s3: 'S3', athena: 'Athena' } as const;

/** The kind of source a query read, in words. */
export function sourceName(query: FetchQuery): string {
  return sourceNames[sourceOf(query).kind];
}

/** Where the source is: the folder, the s3:// URL or DATABASE.TABLE (null for LookupEvents). */
export function sourcePlace(query: FetchQuery): string | null {
  const source = sourceOf(query);
  if (source.kind === 'files') return source.path;
  if (source.kind === 's3') return source.url;
  if (source.kind === 'athena') return `${source.database}.${source.table}`;
  return null;
}

const placeLabels = { files: 'Path', s3: 'S3 URL', athena: 'Table' } as const;

/** What the place of a source is called in the header (null for LookupEvents, which has none). */
export function placeLabel(query: FetchQuery): string | null {
  const kind = sourceOf(query).kind;
  return kind === 'lookup' ? null : placeLabels[kind];
}

/**
 * A place cut in its middle when long (`/home/me/cases/…/us-east-1/2026/11`): both the root and
 * the most specific end stay readable; the whole is the element's title.
 */
export function shortPlace(place: string, max = 72): string {
  if (place.length <= max) return place;
  const tail = Math.ceil((max - 1) * 0.6);
  return `${place.slice(0, max - 1 - tail)}…${place.slice(place.length - tail)}`;
}

/** Whether the query followed the sessions its identity issued: only LookupEvents does. */
export function followsSessions(query: FetchQuery): boolean {
  return sourceOf(query).kind === 'lookup';
}

/** `2026-11-20 10:00` in UTC. */
export function utcMinute(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 16).replace('T', ' ');
}

/** A span such as `7 days`, `12 hours`, `90 min`. */
export function spanOf(query: FetchQuery): string {
  const minutes = Math.round((Date.parse(query.end) - Date.parse(query.start)) / 60_000);
  if (minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? 'day' : 'days'}`;
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
  return `${minutes} min`;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Whether the form's range is the fetched one (a preset: the same span, as it slides with time). */
function sameRange(query: FetchQuery, range: FormValues['range'], now: number): boolean {
  const fetched = { start: Date.parse(query.start), end: Date.parse(query.end) };
  if (range.kind === 'since') {
    const preset = rangeFromSince(range.since, now);
    if (!preset) return false;
    return Math.abs(Date.parse(preset.end) - Date.parse(preset.start) - (fetched.end - fetched.start)) < 60_000;
  }
  return (
    Math.abs(Date.parse(isoOfInput(range.start)) - fetched.start) < 60_000 &&
    Math.abs(Date.parse(isoOfInput(range.end)) - fetched.end) < 60_000
  );
}

/** What the form names that the events on screen were not fetched with, in words. */
export function formDifferences(query: FetchQuery, values: FormValues, profile: string, now: number): string[] {
  const differences: string[] = [];
  const identity = values.identityValue.trim();
  if (identity && (identity !== identityOf(query) || values.identityKind !== query.identity.kind)) differences.push('identity');
  if (profile && profile !== query.profile) differences.push('profile');
  if (values.regions.length > 0 && !sameSet(values.regions, query.regions)) differences.push('regions');
  if (!sameRange(query, values.range, now)) differences.push('time range');
  // Follow sessions applies to LookupEvents only; another source's query ignores it (a change of source is said as such).
  if (followsSessions(query) && values.source.kind === 'lookup' && values.followSessions !== query.followSessions) differences.push('follow sessions');
  const source = sourceFromValues(values.source);
  if ('source' in source && JSON.stringify(source.source) !== JSON.stringify(sourceOf(query))) differences.push('source');
  return differences;
}

/** The sentence that says the form and the events on screen differ, and what to do. */
export function differenceMessage(query: FetchQuery, values: FormValues, differences: string[]): string {
  const fetched = identityOf(query);
  const typed = values.identityValue.trim();
  const rest = differences.filter((d) => d !== 'identity');
  if (!differences.includes('identity'))
    return `The form's ${rest.join(', ')} changed since the fetch; the events below are still ${fetched}'s — Fetch to replace them.`;
  const head = `The form now names ${typed}`;
  const tail = rest.length > 0 ? ` (and its ${rest.join(', ')} changed)` : '';
  return `${head}${tail}; the events below are ${fetched}'s — Fetch to replace them.`;
}
