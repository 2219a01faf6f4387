/** Events a LookupEvents page holds at most. */
export const PAGE_SIZE = 50;

/**
 * A cursor pages one LookupEvents query. Its window stays fixed while it holds a NextToken (a
 * token only serves the query that made it); splitting moves `stopAt` up instead, and the
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
  /** Events this cursor's pages held. */
  seen: number;
  /**
   * Events per ms expected just below the cursor: its newest page weighs three quarters, as the
   * pages just above are the best guess of the pages just below and a burst or a lull must show
   * at once. Absent until the cursor's first page.
   */
  density?: number;
  done: boolean;
}

/** Time this cursor still has to cover, in ms. */
export function remainingOf(cursor: CursorState): number {
  if (cursor.done) return 0;
  return Math.max(0, topOf(cursor) - cursor.stopAt);
}

/** Where the cursor's next page starts: below its oldest event, or its window's end. */
export function topOf(cursor: CursorState): number {
  return cursor.oldestSeen ?? cursor.windowEnd;
}

/** What the newest page weighs in a cursor's density. */
const DENSITY_WEIGHT = 0.75;

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
  cursor.windowEnd = topOf(cursor);
}

/** Records a page on its cursor: its oldest event, its token, its density; done when it reached stopAt. */
export function advance(cursor: CursorState, times: number[], nextToken: string | null): void {
  const top = topOf(cursor);
  cursor.pages += 1;
  cursor.seen = (cursor.seen ?? 0) + times.length;
  for (const time of times) if (cursor.oldestSeen === null || time < cursor.oldestSeen) cursor.oldestSeen = time;
  const sample = densityBelow(times, top, nextToken === null ? cursor.windowStart : null);
  cursor.density = cursor.density === undefined ? sample : DENSITY_WEIGHT * sample + (1 - DENSITY_WEIGHT) * cursor.density;
  cursor.nextToken = nextToken;
  cursor.done = nextToken === null || (cursor.oldestSeen !== null && cursor.oldestSeen <= cursor.stopAt);
  if (cursor.done) cursor.nextToken = null;
}

/**
 * Events per ms at the bottom of a page, where the next page starts: the older half of its
 * events over the time they span. A page that began in a quiet stretch and ended in a burst
 * says "burst". The last page of a query proves its window empty below, down to `windowStart`.
 * Second precision: a span under a second counts as a second.
 */
function densityBelow(times: number[], top: number, windowStart: number | null): number {
  if (windowStart !== null || times.length < 2) {
    const bottom = windowStart ?? Math.min(top, ...times);
    return times.length / Math.max(1000, top - bottom);
  }
  const sorted = [...times].sort((a, b) => b - a);
  const half = sorted.slice(Math.floor(sorted.length / 2));
  return half.length / Math.max(1000, half[0]! - half.at(-1)!);
}

/** The time a finished cursor proves complete, for the cache of covered ranges. */
export function coveredBy(cursor: CursorState): [number, number] {
  return [
    cursor.nextToken === null && cursor.oldestSeen !== null && cursor.oldestSeen > cursor.stopAt ? cursor.windowStart : cursor.stopAt,
    cursor.windowEnd,
  ];
}
