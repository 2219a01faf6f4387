import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { charMask, searchTextOf } from '../../../shared/filters/search-text';
import { normalizeEvent, parseRecord } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';
import type { RuleHit } from '../../../shared/rules/types';

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
 * A fetched event as the workspace keeps it. The normalised fields are own data properties set
 * in one order, so every event shares one hidden class and a scan over 100,000 of them stays
 * fast (redefining a property as a getter on each object would push them into V8's slow
 * dictionary mode). Flags and search text are prepared once, as plain fields. The parsed record
 * is not kept: it is re-read from the raw text on demand, since 100,000 parsed records would
 * take several hundred megabytes and the raw text a third of that.
 */
class WorkspaceEvent {
  readonly flagged: boolean;
  readonly searchMask: number;

  constructor(
    fields: Omit<NormalizedEvent, 'record'>,
    readonly flags: RuleHit[],
    readonly searchText: string,
  ) {
    this.flagged = flags.length > 0;
    this.searchMask = charMask(searchText);
    Object.assign(this, fields);
  }

  get record(): CloudTrailRecord | null {
    const self = this as unknown as NormalizedEvent;
    return self.raw === null || self.parseError !== null ? null : recordOf(self.id, self.raw);
  }
}

/** Normalises one fetched event and prepares what every view needs from its record. */
export function ingest(item: FetchedEvent): NormalizedEvent {
  const event = normalizeEvent(item.raw, { region: item.region, via: item.via ?? null });
  const flags = flagEvent(event);
  const searchText = searchTextOf(event);
  if (!event.record || event.raw === null) return event;
  const { record: _record, ...fields } = event;
  return new WorkspaceEvent(fields, flags, searchText) as unknown as NormalizedEvent;
}

/** The prepared flags of an ingested event, or undefined for any other event. */
export function preparedFlags(event: NormalizedEvent): RuleHit[] | undefined {
  return event instanceof WorkspaceEvent ? event.flags : undefined;
}

/** Whether an ingested event was flagged, or undefined for any other event. */
export function preparedFlagged(event: NormalizedEvent): boolean | undefined {
  return event instanceof WorkspaceEvent ? event.flagged : undefined;
}

/** The charMask of an ingested event's search text, or undefined for any other event. */
export function preparedSearchMask(event: NormalizedEvent): number | undefined {
  return event instanceof WorkspaceEvent ? event.searchMask : undefined;
}

/** The prepared search text of an ingested event, or undefined for any other event. */
export function preparedSearchText(event: NormalizedEvent): string | undefined {
  return event instanceof WorkspaceEvent ? event.searchText : undefined;
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
