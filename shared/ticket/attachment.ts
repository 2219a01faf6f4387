import type { NormalizedEvent } from '../records/types';

/**
 * The name of the events file attached to an issue: `trailcase-events-20261101T100405Z.json`.
 * Built only from a time, never from event data, so it cannot carry a path or odd characters.
 */
export function attachmentName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `trailcase-events-${stamp}.json`;
}

/** Tells a safe attachment name (the form `attachmentName` makes) from any other. */
export function isSafeAttachmentName(name: string): boolean {
  return /^trailcase-events-\d{8}T\d{6}Z\.json$/.test(name);
}

/**
 * The attached file in the records format (`{"Records": [...]}`): each record written from the
 * raw text AWS sent, so every field and digit survives and no hostile depth of nesting can
 * exhaust a recursive stringify. A raw text that never parsed is kept as a string element, so
 * nothing is dropped.
 */
export function recordsFile(events: ReadonlyArray<Pick<NormalizedEvent, 'record' | 'raw'>>): string {
  const parts = events.map((event) => {
    if (!event.record) return JSON.stringify(event.raw ?? '');
    return event.raw ?? JSON.stringify(event.record);
  });
  return `{"Records":[\n${parts.join(',\n')}\n]}\n`;
}
