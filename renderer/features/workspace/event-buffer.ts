import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';
import type { RuleHit, Severity } from '../../../shared/rules/types';
import { readPage } from './ingest-page';
import { ingestPool } from './ingest-pool';
import type { IngestPool } from './ingest-pool';
import { measured } from './measure';
import { WorkspaceEvent } from './workspace-event';

/** Normalises one fetched event and prepares what every view needs at once (its flags), on this thread. */
export function ingest(item: FetchedEvent): NormalizedEvent {
  const event = normalizeEvent(item.raw, { region: item.region, via: item.via ?? null });
  const flags = flagEvent(event);
  if (!event.record || event.raw === null) return event;
  return new WorkspaceEvent(event, event.raw, event.via, flags);
}

/** Milliseconds of preparation per task: short enough that a frame or a keystroke never waits for it. */
const sliceMs = 6;

/** The browser's prioritised task scheduler (Chromium), where there is one. */
const taskScheduler = (globalThis as { scheduler?: { postTask?(task: () => void, options: { priority: 'background' }): Promise<void> } }).scheduler;

/** Runs `task` after every other waiting task (React's deferred renders, input), or soon where that cannot be said. */
function inBackground(task: () => void): void {
  if (typeof taskScheduler?.postTask === 'function') void taskScheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}

/**
 * Runs `work` in a task of its own with a budget of sliceMs: the first after the next frame (so
 * the events are drawn first), each at background priority, so the timeline's and charts'
 * deferred render (and any keystroke) goes first. Not in idle callbacks: a page kept busy (a
 * burst of pages, a shared machine) may not be idle for seconds, and a search before then would
 * prepare every event in one keystroke.
 */
