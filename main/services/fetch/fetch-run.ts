import { randomBytes } from 'node:crypto';

import { ApiError, isApiError } from '../../../shared/api/errors';
import type { FetchedEvent, SessionLink, Subject } from '../../../shared/api/fetch-contract';
import { coveredBy, newCursor } from '../cloudtrail/cursors';
import type { CursorState } from '../cloudtrail/cursors';
import { missingParts } from '../cloudtrail/intervals';
import { RegionRunner } from '../cloudtrail/region-runner';
import type { RegionTuning } from '../cloudtrail/region-runner';
import type { LookupAttribute, LookupItem, LookupSource } from '../cloudtrail/types';
import { streamKeyOf } from './fetch-store';
import type { FetchRecord, FetchStore, StoredEvent, StreamRecord } from './fetch-store';
import { issuedSession, SESSION_LIFETIME_MS } from './sessions';

/** How many temporary keys one fetch follows at most (role chains can fan out). */
const MAX_SESSIONS = 200;
const SAVE_EVERY_MS = 250;
/**
 * CloudTrail delivers most events within minutes of the call but some much later: time this
 * recent is never recorded as covered, so asking again later fetches what arrived since.
 */
export const LATE_DELIVERY_MS = 30 * 60_000;

/**
 * The time a cursor has proven complete so far, clipped to what CloudTrail has surely delivered:
 * a finished cursor its whole share; one still paging (or stopped by a failure) everything
 * after the oldest event it saw, since pages come newest first. That instant itself is left
 * out, as more events of the same second may be on the next page.
 */
export function provenRange(cursor: CursorState, now: number): [number, number] | null {
  const [start, end] = cursor.done ? coveredBy(cursor) : cursor.oldestSeen === null ? [0, -1] : [cursor.oldestSeen + 1, cursor.windowEnd];
  const settledEnd = Math.min(end, now - LATE_DELIVERY_MS);
  return settledEnd > start ? [start, settledEnd] : null;
}

export interface RunCallbacks {
  onEvents(events: FetchedEvent[]): void;
  /** Progress changed; `force` when a region changed state (never dropped by throttling). */
  onProgress(force?: boolean): void;
  onSaved(): void;
}

/**
 * One fetch in motion: a runner per region, a stream per (attribute, window) and the dedupe set.
 * Every page is appended to its stream's store, then the record with the advanced cursor is
 * saved, so a kill at any point resumes from the last stored page.
 */
export class FetchRun {
  readonly runners = new Map<string, RegionRunner>();
  readonly events: FetchedEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly storedIds = new Map<string, Set<string>>();
  private readonly running = new Set<string>();
  private settle: () => void = () => {};
  private signal: AbortSignal | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSave = 0;

  constructor(
    readonly record: FetchRecord,
    private readonly source: LookupSource,
    private readonly store: FetchStore,
    private readonly callbacks: RunCallbacks,
    tuning?: RegionTuning,
  ) {
    for (const region of record.query.regions) {
      const runner = new RegionRunner(
        region,
        source,
        {
          attributeOf: (streamId) => this.stream(streamId).attribute,
          onPage: (cursor, items) => this.acceptPage(cursor, items),
          onChange: () => this.callbacks.onProgress(),
          newCursorId: () => cursorId(),
          // The same objects as the runner's, so a save always holds the cursors as they are now.
          onSplit: (cursors) => this.record.cursors.push(...cursors.map((cursor) => Object.assign(cursor, { region }))),
        },
        tuning,
      );
      runner.cursors.push(...record.cursors.filter((cursor) => cursor.region === region));
      this.runners.set(region, runner);
    }
  }

  /** Sets up the streams of a new fetch: cached ranges are read, the missing ones get cursors. */
  plan(): void {
    const { query } = this.record;
    const attribute = lookupAttributeOf(query.identity);
    for (const region of query.regions) this.addStream(region, attribute, null, Date.parse(query.start), Date.parse(query.end));
  }

  /** Reads what the stores hold for every stream of a fetch being resumed or shown. */
  restore(): void {
    for (const stream of [...this.record.streams]) this.loadStored(stream);
  }

  /** Runs every region until done, failed or cancelled. */
  run(signal: AbortSignal): Promise<void> {
    this.signal = signal;
    return new Promise<void>((resolve) => {
      this.settle = () => {
        if (this.running.size === 0) resolve();
      };
      for (const region of this.runners.keys()) this.startRegion(region, signal);
      this.settle();
    });
  }

  private startRegion(region: string, signal: AbortSignal): void {
    const runner = this.runners.get(region)!;
    const regionRecord = this.record.regions[region]!;
    if (this.running.has(region)) return runner.poke();
    if (signal.aborted || regionRecord.state === 'failed') return;
    if (!runner.hasWork()) {
      regionRecord.state = 'done';
      return;
    }
    this.running.add(region);
    regionRecord.state = 'running';
    regionRecord.error = null;
    runner
      .run(signal)
      .then(
        () => {
          regionRecord.state = 'done';
        },
        (error: unknown) => {
          const apiError = isApiError(error) ? error : new ApiError('INTERNAL', 'The fetch stopped on an unexpected error.');
          regionRecord.state = apiError.code === 'CANCELLED' ? 'cancelled' : 'failed';
          regionRecord.error = apiError.code === 'CANCELLED' ? null : apiError.toShape();
        },
      )
      .finally(() => {
        this.running.delete(region);
        this.save();
        if (runner.hasWork() && regionRecord.state === 'done') this.startRegion(region, signal);
        this.callbacks.onProgress(true);
        this.settle();
      });
  }

