import { describe, expect, test } from 'vitest';

import { createConcurrencyLimit } from '../../../main/services/iam/concurrency';

describe('the IAM concurrency limit', () => {
  test('never runs more than its cap at once, starts the queued in order, and passes results and failures through', async () => {
    const limit = createConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const release: (() => void)[] = [];
    const tasks = Array.from({ length: 10 }, (_, index) =>
      limit(async () => {
        running += 1;
        peak = Math.max(peak, running);
        started.push(index);
        await new Promise<void>((resolve) => release.push(resolve));
        running -= 1;
        if (index === 4) throw new Error('four failed');
        return index;
      }),
    );
    const outcomes = Promise.allSettled(tasks);
    // Finish the running tasks one at a time, oldest first; each frees a slot for the next in line.
    for (let done = 0; done < 10; done += 1) {
      while (release[done] === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(running).toBeLessThanOrEqual(3);
      release[done]!();
    }
    const settled = await outcomes;
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed'))).toEqual([0, 1, 2, 3, 'failed', 5, 6, 7, 8, 9]);
  });
});
