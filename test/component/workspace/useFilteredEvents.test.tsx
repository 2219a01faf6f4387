import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { applyFilters } from '../../../shared/filters/apply-filters';
import { emptyFilters } from '../../../shared/filters/filter-state';
import type { FilterState } from '../../../shared/filters/filter-state';
import { ingest } from '../../../renderer/features/workspace/event-buffer';
import { flagsOf } from '../../../renderer/features/workspace/flags';
import { useFilteredEvents } from '../../../renderer/features/workspace/useFilteredEvents';

const names = ['PutObject', 'PutBucketPolicy', 'GetObject', 'ListBuckets', 'PutRolePolicy', 'DescribeInstances'];
const events = Array.from({ length: 120 }, (_, i) =>
  ingest({
    eventId: `e${i}`,
    region: 'us-east-1',
    raw: JSON.stringify({ eventID: `e${i}`, eventTime: new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString(), eventName: names[i % names.length], readOnly: i % 3 === 0 }),
  }),
);

describe('useFilteredEvents', () => {
  it('gives what a full scan gives at every keystroke, typing forward, back and across filters', () => {
    const { result, rerender } = renderHook(({ filters }: { filters: FilterState }) => useFilteredEvents(events, filters), {
      initialProps: { filters: emptyFilters },
    });
    const steps: FilterState[] = [
      { ...emptyFilters, search: 'p' },
      { ...emptyFilters, search: 'pu' },
      { ...emptyFilters, search: 'put' },
      { ...emptyFilters, search: 'put ' },
      { ...emptyFilters, search: 'put pol' },
      { ...emptyFilters, search: 'put po' },
      { ...emptyFilters, search: 'put pol', readWrite: 'read' },
      { ...emptyFilters, search: 'put poli', readWrite: 'read' },
      { ...emptyFilters, search: 'o' },
    ];
    for (const filters of steps) {
      rerender({ filters });
      expect(result.current.withoutTime.map((e) => e.id)).toEqual(applyFilters(events, filters, flagsOf).map((e) => e.id));
    }
  });
});

describe('useFilteredEvents and the time range', () => {
  it('keeps the same list without the time range when only the range changes (a brush does not re-filter)', () => {
    const { result, rerender } = renderHook(({ filters }: { filters: FilterState }) => useFilteredEvents(events, filters), {
      initialProps: { filters: { ...emptyFilters, search: 'put' } },
    });
    const before = result.current.withoutTime;
    const start = events[10]!.time;
    const end = events[40]!.time;
    rerender({ filters: { ...emptyFilters, search: 'put', timeRange: { start, end } } });
    expect(result.current.withoutTime).toBe(before);
    expect(result.current.filtered.map((e) => e.id)).toEqual(before.filter((e) => e.time >= start && e.time <= end).map((e) => e.id));
    rerender({ filters: { ...emptyFilters, search: 'put', errorsOnly: true, timeRange: { start, end } } });
    expect(result.current.withoutTime).not.toBe(before);
  });
});
