import { setMaxListeners } from 'node:events';

import { ApiError } from '../../../shared/api/errors';
import { advance, narrowForFreshQuery, remainingOf, stealFrom } from './cursors';
import type { CursorState } from './cursors';
import { classifyFailure, toLookupApiError } from './lookup-errors';
import { limiterFor, sleep } from './rate-limiter';
import type { Slot } from './rate-limiter';
import type { LookupAttribute, LookupItem, LookupSource } from './types';

/** What a region's runner reports to the fetch that owns it. */
export interface RegionHooks {
  attributeOf(streamId: string): LookupAttribute;
  /** A page arrived; its cursor has already advanced. Must store the page before returning. */
  onPage(cursor: CursorState, items: LookupItem[]): void;
  /** Counters or waiting state changed. */
  onChange(): void;
  newCursorId(): string;
  /** New cursors from work-stealing, to be stored with the fetch. */
  onSplit(cursors: CursorState[]): void;
}

export interface RegionTuning {
  /** Attempts for one page under 5xx, resets, truncated bodies, timeouts. */
  maxAttempts: number;
  /** Base back-off after a transient failure, in ms. */
  backoffMs: number;
  /** Pause for everyone after a throttled call, in ms. */
  throttlePauseMs: number;
  /** A range shorter than this is not split. */
  minSplitMs: number;
  maxCursors: number;
}

export const defaultTuning: RegionTuning = { maxAttempts: 4, backoffMs: 400, throttlePauseMs: 1000, minSplitMs: 60_000, maxCursors: 8 };

/**
 * Runs the cursors of one region under the (account, region) limiter. One cursor suffices while
 * a call returns faster than the limiter lets the next one go; when calls are slower, the
 * largest remaining range is split so that enough cursors keep the limiter busy.
 */
export class RegionRunner {
  readonly cursors: CursorState[] = [];
  pages = 0;
  throttled = 0;
  rateLimitWaits = 0;
  waiting = 0;
  private latencyMs: number | null = null;
  private readonly active = new Set<CursorState>();

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
      let failed = false;
      const pump = () => {
        if (failed) return;
        while (this.active.size < this.wanted()) {
          const cursor = this.cursors.find((c) => !c.done && !this.active.has(c)) ?? this.steal(this.wanted() - this.active.size);
          if (!cursor) break;
          this.active.add(cursor);
          this.page(cursor, region.signal).then(
            () => {
              this.active.delete(cursor);
              pump();
            },
            (error: unknown) => {
              this.active.delete(cursor);
              if (!failed) {
                failed = true;
                region.abort();
                reject(error);
              }
            },
          );
        }
        if (this.active.size === 0 && !failed) resolve();
      };
      this.pump = pump;
      pump();
    }).finally(() => {
      signal.removeEventListener('abort', stop);
      this.pump = () => {};
    });
  }

  /** Starts more cursors if the region wants them: new work arrived, or calls got slower. */
  poke(): void {
    this.pump();
  }

  private pump: () => void = () => {};

  /** Cursors that keep the limiter busy: latency divided by the limiter's spacing, plus one. */
  private wanted(): number {
    if (this.latencyMs === null) return 1;
    const spacing = 1030 / this.source.callsPerSecond;
    if (this.latencyMs < spacing) return 1;
    return Math.min(this.tuning.maxCursors, Math.ceil(this.latencyMs / spacing) + 1);
  }

  private steal(count: number): CursorState | null {
    const stolen = stealFrom(this.cursors, count, () => this.hooks.newCursorId(), this.tuning.minSplitMs);
    this.cursors.push(...stolen);
    this.hooks.onSplit(stolen);
    return stolen[0] ?? null;
  }

  /** Pages one cursor to its end. */
  private async page(cursor: CursorState, signal: AbortSignal): Promise<void> {
    while (!cursor.done) {
      const page = await this.call(cursor, signal);
      advance(
        cursor,
        page.events.map((event) => event.time),
        page.nextToken,
      );
      this.pages += 1;
      this.hooks.onPage(cursor, page.events);
      this.pump();
    }
  }

  private async call(cursor: CursorState, signal: AbortSignal) {
    const limiter = limiterFor(this.source.limitKey, this.region, this.source.callsPerSecond);
    let failures = 0;
    let tokenRefused = false;
    for (;;) {
      narrowForFreshQuery(cursor);
      this.waiting += 1;
      this.hooks.onChange();
      let slot: Slot;
      try {
        slot = await limiter.acquire(signal);
      } finally {
        this.waiting -= 1;
      }
      if (slot.waited) this.rateLimitWaits += 1;
      const started = Date.now();
      const request = {
        attribute: this.hooks.attributeOf(cursor.streamId),
        start: new Date(cursor.windowStart),
        end: new Date(cursor.windowEnd),
        nextToken: cursor.nextToken,
        onSend: slot.sent,
      };
      try {
        const page = await this.source.lookup(this.region, request, signal);
        const took = Date.now() - started;
        this.latencyMs = this.latencyMs === null ? took : 0.7 * this.latencyMs + 0.3 * took;
        return page;
      } catch (error) {
        const kind = classifyFailure(error, signal);
        if (kind === 'cancelled') throw new ApiError('CANCELLED', 'The fetch was cancelled.');
        if (kind === 'throttled') {
          this.throttled += 1;
          limiter.penalize(this.tuning.throttlePauseMs);
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
