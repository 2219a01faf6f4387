import { setMaxListeners } from 'node:events';

import { ApiError } from '../../../shared/api/errors';
import { advance, narrowForFreshQuery, newCursor, remainingOf } from './cursors';
import type { CursorState } from './cursors';
import { classifyFailure, toLookupApiError } from './lookup-errors';
import { limiterFor, sleep } from './rate-limiter';
import type { RateLimiter, Slot } from './rate-limiter';
import { cursorsWanted, nextToRun, planSplit, regionDensity } from './split-policy';
import type { LookupAttribute, LookupItem, LookupPage, LookupSource } from './types';

/** What a region's runner reports to the fetch that owns it. */
export interface RegionHooks {
  attributeOf(streamId: string): LookupAttribute;
  /** A page arrived; its cursor has already advanced. Must store the page before returning. */
  onPage(cursor: CursorState, items: LookupItem[]): void;
  /** Counters or waiting state changed. */
  onChange(): void;
  newCursorId(): string;
  /** New cursors from splitting, to be stored with the fetch. */
  onSplit(cursors: CursorState[]): void;
}

export interface RegionTuning {
  /** Attempts for one page under 5xx, resets, truncated bodies, timeouts. */
  maxAttempts: number;
  /** Base back-off after a transient failure, in ms. */
  backoffMs: number;
  /** Pause for everyone after a lone throttled call, in ms; it doubles for each throttle in a row. */
  throttlePauseMs: number;
  /** A range shorter than this is not split. */
  minSplitMs: number;
  maxCursors: number;
}

export const defaultTuning: RegionTuning = { maxAttempts: 4, backoffMs: 400, throttlePauseMs: 250, minSplitMs: 2000, maxCursors: 12 };

const cancelled = () => new ApiError('CANCELLED', 'The fetch was cancelled.');

/**
 * Runs the cursors of one region under the (account, region) limiter. A dispatcher takes each
 * call slot as the limiter grants it and gives it to the idle cursor expected to need the most
 * pages; when every cursor is busy and more calls could be in flight than there are cursors
 * (calls slower than the limiter's spacing), it splits the busy cursor expected to need the
 * most pages.
 */
export class RegionRunner {
  readonly cursors: CursorState[] = [];
  pages = 0;
  throttled = 0;
  rateLimitWaits = 0;
  waiting = 0;
  private latencyMs: number | null = null;
  /** Cursors with a call in flight or waiting to retry one, with when their current call left. */
  private readonly busy = new Map<CursorState, number>();
  private wake: () => void = () => {};

  constructor(
    readonly region: string,
    private readonly source: LookupSource,
    private readonly hooks: RegionHooks,
    private readonly tuning: RegionTuning = defaultTuning,
  ) {}

  hasWork(): boolean {
    return this.cursors.some((cursor) => !cursor.done);
  }

  remainingMs(): number {
    return this.cursors.reduce((sum, cursor) => sum + remainingOf(cursor), 0);
  }