function inSlice(work: (timeLeft: () => number) => void, first: boolean): void {
  const run = () => {
    const start = performance.now();
    work(() => sliceMs - (performance.now() - start));
  };
  if (first && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => inBackground(run));
  else inBackground(run);
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

/** The highest severity of an ingested event's flags (null when none), or undefined for any other event. */
export function preparedSeverity(event: NormalizedEvent): Severity | null | undefined {
  return event instanceof WorkspaceEvent ? event.severity : undefined;
}

/** The charMask of an ingested event's search text, or undefined for any other event. */
export function preparedSearchMask(event: NormalizedEvent): number | undefined {
  return event instanceof WorkspaceEvent ? event.searchMask : undefined;
}

/** Whether an ingested event's search text holds every pair of `pairs`, or undefined for any other event. */
export function preparedHoldsPairs(event: NormalizedEvent, pairs: ReadonlyArray<readonly [number, number]>): boolean | undefined {
  return event instanceof WorkspaceEvent ? event.holdsSearchPairs(pairs) : undefined;
}

/** The prepared search text of an ingested event, or undefined for any other event. */
export function preparedSearchText(event: NormalizedEvent): string | undefined {
  return event instanceof WorkspaceEvent ? event.searchText : undefined;
}

/** Pages smaller than this, with none waiting, are ingested at once: a worker's round trip is not worth it. */
const workerMinimum = 200;

/**
 * While pages are in the workers, how often what is back is shown: each showing sorts, indexes
 * and counts the whole list on the main thread (about 300 ms at 60,000 events) while the workers
 * need both cores, so a burst of up to two seconds (100,000 events here) is shown once, whole;
 * the progress line counts meanwhile.
 */
const progressEveryMs = 2000;

/** A page of fetched events on its way through the workers; `events` once they are back. */
interface InFlight {
  items: FetchedEvent[];
  events: NormalizedEvent[] | null;
  /** What waits for this page (and every page before it) to be in the list. */
  then: Array<() => void>;
}

/**
 * The events of one fetch, normalised once as they arrive and kept once per eventId (pages can
 * overlap when a stream and a reload of stored events meet). Large pages are normalised in the
 * ingest workers (see ingest-pool.ts) and join the list in the order they arrived; `onIngested`
 * says when some have. Views read `list`, a new array after each `snapshot()`, so React sees a
 * change at most once per frame.
 */
export class EventBuffer {
  private readonly ids = new Set<string>();
  private readonly items: NormalizedEvent[] = [];
  private readonly inFlight: InFlight[] = [];
  /** How many items have their search text prepared or on the way; which fetch they belong to. */
  private prepared = 0;
  private generation = 0;
  private waitStart = 0;
  private shownAt = 0;
  list: NormalizedEvent[] = [];
  /** Called when pages that were in the workers have joined the list. */
  onIngested: (() => void) | null = null;

  /** `pool`: where large pages are normalised (the page's workers by default; null: always here). */
  constructor(private readonly pool: () => IngestPool | null = ingestPool) {}

  /** Starts the workers, if there are any, so that a fetch's first page finds them ready. */
  warm(): void {
    this.pool();
  }

  /** Adds fetched events; returns how many were new (some may still be on their way, see onIngested). */
  add(fetched: readonly FetchedEvent[]): number {
    const fresh: FetchedEvent[] = [];
    for (const item of fetched) {
      if (this.ids.has(item.eventId)) continue;
      this.ids.add(item.eventId);
      fresh.push(item);
    }
    if (fresh.length === 0) return 0;
    const pool = this.inFlight.length > 0 || fresh.length >= workerMinimum ? this.pool() : null;
    if (!pool) {
      measured('ingest', () => {
        for (const item of fresh) this.items.push(ingest(item));
      });
      return fresh.length;
    }
    const page: InFlight = { items: fresh, events: null, then: [] };
    if (this.inFlight.length === 0) this.waitStart = this.shownAt = performance.now();
    this.inFlight.push(page);
    const generation = this.generation;
    pool.ingest(fresh.map((item) => item.raw), fresh.map((item) => item.region)).then(
      (ingested) => {
        if (generation !== this.generation) return;
        page.events = measured('ingest', () => {
          const events: NormalizedEvent[] = new Array(fresh.length);
          readPage(ingested, (fields, flags, i) => {
            const item = fresh[i]!;
            events[i] = new WorkspaceEvent(fields, item.raw, item.via ?? null, flags);
          });
          for (const i of ingested.unparsed) events[i] = ingest(fresh[i]!);
          return events;
        });
        this.arrive();
      },
      () => {
        if (generation !== this.generation) return;
        page.events = measured('ingest', () => fresh.map(ingest));
        this.arrive();
      },
    );
    return fresh.length;
  }

  /** Whether pages are still in the workers. */
  get busy(): boolean {
    return this.inFlight.length > 0;
  }

  /** Runs `work` once every event added so far is in the list: at once when none is on its way. */
  whenIngested(work: () => void): void {
    const last = this.inFlight[this.inFlight.length - 1];
    if (last) last.then.push(work);
    else work();
  }

  /** Moves the pages that are back, in the order they were added, into the list. */
  private arrive(): void {
    const done: Array<() => void> = [];
    let moved = false;
    while (this.inFlight[0]?.events) {
      const page = this.inFlight.shift()!;
      for (const event of page.events!) this.items.push(event);
      done.push(...page.then);
      moved = true;
    }
    if (!moved) return;
    const now = performance.now();
    if (this.inFlight.length === 0) performance.measure('trailcase:ingest in workers', { start: this.waitStart, end: now });
    // A burst of pages is shown once it is all in (each showing re-sorts the whole list), a
    // long one every two seconds meanwhile.
    if (this.inFlight.length === 0 || now - this.shownAt >= progressEveryMs) {
      this.shownAt = now;
      this.onIngested?.();
    }
    for (const work of done) work();
  }

  /** Publishes what was added since the last snapshot as a new `list`. */
  snapshot(): NormalizedEvent[] {
    if (this.list.length !== this.items.length) this.list = this.items.slice();
    // Not while pages are still in the workers: their answers, not the search text, come first.
    if (this.prepared < this.items.length && this.inFlight.length === 0) {
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
    this.inFlight.length = 0;
    this.list = [];
  }
}