  private stream(streamId: string): StreamRecord {
    const stream = this.record.streams.find((s) => s.id === streamId);
    if (!stream) throw new Error(`unknown stream ${streamId}`);
    return stream;
  }

  private streamKey(stream: StreamRecord): string {
    return streamKeyOf(this.record.cacheKey, stream.region, stream.attribute);
  }

  /** A new lookup: what the cache covers is read from it, the rest gets cursors. */
  private addStream(region: string, attribute: LookupAttribute, via: SessionLink | null, start: number, end: number): void {
    const stream: StreamRecord = { id: `s${this.record.streams.length}`, region, attribute, via, start, end };
    this.record.streams.push(stream);
    const runner = this.runners.get(region)!;
    for (const [a, b] of missingParts(start, end, this.store.readCoverage(this.streamKey(stream)))) {
      const cursor = { ...newCursor(cursorId(), stream.id, a, b), region };
      this.record.cursors.push(cursor);
      runner.cursors.push(cursor);
    }
    this.loadStored(stream);
  }

  private loadStored(stream: StreamRecord): void {
    const key = this.streamKey(stream);
    const stored = this.store.readEvents(key);
    this.storedIds.set(key, new Set(stored.map((event) => event.id)));
    this.accept(
      stream,
      stored.filter((event) => event.t >= stream.start && event.t <= stream.end),
    );
  }

  private acceptPage(cursor: CursorState, items: LookupItem[]): void {
    const stream = this.stream(cursor.streamId);
    const key = this.streamKey(stream);
    const ids = this.storedIds.get(key)!;
    const fresh = items
      .filter((item) => !ids.has(item.eventId))
      .map((item): StoredEvent => ({ id: item.eventId, t: item.time, raw: item.raw }));
    this.store.appendEvents(key, fresh);
    for (const event of fresh) ids.add(event.id);
    const proven = provenRange(cursor, Date.now());
    if (proven) this.store.addCoverage(key, proven);
    this.accept(
      stream,
      items.map((item) => ({ id: item.eventId, t: item.time, raw: item.raw })),
    );
    this.save();
  }

  /** Dedupes by eventID, streams the new events and follows the sessions they issued. */
  private accept(stream: StreamRecord, events: StoredEvent[]): void {
    const added: FetchedEvent[] = [];
    for (const event of events) {
      if (this.seen.has(event.id)) continue;
      this.seen.add(event.id);
      const fetched: FetchedEvent = {
        eventId: event.id,
        region: stream.region,
        raw: event.raw,
        ...(stream.via ? { via: stream.via } : {}),
      };
      added.push(fetched);
      if (this.record.query.followSessions) this.follow(event);
    }
    if (added.length === 0) return;
    this.events.push(...added);
    this.callbacks.onEvents(added);
  }

  private follow(event: StoredEvent): void {
    const issued = issuedSession(event.raw, event.id);
    if (!issued) return;
    const known = new Set(this.record.streams.map((s) => s.via?.accessKeyId));
    if (known.has(issued.link.accessKeyId) || known.size > MAX_SESSIONS) return;
    const start = Math.max(issued.time, Date.parse(this.record.query.start));
    const end = Math.min(issued.time + SESSION_LIFETIME_MS, Date.parse(this.record.query.end));
    if (end <= start) return;
    for (const region of this.record.query.regions) {
      this.addStream(region, { key: 'AccessKeyId', value: issued.link.accessKeyId }, issued.link, start, end);
      if (this.signal) this.startRegion(region, this.signal);
    }
  }

  /**
   * Saves the record at most every SAVE_EVERY_MS: a cursor saved a page late only costs that page
   * again after a kill (dedupe absorbs it), while pages themselves are always stored first.
   */
  private save(): void {
    this.callbacks.onSaved();
    if (this.saveTimer) return;
    const wait = this.lastSave + SAVE_EVERY_MS - Date.now();
    if (wait <= 0) return this.flush();
    this.saveTimer = setTimeout(() => this.flush(), wait);
  }

  /** Writes the record now (at the end of a run, and before a state change is reported). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.lastSave = Date.now();
    this.record.updatedAt = new Date().toISOString();
    this.store.saveFetch(this.record);
  }
}

/** The one LookupEvents attribute a subject is looked up by (the contract refuses the others). */
function lookupAttributeOf(subject: Subject): LookupAttribute {
  if (subject.kind === 'user') return { key: 'Username', value: subject.userName };
  if (subject.kind === 'accessKey') return { key: 'AccessKeyId', value: subject.accessKeyId };
  if (subject.kind === 'resource') return { key: 'ResourceName', value: subject.name };
  throw new ApiError('BAD_INPUT', `LookupEvents cannot filter by ${subject.kind}: choose log files, S3 or Athena as the source.`);
}

function cursorId(): string {
  return `c${randomBytes(6).toString('hex')}`;
}
