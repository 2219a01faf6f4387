import { describe, expect, it } from 'vitest';

import { bucketLabel, chooseBucketSize } from '../../../shared/aggregate/bucket-size';
import { bucketEvents, extentOf } from '../../../shared/aggregate/timeline';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';

const hour = 3_600_000;
const t0 = Date.parse('2026-11-20T00:00:00Z');

let sequence = 0;

function at(time: number, fields: Record<string, unknown> = {}): NormalizedEvent {
  return normalizeEvent({ eventTime: new Date(time).toISOString(), eventName: 'GetObject', readOnly: true, eventID: `e${(sequence += 1)}`, ...fields });
}

const never = () => false;

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

  it('counts each event in exactly one stack: flagged, error, read or write', () => {
    const events = [at(t0), at(t0 + 1, { readOnly: false, eventName: 'PutObject' }), at(t0 + 2, { errorCode: 'AccessDenied' }), at(t0 + 3, { eventName: 'StopLogging' })];
    const timeline = bucketEvents(events, { start: t0, end: t0 + hour }, (e) => e.eventName === 'StopLogging');
    const first = timeline.buckets[0]!;
    expect([first.read, first.write, first.error, first.flagged, first.total]).toEqual([1, 1, 1, 1, 4]);
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
