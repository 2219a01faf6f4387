import { describe, expect, test } from 'vitest';

import { advance, coveredBy, newCursor, remainingOf, stealFrom } from '../../../main/services/cloudtrail/cursors';
import { addInterval, missingParts } from '../../../main/services/cloudtrail/intervals';

const H = 3600_000;
let next = 0;
const id = () => `c${++next}`;

describe('cursors', () => {
  test('a page moves the cursor down to its oldest event and keeps its window and token', () => {
    const cursor = newCursor('a', 's', 0, 10 * H);
    advance(cursor, [9 * H, 8 * H], 'token-1');
    expect(cursor).toMatchObject({ windowStart: 0, windowEnd: 10 * H, oldestSeen: 8 * H, nextToken: 'token-1', done: false });
    expect(remainingOf(cursor)).toBe(8 * H);
  });

  test('stealing splits the largest remaining range into equal parts; its owner keeps the newest and stops there', () => {
    const small = newCursor('small', 's', 0, 2 * H);
    advance(
      small,
      Array.from({ length: 50 }, () => H),
      'token-s',
    );
    const large = newCursor('large', 's', 2 * H, 14 * H);
    advance(
      large,
      Array.from({ length: 50 }, (_, i) => 14 * H - i * 72_000),
      'token',
    );
    const top = large.oldestSeen!;
    const stolen = stealFrom([small, large], 2, id, 60_000);
    expect(stolen).toHaveLength(2);
    expect(stolen.map((c) => [c.windowStart, c.nextToken])).toEqual([
      [2 * H, null],
      [stolen[0]!.windowEnd, null],
    ]);
    expect(large).toMatchObject({ stopAt: stolen[1]!.windowEnd, windowStart: 2 * H, nextToken: 'token' });
    expect(top - large.stopAt).toBeGreaterThan(0);
    advance(large, [large.stopAt - 1000], 'token-2');
    expect(large.done).toBe(true);
    expect(coveredBy(large)).toEqual([large.stopAt, 14 * H]);
  });

  test('a range expected to hold less than three pages is not split: the split would cost more calls than it saves', () => {
    const sparse = newCursor('a', 's', 0, 10 * H);
    advance(
      sparse,
      Array.from({ length: 50 }, (_, i) => 10 * H - i * 648_000),
      'token',
    );
    expect(stealFrom([sparse], 3, id, 60_000)).toEqual([]);
  });

  test('a cursor whose token runs out covers its whole window', () => {
    const cursor = newCursor('a', 's', 0, 10 * H);
    advance(cursor, [9 * H], null);
    expect(cursor.done).toBe(true);
    expect(coveredBy(cursor)).toEqual([0, 10 * H]);
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
