import { describe, expect, it } from 'vitest';

import type { NormalizedEvent } from '../../../shared/records/types';
import { sortEvents, timeOrder } from '../../../renderer/features/events/sort-events';
import { eventsOf } from './events-fixture';

const at = (iso: string) => ({ eventTime: iso });
const ids = (events: readonly NormalizedEvent[]) => events.map((event) => event.id);

/** The order the comparator sort gave before the typed-array sort: the specification it must keep. */
function comparatorOrder(events: readonly NormalizedEvent[], desc: boolean): string[] {
  const direction = desc ? -1 : 1;
  const key = (event: NormalizedEvent) => (Number.isNaN(event.time) ? -Infinity : event.time);
  return ids(
    events
      .map((event) => ({ event, key: key(event) }))
      .sort((a, b) => (a.key < b.key ? -direction : a.key > b.key ? direction : 0))
      .map((item) => item.event),
  );
}

describe('sortEvents by time', () => {
  const events = eventsOf([
    at('2026-11-20T10:05:00Z'),
    at('2026-11-20T10:01:00Z'),
    at('not a time'),
    at('2026-11-20T10:05:00Z'),
    at('2026-11-20T10:03:00Z'),
    at('also not a time'),
  ]);

  it('puts the newest first by default, ties in their given order, events without a time last', () => {
    expect(ids(sortEvents(events, []))).toEqual(['e0', 'e3', 'e4', 'e1', 'e2', 'e5']);
  });

  it('puts the oldest first ascending, events without a time first, ties in their given order', () => {
    expect(ids(sortEvents(events, [{ id: 'time', desc: false }]))).toEqual(['e2', 'e5', 'e1', 'e4', 'e0', 'e3']);
  });

  it('gives the comparator sort’s order on many events with repeated times', () => {
    const many = eventsOf(Array.from({ length: 3000 }, (_, i) => at(new Date(Date.UTC(2026, 10, 20) + ((i * 7919) % 500) * 1000).toISOString())));
    for (const desc of [true, false]) expect(ids(sortEvents(many, [{ id: 'time', desc }]))).toEqual(comparatorOrder(many, desc));
  });

  it('falls back to comparing when the times are too far apart to pack', () => {
    const far = eventsOf([at('1970-01-01T00:00:01Z'), at('+200000-01-01T00:00:00Z'), at('2026-11-20T10:00:00Z')]);
    expect(far.map((event) => Number.isNaN(event.time))).toEqual([false, false, false]);
    expect(timeOrder(far, true)).toBeNull();
    expect(ids(sortEvents(far, [{ id: 'time', desc: true }]))).toEqual(['e1', 'e2', 'e0']);
  });

  it('returns the positions in order as a typed array', () => {
    expect(Array.from(timeOrder(events, true)!)).toEqual([0, 3, 4, 1, 2, 5]);
  });
});

describe('sortEvents by another column', () => {
  it('orders by the column, then newest first', () => {
    const events = eventsOf([{ eventName: 'B' }, { eventName: 'A' }, { eventName: 'B' }, { eventName: 'A' }]);
    expect(ids(sortEvents(events, [{ id: 'eventName', desc: false }]))).toEqual(['e3', 'e1', 'e2', 'e0']);
    expect(ids(sortEvents(events, [{ id: 'eventName', desc: true }]))).toEqual(['e2', 'e0', 'e3', 'e1']);
  });
});
