import { ApiError } from '../../../shared/api/errors';

/** A granted call: `sent` moves its time to when the request really left (after signing). */
export interface Slot {
  waited: boolean;
  /** When the slot was granted, on the limiter's clock. */
  at: number;
  sent(): void;
  /** Gives back a slot no call used (nothing was left to ask for by the time it came). */
  release(): void;
}

/**
 * A sliding-window limiter: at most `calls` starts in any `windowMs`. The window is a little
 * longer than a second because the service counts arrivals, not departures; the margin keeps
 * jitter from pushing a third call into the server's second.
 */
export class RateLimiter {
  private readonly starts: Array<{ at: number }> = [];
  private penaltyUntil = 0;
  private throttledInARow = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly calls: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot. Rejects with CANCELLED on abort. */
  acquire(signal: AbortSignal): Promise<Slot> {
    const turn = this.tail.then(() => this.waitForSlot(signal));
    // Waiters queue in order; a cancelled waiter must not block those behind it.
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** After a throttled response: nobody calls again before `ms` has passed. */
  penalize(ms: number): void {
    this.penaltyUntil = Math.max(this.penaltyUntil, this.now() + ms);
  }

  /**
   * A throttled response: everyone pauses, `baseMs` after a lone one, twice as long after each
   * throttle that follows without a success in between, up to `maxMs`. A lone throttle is a call
   * that arrived a few ms early (jitter on the way); throttles in a row mean someone else spends
   * the account's calls too, and the pause must grow.
   */
  throttled(baseMs: number, maxMs = 8 * baseMs): void {
    this.throttledInARow += 1;
    this.penalize(Math.min(maxMs, baseMs * 2 ** (this.throttledInARow - 1)));
  }

  /** Until when every caller waits after throttling, on the limiter's clock. */
  pausedUntil(): number {
    return this.penaltyUntil;
  }

  /** A call went through: the next throttle starts the pauses again from the base. */
  succeeded(): void {
    this.throttledInARow = 0;
  }

  private async waitForSlot(signal: AbortSignal): Promise<Slot> {
    let waited = false;
    for (;;) {
      if (signal.aborted) throw new ApiError('CANCELLED', 'The fetch was cancelled.');
      const now = this.now();
      for (let i = this.starts.length - 1; i >= 0; i--) if (this.starts[i]!.at <= now - this.windowMs) this.starts.splice(i, 1);
      const oldest = Math.min(...this.starts.map((start) => start.at));
      const freeAt = Math.max(this.penaltyUntil, this.starts.length >= this.calls ? oldest + this.windowMs : 0);
      if (freeAt <= now) {
        const start = { at: now };
        this.starts.push(start);
        // A request delayed between the grant and the wire (signing, a busy event loop) counts
        // from when it left, so the calls after it keep their distance from it at the service.
        return {
          waited,
          at: now,
          sent: () => (start.at = Math.max(start.at, this.now())),
          release: () => {
            const index = this.starts.indexOf(start);
            if (index >= 0) this.starts.splice(index, 1);
          },
        };
      }
      waited = true;
      await sleep(freeAt - now, signal);
    }
  }
}

/** Resolves after `ms`, or rejects with CANCELLED as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ApiError('CANCELLED', 'The fetch was cancelled.'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ApiError('CANCELLED', 'The fetch was cancelled.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const limiters = new Map<string, RateLimiter>();

/** The one limiter of an account and region, shared by every query of this process. */
export function limiterFor(limitKey: string, region: string, callsPerSecond: number): RateLimiter {
  const key = `${limitKey}\u0000${region}`;
  let limiter = limiters.get(key);
  if (!limiter || limiter.calls !== callsPerSecond) {
    limiter = new RateLimiter(callsPerSecond, 1030);
    limiters.set(key, limiter);
  }
  return limiter;
}
