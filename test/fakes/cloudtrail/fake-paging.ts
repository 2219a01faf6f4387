/**
 * How LookupEvents pages one query's matches, shared by the fake's HTTP server and the engine's
 * in-process simulation: newest first (ties in a stable order), `max` a page, the rest behind a
 * NextToken. With `repeatAcrossPages`, each page starts with the last event of the one before,
 * as CloudTrail can repeat an event at a page boundary when several share one timestamp.
 */
export interface PagedEvent {
  eventId: string;
  time: number;
}

export function pageOf<T extends PagedEvent>(
  hits: T[],
  offset: number,
  max: number,
  repeatAcrossPages = false,
): { page: T[]; nextOffset: number | null } {
  const sorted = [...hits].sort((a, b) => b.time - a.time || (a.eventId < b.eventId ? -1 : 1));
  const page = sorted.slice(offset, offset + max);
  if (offset + max >= sorted.length) return { page, nextOffset: null };
  return { page, nextOffset: repeatAcrossPages && max > 1 ? offset + max - 1 : offset + max };
}
