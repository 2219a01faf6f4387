import { describe, expect, it } from 'vitest';

import { bucketLabel, chooseBucketSize } from '../../../shared/aggregate/bucket-size';
import { bucketEvents, bucketIndex, extentOf } from '../../../shared/aggregate/timeline';
import { indexEvents } from '../../../shared/aggregate/timeline-index';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';
import type { Severity } from '../../../shared/rules/types';

const hour = 3_600_000;
const t0 = Date.parse('2026-11-20T00:00:00Z');

let sequence = 0;

function at(time: number, fields: Record<string, unknown> = {}): NormalizedEvent {
  return normalizeEvent({
    eventTime: new Date(time).toISOString(),
    eventName: 'GetObject',
    readOnly: true,
    eventID: `e${(sequence += 1)}`,
    ...fields,
  });
}

const never = () => null;

describe('chooseBucketSize', () => {
  it('keeps any span within 500 buckets', () => {
    for (const span of [0, 1, 59_000, hour, 90 * 24 * hour, 10 * 365 * 24 * hour, 1e15]) {
      expect(Math.ceil(span / chooseBucketSize(span)), String(span)).toBeLessThanOrEqual(500);
    }
  });

  it('picks a width a reader can name', () => {
    expect(bucketLabel(chooseBucketSize(24 * hour))).toBe('5 min');
    expect(bucketLabel(chooseBucketSize(14 * 24 * hour))).toBe('1 h');
  });
});

describe('bucketEvents', () => {
  it('never draws more than 500 bars, aligned edges included', () => {
    const range = { start: t0 + 123, end: t0 + 90 * 24 * hour - 7 };
    expect(bucketEvents([], range, never).buckets.length).toBeLessThanOrEqual(500);
  });

  it('counts a flagged write as a write and as flagged, by its highest severity', () => {
    const events = [
      at(t0),
      at(t0 + 1, { readOnly: false, eventName: 'PutObject' }),
      at(t0 + 2, { errorCode: 'AccessDenied' }),
      at(t0 + 3, { readOnly: false, eventName: 'StopLogging' }),
      at(t0 + 4, { readOnly: false, eventName: 'CreateAccessKey' }),
    ];
    const severity: Record<string, Severity> = { StopLogging: 'critical', CreateAccessKey: 'high' };
    const first = bucketEvents(events, { start: t0, end: t0 + hour }, (e) => severity[e.eventName] ?? null).buckets[0]!;
    expect([first.read, first.write, first.error, first.total, first.flagged]).toEqual([1, 3, 1, 5, 2]);
    expect(first.bySeverity).toMatchObject({ critical: 1, high: 1, medium: 0 });
    expect(first.severity).toBe('critical');
  });

  it('gives an unflagged bucket no severity', () => {
    expect(bucketEvents([at(t0)], { start: t0, end: t0 + hour }, never).buckets[0]!.severity).toBeNull();
  });

  it('counts the same whatever order the events come in, as a pass over every event would', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const events = Array.from({ length: 2000 }, () =>
      at(t0 + Math.floor(random() * 30 * hour), random() < 0.4 ? { readOnly: false } : random() < 0.2 ? { errorCode: 'Denied' } : {}),
    );
    events.push(normalizeEvent({ eventName: 'NoTime' }));
    const flaggedOf = (e: NormalizedEvent) => (e.id.endsWith('7') ? 'medium' : null);
    const range = { start: t0 + 2 * hour + 17, end: t0 + 20 * hour - 3 };
    const naive = bucketEvents([], range, never).buckets.map((b) => {
      const inside = events.filter((e) => e.time >= Math.max(b.start, range.start) && e.time < b.end && e.time <= range.end);
      return [inside.length, inside.filter((e) => e.category === 'write').length, inside.filter((e) => flaggedOf(e)).length];
    });
    const byTime = [...events].sort((a, b) => a.time - b.time);
    for (const order of [events, byTime, [...byTime].reverse()]) {
      const counted = bucketIndex(indexEvents(order, flaggedOf), range).buckets.map((b) => [b.total, b.write, b.flagged]);
      expect(counted).toEqual(naive);
    }
  });

  it('indexes times too far apart to pack (hostile years) without losing an event', () => {
    const events = [at(Date.parse('0001-01-01T00:00:00Z')), at(Date.parse('9999-12-31T00:00:00Z')), at(t0)];
    const index = indexEvents(events, never);
    expect([...index.times]).toEqual([...events.map((e) => e.time)].sort((a, b) => a - b));
    expect(bucketIndex(index, { start: t0, end: t0 + hour }).buckets[0]!.total).toBe(1);
  });

  it('puts an event on a bucket edge in the later bucket and the range end in the last', () => {
    const timeline = bucketEvents([at(t0 + hour), at(t0 + 2 * hour)], { start: t0, end: t0 + 2 * hour }, never, 3);
    expect(timeline.buckets.map((b) => b.total)).toEqual([0, 1, 1]);
  });

  it('leaves out events outside the range and events without a time', () => {
    const noTime = normalizeEvent({ eventName: 'X' });
    const timeline = bucketEvents([at(t0 - 1), noTime, at(t0 + 5)], { start: t0, end: t0 + hour }, never);
    expect(timeline.buckets.reduce((sum, b) => sum + b.total, 0)).toBe(1);
  });
});

describe('extentOf', () => {
  it('spans the events with a time, and is null without any', () => {
    expect(extentOf([at(t0 + 5), at(t0), normalizeEvent('not json')])).toEqual({ start: t0, end: t0 + 5 });
    expect(extentOf([])).toBeNull();
  });
});
