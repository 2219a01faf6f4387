import type { NormalizedEvent } from '../records/types';

/** Events in the order CloudTrail files use: eventTime ascending, each eventID once. */
export function exportOrder(events: readonly NormalizedEvent[]): NormalizedEvent[] {
  const seen = new Set<string>();
  const unique: NormalizedEvent[] = [];
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    unique.push(event);
  }
  return unique.sort((a, b) => (Number.isNaN(a.time) ? 1 : Number.isNaN(b.time) ? -1 : a.time - b.time));
}

/**
 * The events as a CloudTrail log file, `{"Records":[...]}`. Each record is written from the raw
 * text AWS sent when there is one, so every field (and every digit of every number) survives.
 * Unparseable records cannot be records: they are left out and counted.
 */
export function toRecordsJson(events: readonly NormalizedEvent[]): { json: string; count: number; skipped: number } {
  const parts: string[] = [];
  let skipped = 0;
  for (const event of exportOrder(events)) {
    if (!event.record) {
      skipped += 1;
      continue;
    }
    parts.push(event.raw ?? JSON.stringify(event.record));
  }
  return { json: `{"Records":[${parts.join(',')}]}`, count: parts.length, skipped };
}
