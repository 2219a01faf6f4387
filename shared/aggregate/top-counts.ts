import type { NormalizedEvent } from '../records/types';

/** The fields the charts and the filter value pickers count. */
export const countFields = [
  'eventName',
  'eventSource',
  'sourceIPAddress',
  'userAgent',
  'region',
  'errorCode',
  'actor',
  'identityType',
  'service',
] as const;
export type CountField = (typeof countFields)[number];

/** One value of a field and how many events have it. */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * Every non-empty value of a field with its count, most frequent first (ties by value, so the
 * order is stable while events stream in). A Map, not an object: values are untrusted and may
 * be `__proto__`.
 */
export function countValues(events: readonly NormalizedEvent[], field: CountField): ValueCount[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const value = events[i]![field];
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The `limit` most frequent values of a field, plus the count of all the others. */
export function topCounts(events: readonly NormalizedEvent[], field: CountField, limit = 10): { top: ValueCount[]; others: number } {
  const all = countValues(events, field);
  const top = all.slice(0, limit);
  const others = all.slice(limit).reduce((sum, item) => sum + item.count, 0);
  return { top, others };
}
