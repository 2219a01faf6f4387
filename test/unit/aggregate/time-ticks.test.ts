import { describe, expect, it } from 'vitest';

import { timeTicks } from '../../../shared/aggregate/time-ticks';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const iso = (times: number[]) => times.map((t) => new Date(t).toISOString().slice(0, 16));

describe('timeTicks', () => {
  it('puts a week at 12 h steps on midnight and noon, never at odd hours', () => {
    const start = Date.parse('2026-11-25T04:12:00Z');
    const { ticks } = timeTicks(start, start + 7 * day, 15);
    expect(iso(ticks).slice(0, 3)).toEqual(['2026-11-25T12:00', '2026-11-26T00:00', '2026-11-26T12:00']);
    expect(ticks.every((t) => t % (12 * hour) === 0)).toBe(true);
  });

  it('chooses 1, 5, 15 and 30 minutes, then 1, 3, 6 and 12 hours as the span grows', () => {
    const start = Date.parse('2026-11-29T23:07:00Z');
    const steps = [10 * minute, hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 4 * day].map((span) => {
      const { ticks } = timeTicks(start, start + span, 10);
      return (ticks[1]! - ticks[0]!) / minute;
    });
    expect(steps).toEqual([1, 15, 30, 60, 180, 180, 360, 720]);
  });

  it('never puts more ticks than asked, past a day', () => {
    const start = Date.parse('2026-09-03T10:00:00Z');
    for (const span of [30 * day, 90 * day, 400 * day, 30 * 365 * day])
      expect(timeTicks(start, start + span, 8).ticks.length).toBeLessThanOrEqual(9);
  });

  it('steps whole days at midnight, Mondays for weeks and the first of the month for months', () => {
    const start = Date.parse('2026-10-02T10:00:00Z');
    expect(iso(timeTicks(start, start + 6 * day, 8).ticks)[0]).toBe('2026-10-03T00:00');
    const weeks = timeTicks(start, start + 40 * day, 8).ticks;
    expect(weeks.every((t) => new Date(t).getUTCDay() === 1 && t % day === 0)).toBe(true);
    expect(iso(timeTicks(start, start + 200 * day, 8).ticks)[0]).toBe('2026-11-01T00:00');
  });

  it('gives nothing for an empty or reversed range', () => {
    expect(timeTicks(10, 5, 8).ticks).toEqual([]);
  });
});
