import type { TickInterval } from '../../../shared/aggregate/time-ticks';

const day = 86_400_000;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 20`, in UTC. */
export function formatDay(time: number): string {
  const date = new Date(time);
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/**
 * A UTC tick label, as d3's time axis writes them: the date at a day boundary (the month or the
 * year at theirs) and the time of day elsewhere, so each date appears once; the first tick
 * carries its date too, so the axis never starts without one.
 */
export function tickLabel(time: number, interval: TickInterval, first: boolean): { text: string; date: boolean } {
  const date = new Date(time);
  const clock = new Date(time).toISOString().slice(11, interval.unit === 'ms' && interval.step < 60_000 ? 19 : 16);
  if (time % day === 0) {
    if (interval.unit === 'year' || (interval.unit === 'month' && date.getUTCMonth() === 0))
      return { text: String(date.getUTCFullYear()), date: true };
    if (interval.unit === 'month') return { text: months[date.getUTCMonth()]!, date: true };
    return { text: formatDay(time), date: true };
  }
  return first ? { text: `${formatDay(time)} ${clock}`, date: true } : { text: clock, date: false };
}

/** A full UTC time for tooltips and cells: `2026-11-20 10:00:00 UTC`. */
export function formatUtc(time: number): string {
  if (Number.isNaN(time)) return 'no time';
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A bucket range in words: `2026-11-20 10:00:00 – 10:05:00 UTC` (the end date written when it differs). */
export function formatSpan(start: number, end: number): string {
  const from = formatUtc(start).slice(0, 19);
  const to = formatUtc(end).slice(0, 19);
  return `${from} – ${to.slice(0, 10) === from.slice(0, 10) ? to.slice(11) : to} UTC`;
}

// One formatter for every call: toLocaleString builds a new one each time, which costs more
// than the rest of a table row.
const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The same instant in the analyst's local time, for hover titles. */
export function formatLocal(time: number): string {
  if (Number.isNaN(time)) return '';
  return `${localFormat.format(time)} (local)`;
}
