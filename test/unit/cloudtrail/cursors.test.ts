import { describe, expect, test } from 'vitest';

import { advance, coveredBy, newCursor, remainingOf } from '../../../main/services/cloudtrail/cursors';
import { addInterval, missingParts } from '../../../main/services/cloudtrail/intervals';
import { expectedPages, nextToRun, planSplit, regionDensity } from '../../../main/services/cloudtrail/split-policy';

const H = 3600_000;
const page = (from: number, step: number, count = 50) => Array.from({ length: count }, (_, i) => from - i * step);

describe('cursors', () => {
  test('a page moves the cursor down to its oldest event and keeps its window and token', () => {
    const cursor = newCursor('a', 's', 0, 10 * H);
    advance(cursor, [9 * H, 8 * H], 'token-1');
    expect(cursor).toMatchObject({ windowStart: 0, windowEnd: 10 * H, oldestSeen: 8 * H, nextToken: 'token-1', done: false });
    expect(remainingOf(cursor)).toBe(8 * H);
  });

  test('the density is read at the bottom of a page: a page that began in a quiet stretch and ended in a burst says "burst"', () => {
    const cursor = newCursor('a', 's', 0, 100 * H);
    // One event an hour, then 45 within about three minutes.
    advance(cursor, [...page(100 * H, H, 5), ...page(95 * H, 4000, 45)], 'token');
    expect(expectedPages(cursor, null)).toBeGreaterThan(100);
  });

  test('a cursor whose token runs out covers its whole window', () => {
    const cursor = newCursor('a', 's', 0, 10 * H);
    advance(cursor, [9 * H], null);
    expect(cursor.done).toBe(true);
    expect(coveredBy(cursor)).toEqual([0, 10 * H]);
  });
});

describe('splitting', () => {
  test('the cursor split is the one expected to need the most pages, not the one with the most time left', () => {
    // A week of one event every two hours, and six hours holding 50 events every 20 seconds.
    const quiet = newCursor('quiet', 's', 0, 7 * 24 * H);
    advance(quiet, page(7 * 24 * H, 2 * H), 'token-q');
    const dense = newCursor('dense', 's', 7 * 24 * H, 7 * 24 * H + 6 * H);
    advance(dense, page(7 * 24 * H + 6 * H, 20_000), 'token-d');
    const split = planSplit([quiet, dense], regionDensity([quiet, dense]), 2000);
    expect(split?.owner.id).toBe('dense');
    expect(split!.at).toBeGreaterThan(dense.stopAt);
    expect(split!.at).toBeLessThan(dense.oldestSeen!);
    expect(split!.at % 1000).toBe(0);
  });

  test('a cursor expected to finish with its call in flight is not split', () => {
    const cursor = newCursor('a', 's', 0, 10 * H);
    advance(cursor, page(10 * H, 648_000), 'token');
    expect(expectedPages(cursor, null)).toBeLessThan(1.25);
    expect(planSplit([cursor], null, 2000)).toBeNull();
  });

  test('before anything is known, the first split leaves the owner the newest 40%, a later one halves', () => {
    const cursor = newCursor('a', 's', 0, 10 * H);
    expect(planSplit([cursor], null, 2000)).toEqual({ owner: cursor, at: 6 * H });
    const other = newCursor('b', 's', 10 * H, 20 * H);
    expect(planSplit([cursor, other], null, 2000)).toEqual({ owner: cursor, at: 5 * H });
  });

  test('a cursor still waiting for its first page is not split on a guess once the region has a density', () => {
    const seen = newCursor('seen', 's', 10 * H, 20 * H);
    advance(seen, page(20 * H, 60_000), 'token');
    const waiting = newCursor('waiting', 's', 0, 10 * H);
    expect(planSplit([waiting], regionDensity([seen, waiting]), 2000)).toBeNull();
  });

  test('the idle cursor run first is the one expected to need the most pages', () => {
    const sparse = newCursor('sparse', 's', 0, 10 * H);
    advance(sparse, page(10 * H, 600_000), 'token-s');
    const dense = newCursor('dense', 's', 10 * H, 12 * H);
    advance(dense, page(12 * H, 10_000), 'token-d');
    expect(nextToRun([sparse, dense], null)?.id).toBe('dense');
  });
});

describe('covered intervals', () => {
  test('merge when they overlap or touch, never across a gap', () => {
    expect(addInterval([[0, 10]], [10, 20])).toEqual([[0, 20]]);
    expect(addInterval([[0, 10]], [11, 20])).toEqual([
      [0, 10],
      [11, 20],
    ]);
  });

  test('the missing parts of a range are what no interval covers', () => {
    expect(
      missingParts(0, 100, [
        [20, 40],
        [60, 70],
      ]),
    ).toEqual([
      [0, 20],
      [40, 60],
      [70, 100],
    ]);
    expect(missingParts(0, 100, [[0, 100]])).toEqual([]);
    expect(missingParts(0, 100, [])).toEqual([[0, 100]]);
  });
});
