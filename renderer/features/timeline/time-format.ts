const day = 86_400_000;

/** A UTC tick label that says just enough for the span on view. */
export function formatTick(time: number, spanMs: number): string {
  const iso = new Date(time).toISOString();
  if (spanMs <= day) return iso.slice(11, 16);
  if (spanMs <= 8 * day) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(5, 10);
}

/** A full UTC time for tooltips and cells: `2026-11-20 10:00:00 UTC`. */
export function formatUtc(time: number): string {
  if (Number.isNaN(time)) return 'no time';
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

// One formatter for every call: toLocaleString builds a new one each time, which costs more
// than the rest of a table row.
const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The same instant in the analyst's local time, for hover titles. */
export function formatLocal(time: number): string {
  if (Number.isNaN(time)) return '';
  return `${localFormat.format(time)} (local)`;
}
