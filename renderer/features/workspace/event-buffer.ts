import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { searchTextOf } from '../../../shared/filters/search-text';
import { normalizeEvent, parseRecord } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';
import { flagsOf } from './flags';

/** Parsed records kept for the most recently read events (detail, compare, ticket). */
const recentRecords = new Map<string, CloudTrailRecord | null>();
const maxRecentRecords = 256;

function recordOf(id: string, raw: string): CloudTrailRecord | null {
  let record = recentRecords.get(id);
  if (record === undefined) {
    record = parseRecord(raw).record;
    recentRecords.set(id, record);
    if (recentRecords.size > maxRecentRecords) recentRecords.delete(recentRecords.keys().next().value!);
  }
  return record;
}

/**
 * Normalises one fetched event and prepares what every view needs from its record (risk flags,
 * search text). The parsed record is then dropped and re-read from the raw text on demand: with
 * 100,000 events, parsed records would take several hundred megabytes, the raw text a third.
 */
export function ingest(item: FetchedEvent): NormalizedEvent {
  const event = normalizeEvent(item.raw, { region: item.region, via: item.via ?? null });
  flagsOf(event);
  searchTextOf(event);
  if (event.record && event.raw !== null) {
    const raw = event.raw;
    const id = event.id;
    Object.defineProperty(event, 'record', { get: () => recordOf(id, raw), enumerable: true, configurable: true });
  }
  return event;
}

/**
 * The events of one fetch, normalised once as they arrive and kept once per eventId (pages can
 * overlap when a stream and a reload of stored events meet). Views read `list`, a new array
 * after each `snapshot()`, so React sees a change at most once per frame.
 */
export class EventBuffer {
  private readonly ids = new Set<string>();
  private readonly items: NormalizedEvent[] = [];
  list: NormalizedEvent[] = [];

  /** Adds fetched events; returns how many were new. */
  add(fetched: readonly FetchedEvent[]): number {
    let added = 0;
    for (const item of fetched) {
      if (this.ids.has(item.eventId)) continue;
      this.ids.add(item.eventId);
      this.items.push(ingest(item));
      added += 1;
    }
    return added;
  }

  /** Publishes what was added since the last snapshot as a new `list`. */
  snapshot(): NormalizedEvent[] {
    if (this.list.length !== this.items.length) this.list = this.items.slice();
    return this.list;
  }

  clear(): void {
    this.ids.clear();
    this.items.length = 0;
    this.list = [];
  }
}
