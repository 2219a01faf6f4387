const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/** A tick interval: a fixed width, or a count of calendar days, weeks (from Monday), months or years (UTC). */
export interface TickInterval {
  unit: 'ms' | 'day' | 'week' | 'month' | 'year';
  step: number;
  /** Its approximate width, to choose between intervals. */
  approxMs: number;
}

const fixed = (ms: number): TickInterval => ({ unit: 'ms', step: ms, approxMs: ms });

/** The intervals a reader expects on a time axis, as d3's time scale chooses them. */
export const tickIntervals: readonly TickInterval[] = [
  ...[1, 5, 15, 30].map((n) => fixed(n * second)),
  ...[1, 5, 15, 30].map((n) => fixed(n * minute)),
  ...[1, 3, 6, 12].map((n) => fixed(n * hour)),
  { unit: 'day', step: 1, approxMs: day },
  { unit: 'day', step: 2, approxMs: 2 * day },
  { unit: 'week', step: 1, approxMs: 7 * day },
  { unit: 'month', step: 1, approxMs: 30 * day },
  { unit: 'month', step: 3, approxMs: 91 * day },
  { unit: 'year', step: 1, approxMs: 365 * day },
];

/** The finest interval that puts at most `maxCount` ticks on [start, end] (whole years past that). */
export function chooseTickInterval(start: number, end: number, maxCount: number): TickInterval {
  const span = Math.max(end - start, 1);
  const count = Math.max(maxCount, 1);
  for (const interval of tickIntervals) if (span / interval.approxMs <= count) return interval;
  const years = Math.ceil(span / (365 * day) / count);
  return { unit: 'year', step: years, approxMs: years * 365 * day };
}

function onInterval(time: number, interval: TickInterval): boolean {
  const date = new Date(time);
  if (interval.unit === 'day') return (date.getUTCDate() - 1) % interval.step === 0;
  if (interval.unit === 'week') return date.getUTCDay() === 1;
  if (interval.unit === 'month') return date.getUTCDate() === 1 && date.getUTCMonth() % interval.step === 0;
  return date.getUTCDate() === 1 && date.getUTCMonth() === 0 && date.getUTCFullYear() % interval.step === 0;
}

/**
 * Tick times on [start, end] at a nice interval (1, 5, 15, 30 s or min; 1, 3, 6, 12 h; 1 or 2
 * days; Mondays; months; quarters; years), all UTC, at most about `maxCount` of them. Calendar
 * ticks fall at midnight, so a day's date is written once, at its boundary.
 */
export function timeTicks(start: number, end: number, maxCount: number): { interval: TickInterval; ticks: number[] } {
  const interval = chooseTickInterval(start, end, maxCount);
  const ticks: number[] = [];
  if (!(end >= start)) return { interval, ticks };
  if (interval.unit === 'ms') {
    for (let t = Math.ceil(start / interval.step) * interval.step; t <= end; t += interval.step) ticks.push(t);
    return { interval, ticks };
  }
  // Calendar intervals: walk the days (at most a few hundred for any span a bar chart shows) or,
  // for months and years, the first of each month.
  if (interval.unit === 'day' || interval.unit === 'week') {
    for (let t = Math.ceil(start / day) * day; t <= end; t += day) if (onInterval(t, interval)) ticks.push(t);
    return { interval, ticks };
  }
  const first = new Date(start);
  let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)).getTime();
  for (let m = 0; month <= end && m < 12 * 10_000; m++) {
    if (month >= start && onInterval(month, interval)) ticks.push(month);
    const date = new Date(month);
    month = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return { interval, ticks };
}
