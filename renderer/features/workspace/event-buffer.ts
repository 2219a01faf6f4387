import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { buildSearchText, charMask, rawParametersText } from '../../../shared/filters/search-text';
import { normalizeEvent, parseRecord } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';
import type { RuleHit } from '../../../shared/rules/types';
import { measured } from './measure';

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
 * dictionary mode). Flags are prepared at ingest, as a plain field; the search text and its
 * mask are prepared after the table is drawn (see prepareSearch), or on first use. The parsed
 * record is not kept: it is re-read from the raw text on demand, since 100,000 parsed records
 * would take several hundred megabytes and the raw text a third of that.
 */
class WorkspaceEvent {
  readonly flagged: boolean;
  private text: string | null = null;
  private mask = 0;

  constructor(
    fields: Omit<NormalizedEvent, 'record'>,
    readonly flags: RuleHit[],
  ) {
    this.flagged = flags.length > 0;
    Object.assign(this, fields);
  }

  get record(): CloudTrailRecord | null {
    const self = this as unknown as NormalizedEvent;
    return self.raw === null || self.parseError !== null ? null : recordOf(self.id, self.raw);
  }

  /** The lower-cased search text, from the fields and the raw text's request parameters (no second parse). */
  get searchText(): string {
    if (this.text === null) {
      const self = this as unknown as NormalizedEvent;
      this.text = buildSearchText(self, rawParametersText(self.raw ?? ''));
      this.mask = charMask(this.text);
    }
    return this.text;
  }

  get searchMask(): number {
    return this.text === null ? charMask(this.searchText) : this.mask;
  }
}

/** Normalises one fetched event and prepares what every view needs at once (its flags). */
export function ingest(item: FetchedEvent): NormalizedEvent {
  const event = normalizeEvent(item.raw, { region: item.region, via: item.via ?? null });
  const flags = flagEvent(event);
  if (!event.record || event.raw === null) return event;
  const { record: _record, ...fields } = event;
  return new WorkspaceEvent(fields, flags) as unknown as NormalizedEvent;
}

/** Milliseconds of preparation per task: short enough that a frame or a keystroke never waits for it. */
const sliceMs = 6;

/**
 * Runs `work` in a task of its own with a budget of sliceMs: the first after the next frame (so
 * the events are drawn first), the next ones straight after, with the browser free in between.
 */
function inSlice(work: (timeLeft: () => number) => void, first: boolean): void {
  const run = () => {
    const start = performance.now();
    work(() => sliceMs - (performance.now() - start));
  };
  if (first && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/**
 * Prepares the search text of events[from, to) in the background, a slice of time per task, after
 * the views have drawn them: the first keystroke of a search then finds them ready (one not ready yet is
 * prepared when the search reaches it). `isCurrent` stops the work once the events are no
 * longer the ones on screen.
 */
export function prepareSearch(events: readonly NormalizedEvent[], isCurrent: () => boolean, from: number, to: number, first = true): void {
  inSlice((timeLeft) => {
    if (!isCurrent()) return;
    let i = from;
    measured('prepare search', () => {
      // Time is checked every 250 events: that many take a fraction of a millisecond.
      do {
        for (const end = Math.min(to, i + 250); i < end; i++) {
          const event = events[i]!;
          if (event instanceof WorkspaceEvent) void event.searchText;
        }
      } while (i < to && timeLeft() > 0);
    });
    if (i < to) prepareSearch(events, isCurrent, i, to, false);
  }, first);
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
  /** How many items have their search text prepared or on the way; which fetch they belong to. */
  private prepared = 0;
  private generation = 0;
  list: NormalizedEvent[] = [];

  /** Adds fetched events; returns how many were new. */
  add(fetched: readonly FetchedEvent[]): number {
    return measured('ingest', () => {
      let added = 0;
      for (const item of fetched) {
        if (this.ids.has(item.eventId)) continue;
        this.ids.add(item.eventId);
        this.items.push(ingest(item));
        added += 1;
      }
      return added;
    });
  }

  /** Publishes what was added since the last snapshot as a new `list`. */
  snapshot(): NormalizedEvent[] {
    if (this.list.length !== this.items.length) this.list = this.items.slice();
    if (this.prepared < this.items.length) {
      const generation = this.generation;
      prepareSearch(this.items, () => generation === this.generation, this.prepared, this.items.length);
      this.prepared = this.items.length;
    }
    return this.list;
  }

  clear(): void {
    this.generation += 1;
    this.prepared = 0;
    this.ids.clear();
    this.items.length = 0;
    this.list = [];
  }
}
