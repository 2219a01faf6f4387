import { describe, expect, it } from 'vitest';

import { countValues, topCounts } from '../../../shared/aggregate/top-counts';
import { normalizeEvent } from '../../../shared/records/normalize';

const events = ['A', 'B', 'A', 'C', 'A', 'B', '__proto__'].map((eventName, i) => normalizeEvent({ eventName, eventID: String(i) }));

describe('top counts', () => {
  it('counts values most frequent first, ties in value order', () => {
    expect(countValues(events, 'eventName').map((v) => [v.value, v.count])).toEqual([
      ['A', 3],
      ['B', 2],
      ['C', 1],
      ['__proto__', 1],
    ]);
  });

  it('keeps the top values and sums the others', () => {
    expect(topCounts(events, 'eventName', 2)).toEqual({
      top: [
        { value: 'A', count: 3 },
        { value: 'B', count: 2 },
      ],
      others: 2,
    });
  });

  it('leaves empty values out (no error code is not an error code)', () => {
    expect(countValues(events, 'errorCode')).toEqual([]);
  });
});
