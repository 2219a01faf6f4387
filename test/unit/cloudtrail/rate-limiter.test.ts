import { describe, expect, test } from 'vitest';

import { RateLimiter } from '../../../main/services/cloudtrail/rate-limiter';

describe('the rate limiter', () => {
  test('lets at most 2 calls start in any window, whatever the number of waiters', async () => {
    const limiter = new RateLimiter(2, 200);
    const signal = new AbortController().signal;
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire(signal).then((slot) => starts.push(slot.at))));
    for (const start of starts) expect(starts.filter((other) => other >= start && other < start + 200).length).toBeLessThanOrEqual(2);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(600);
  });

  test('a call counts from when it really left, so a late request does not crowd the next ones', async () => {
    let clock = 0;
    const limiter = new RateLimiter(2, 1000, () => clock);
    const signal = new AbortController().signal;
    const late = await limiter.acquire(signal);
    clock = 100;
    (await limiter.acquire(signal)).sent();
    clock = 300;
    late.sent();
    clock = 1000;
    let granted = false;
    const third = limiter.acquire(signal).then((slot) => ((granted = true), slot));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(granted).toBe(false);
    clock = 1100;
    await expect(third).resolves.toMatchObject({ waited: true });
  });

  test('a throttled response holds every caller back for the pause', async () => {
    const limiter = new RateLimiter(2, 100);
    const signal = new AbortController().signal;
    limiter.penalize(250);
    const before = Date.now();
    await limiter.acquire(signal);
    expect(Date.now() - before).toBeGreaterThanOrEqual(240);
  });

  test('a cancelled waiter is rejected and does not block those behind it', async () => {
    const limiter = new RateLimiter(1, 300);
    const first = new AbortController();
    await limiter.acquire(new AbortController().signal);
    const waiting = limiter.acquire(first.signal);
    first.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(limiter.acquire(new AbortController().signal)).resolves.toMatchObject({ waited: true });
  });

  test('throttles in a row pause everyone longer each time, up to the most; a success starts again from the base', () => {
    let clock = 0;
    const limiter = new RateLimiter(2, 1000, () => clock);
    const pauses: number[] = [];
    const pauseAfter = (record: () => void) => {
      record();
      pauses.push(limiter.pausedUntil() - clock);
      clock += 10_000;
    };
    for (let i = 0; i < 5; i++) pauseAfter(() => limiter.throttled(250, 2000));
    limiter.succeeded();
    pauseAfter(() => limiter.throttled(250, 2000));
    expect(pauses).toEqual([250, 500, 1000, 2000, 2000, 250]);
  });
});