  /** Runs until every cursor is done; rejects with the first error no retry can fix. */
  run(signal: AbortSignal): Promise<void> {
    // A failure stops this region's other cursors too, so no request leaves after it.
    const region = new AbortController();
    setMaxListeners(1000, region.signal);
    const stop = () => region.abort();
    signal.addEventListener('abort', stop, { once: true });
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        region.abort();
        reject(error);
      };
      const finish = () => {
        if (settled) return;
        settled = true;
        resolve();
      };
      void this.dispatch(region.signal, fail, finish);
    }).finally(() => {
      signal.removeEventListener('abort', stop);
      this.wake = () => {};
    });
  }

  /** New work arrived (a followed session): the dispatcher looks again. */
  poke(): void {
    this.wake();
  }

  private limiter(): RateLimiter {
    return limiterFor(this.source.limitKey, this.region, this.source.callsPerSecond);
  }

  private async dispatch(signal: AbortSignal, fail: (error: unknown) => void, finish: () => void): Promise<void> {
    try {
      for (;;) {
        if (signal.aborted) throw cancelled();
        if (this.busy.size === 0 && !this.hasWork()) return finish();
        if (!this.canDispatch()) {
          await this.changed(signal);
          continue;
        }
        const slot = await this.acquire(signal);
        // The choice is made when the slot comes: calls that returned meanwhile are known.
        const cursor = this.pick();
        if (!cursor) {
          slot.release();
          continue;
        }
        this.busy.set(cursor, Date.now());
        this.page(cursor, slot, signal).then(
          () => {
            this.busy.delete(cursor);
            this.wake();
          },
          (error: unknown) => {
            this.busy.delete(cursor);
            fail(error);
          },
        );
      }
    } catch (error) {
      fail(error);
    }
  }

  private idle(): CursorState[] {
    return this.cursors.filter((cursor) => !cursor.done && !this.busy.has(cursor));
  }

  private canDispatch(): boolean {
    if (this.idle().length > 0) return true;
    return this.busy.size < this.wanted() && planSplit([...this.busy.keys()], regionDensity(this.cursors), this.tuning.minSplitMs) !== null;
  }

  /** The cursor for a granted slot: an idle one, else a new one split from a busy one, else none. */
  private pick(): CursorState | null {
    const prior = regionDensity(this.cursors);
    const next = nextToRun(this.idle(), prior);
    if (next) return next;
    if (this.busy.size >= this.wanted()) return null;
    const split = planSplit([...this.busy.keys()], prior, this.tuning.minSplitMs);
    if (!split) return null;
    const cursor = newCursor(this.hooks.newCursorId(), split.owner.streamId, split.owner.stopAt, split.at);
    // The part just below the owner is first expected as dense as the owner's own pages.
    if (split.owner.pages > 0 && split.owner.density !== undefined) cursor.density = split.owner.density;
    split.owner.stopAt = split.at;
    this.cursors.push(cursor);
    this.hooks.onSplit([cursor]);
    return cursor;
  }

  /**
   * Cursors worth having at the latency seen so far. Before any call has returned, the latency
   * is at least the age of the oldest call in flight: the first call goes alone, and a second
   * cursor is split off only once it has been out for more than half a window (at 300 ms a
   * call it is back before, and no range is split blind); at 1.5 s a call, a third once it has
   * been out for more than a window.
   */
  private wanted(): number {
    const { calls, windowMs } = this.limiter();
    if (this.latencyMs !== null) return cursorsWanted(this.latencyMs, calls, windowMs, this.tuning.maxCursors);
    const age = this.busy.size === 0 ? 0 : Date.now() - Math.min(...this.busy.values());
    return cursorsWanted(age, calls, windowMs, this.tuning.maxCursors);
  }

  /** Resolves when a call ends or work arrives; before the latency is known, also when `wanted` grows. */
  private changed(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const done = () => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.wake = () => {};
        resolve();
      };
      const onAbort = () => {
        if (timer) clearTimeout(timer);
        this.wake = () => {};
        reject(cancelled());
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.wake = done;
      if (this.latencyMs === null && this.busy.size > 0) {
        const { calls, windowMs } = this.limiter();
        const oldest = Math.min(...this.busy.values());
        const step = windowMs / calls;
        const next = oldest + (Math.floor((Date.now() - oldest) / step) + 1) * step;
        timer = setTimeout(done, Math.max(1, next - Date.now() + 1));
      }
    });
  }

  private async acquire(signal: AbortSignal): Promise<Slot> {
    this.waiting += 1;
    this.hooks.onChange();
    try {
      const slot = await this.limiter().acquire(signal);
      if (slot.waited) this.rateLimitWaits += 1;
      return slot;
    } finally {
      this.waiting -= 1;
    }
  }

  /** Fetches one page of a cursor in the slot the dispatcher gave it. */
  private async page(cursor: CursorState, slot: Slot, signal: AbortSignal): Promise<void> {
    const page = await this.call(cursor, slot, signal);
    advance(
      cursor,
      page.events.map((event) => event.time),
      page.nextToken,
    );
    this.pages += 1;
    this.hooks.onPage(cursor, page.events);
  }

  private async call(cursor: CursorState, first: Slot, signal: AbortSignal): Promise<LookupPage> {
    const limiter = this.limiter();
    let failures = 0;
    let tokenRefused = false;
    let slot: Slot | null = first;
    for (;;) {
      narrowForFreshQuery(cursor);
      slot ??= await this.acquire(signal);
      const started = Date.now();
      this.busy.set(cursor, started);
      const request = {
        attribute: this.hooks.attributeOf(cursor.streamId),
        start: new Date(cursor.windowStart),
        end: new Date(cursor.windowEnd),
        nextToken: cursor.nextToken,
        onSend: slot.sent,
      };
      slot = null;
      try {
        const page = await this.source.lookup(this.region, request, signal);
        const took = Date.now() - started;
        limiter.succeeded();
        this.latencyMs = this.latencyMs === null ? took : 0.7 * this.latencyMs + 0.3 * took;
        return page;
      } catch (error) {
        const kind = classifyFailure(error, signal);
        if (kind === 'cancelled') throw cancelled();
        if (kind === 'throttled') {
          this.throttled += 1;
          limiter.throttled(this.tuning.throttlePauseMs);
          continue;
        }
        if (kind === 'badToken' && !tokenRefused) {
          // A stored token the service no longer honours: ask again for what is left.
          tokenRefused = true;
          cursor.nextToken = null;
          continue;
        }
        failures += 1;
        if (kind !== 'transient' || failures >= this.tuning.maxAttempts)
          throw toLookupApiError(error, { profile: this.source.profile, region: this.region });
        await sleep(this.tuning.backoffMs * 2 ** (failures - 1), signal);
      }
    }
  }
}
