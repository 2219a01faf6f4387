import { escapeHiddenInJson } from '../../../shared/display/json-escapes';
import { toCsv } from '../../../shared/export/csv';
import { toRecordsJson } from '../../../shared/export/records-json';
import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { normalizeEvent } from '../../../shared/records/normalize';

export type OutputFormat = 'records' | 'ndjson' | 'csv';

/**
 * A fetch's events in an output format. `records` is a CloudTrail log file (each record the raw
 * `CloudTrailEvent` text, eventTime ascending, each eventID once; unparseable ones are left out
 * and counted); `ndjson` keeps every fetched event as it was stored, unparseable ones included;
 * `csv` has one row per event, safe to open in a spreadsheet. Every format is inert in a terminal
 * (promise 21): JSON writes C1 controls, bidi, zero-width and line-separator characters as
 * `\uXXXX` escapes (same values once parsed), CSV cells show them as markers.
 */
export function formatEvents(events: readonly FetchedEvent[], format: OutputFormat): { text: string; skipped: number } {
  if (format === 'ndjson') {
    const ordered = normalizeAll(events).map(({ fetched }) => escapeHiddenInJson(JSON.stringify(fetched)));
    return { text: ordered.length ? `${ordered.join('\n')}\n` : '', skipped: 0 };
  }
  const normalized = events.map((event) => normalizeEvent(event.raw, { region: event.region, via: event.via ?? null }));
  if (format === 'csv') return { text: toCsv(normalized, () => []), skipped: 0 };
  const { json, skipped } = toRecordsJson(normalized);
  // Each record is valid JSON (unparseable ones are left out), so the escapes keep every value.
  return { text: `${escapeHiddenInJson(json)}\n`, skipped };
}

function normalizeAll(events: readonly FetchedEvent[]) {
  const seen = new Set<string>();
  return events
    .filter((event) => !seen.has(event.eventId) && seen.add(event.eventId))
    .map((fetched) => ({ fetched, time: normalizeEvent(fetched.raw).time }))
    .sort((a, b) => (Number.isNaN(a.time) ? 1 : Number.isNaN(b.time) ? -1 : a.time - b.time));
}
