/**
 * A cursor pages one LookupEvents query. Its window stays fixed while it holds a NextToken (a
 * token only serves the query that made it); work-stealing moves `stopAt` up instead, and the
 * cursor stops once its pages, newest first, reach that point.
 */
export interface CursorState {
  id: string;
  streamId: string;
  windowStart: number;
  windowEnd: number;
  /** Events at or below this time belong to another cursor; never below windowStart. */
  stopAt: number;
  nextToken: string | null;
  /** The oldest event time seen on this cursor's pages, in ms. */
  oldestSeen: number | null;
  pages: number;
  /** Events this cursor's pages held, for the density estimate. */
  seen: number;
  done: boolean;
}

/** Time this cursor still has to cover, in ms. */
export function remainingOf(cursor: CursorState): number {
  if (cursor.done) return 0;
  return Math.max(0, (cursor.oldestSeen ?? cursor.windowEnd) - cursor.stopAt);
}

/** A cursor for a fresh query over [start, end]. */
export function newCursor(id: string, streamId: string, start: number, end: number): CursorState {
  return {
    id,
    streamId,
    windowStart: start,
    windowEnd: end,
    stopAt: start,
    nextToken: null,
    oldestSeen: null,
    pages: 0,
    seen: 0,
    done: false,
  };
}

/** Before a call without a token the window may be narrowed to what is left. */
export function narrowForFreshQuery(cursor: CursorState): void {
  if (cursor.nextToken !== null) return;
  cursor.windowStart = cursor.stopAt;
  cursor.windowEnd = cursor.oldestSeen ?? cursor.windowEnd;
}

/** Records a page on its cursor and tells whether the cursor is now done. */
export function advance(cursor: CursorState, times: number[], nextToken: string | null): void {
  cursor.pages += 1;
  cursor.seen = (cursor.seen ?? 0) + times.length;
  for (const time of times) if (cursor.oldestSeen === null || time < cursor.oldestSeen) cursor.oldestSeen = time;
  cursor.nextToken = nextToken;
  cursor.done = nextToken === null || (cursor.oldestSeen !== null && cursor.oldestSeen <= cursor.stopAt);
  if (cursor.done) cursor.nextToken = null;
}

/** Pages a cursor still has to fetch, judged from the density of the events it has seen. */
export function pagesLeftOf(cursor: CursorState): number {
  if (cursor.done || cursor.oldestSeen === null) return 0;
  const coveredMs = cursor.windowEnd - cursor.oldestSeen;
  if (coveredMs <= 0) return Number.POSITIVE_INFINITY;
  return (remainingOf(cursor) * (cursor.seen / coveredMs)) / 50;
}

/**
 * Work-stealing: splits the largest remaining range into equal parts, one for each cursor
 * wanted plus the part its owner keeps, and returns the new cursors (older parts). Only a cursor
 * holding a NextToken is split, and only into parts expected to hold a page and a half or more:
 * each split costs about one partial page, so smaller parts would cost more calls than they save.
 */
export function stealFrom(cursors: CursorState[], wanted: number, newId: () => string, minSplitMs: number): CursorState[] {
  let largest: CursorState | null = null;
  for (const cursor of cursors) {
    if (cursor.done || cursor.nextToken === null) continue;
    if (largest === null || remainingOf(cursor) > remainingOf(largest)) largest = cursor;
  }
  if (!largest) return [];
  const remaining = remainingOf(largest);
  const parts = Math.min(wanted + 1, Math.floor(pagesLeftOf(largest) / 1.5), Math.floor(remaining / minSplitMs));
  if (parts < 2) return [];
  const top = largest.oldestSeen ?? largest.windowEnd;
  const bounds = Array.from({ length: parts + 1 }, (_, i) =>
    i === parts ? top : Math.floor((largest.stopAt + (i * remaining) / parts) / 1000) * 1000,
  );
  const stolen: CursorState[] = [];
  for (let i = 0; i < parts - 1; i++)
    if (bounds[i + 1]! > bounds[i]!) stolen.push(newCursor(newId(), largest.streamId, bounds[i]!, bounds[i + 1]!));
  if (stolen.length > 0) largest.stopAt = stolen.at(-1)!.windowEnd;
  return stolen;
}

/** The time a finished cursor proves complete, for the cache of covered ranges. */
export function coveredBy(cursor: CursorState): [number, number] {
  return [
    cursor.nextToken === null && cursor.oldestSeen !== null && cursor.oldestSeen > cursor.stopAt ? cursor.windowStart : cursor.stopAt,
    cursor.windowEnd,
  ];
}
