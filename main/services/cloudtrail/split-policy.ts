import { coveredBy, PAGE_SIZE, remainingOf, topOf } from './cursors';
import type { CursorState } from './cursors';

/**
 * Which cursor a free call slot goes to, and when a busy cursor is split to make another. Pure:
 * the region runner feeds it the cursors and the latency it has seen.
 *
 * Every estimate is in expected pages, not time: a week with a six-hour burst is mostly time
 * and few pages, the burst the other way round, and only pages cost calls.
 */

/** How far (in pages) the split point sits above where the owner's last page should end. */
const SAFETY = 0.1;

/**
 * Where the first split, made before any page has returned, cuts the range: the owner keeps the
 * newest 40% of it. At 1.5 s a call the older part is split again a window later, and the three
 * parts reach the older days sooner than halves and a quarter would.
 */
const BLIND_FIRST = 0.6;

/** Pages an owner keeps at least when its density is stretched over a range it has not seen. */
const MIN_KEPT = 10;

/** A split is worth a call once the owner is expected to need this much of a page beyond its call in flight. */
const MIN_PAGES_BEYOND = 0.25;

/** Events per ms seen by the region's cursors so far (events over the time their pages proved), or null. */
export function regionDensity(cursors: CursorState[]): number | null {
  let events = 0;
  let time = 0;
  for (const cursor of cursors) {
    if (cursor.pages === 0) continue;
    events += cursor.seen;
    const bottom = cursor.done ? coveredBy(cursor)[0] : topOf(cursor);
    time += Math.max(1000, cursor.windowEnd - bottom);
  }
  return time > 0 ? events / time : null;
}

/** The density a cursor's remaining range is expected to have: its own pages', else the region's. */
function densityOf(cursor: CursorState, prior: number | null): number | null {
  return cursor.density ?? prior;
}

/** Pages a cursor is expected still to need; Infinity when nothing is known yet. */
export function expectedPages(cursor: CursorState, prior: number | null): number {
  if (cursor.done) return 0;
  const density = densityOf(cursor, prior);
  if (density === null) return Number.POSITIVE_INFINITY;
  return (remainingOf(cursor) * density) / PAGE_SIZE;
}

/** Larger expected pages first; equal (unknown) ones by the time they still cover. */
function byWork(prior: number | null) {
  return (a: CursorState, b: CursorState) => expectedPages(b, prior) - expectedPages(a, prior) || remainingOf(b) - remainingOf(a);
}

/** The idle cursor to call next: the one expected to need the most pages, so the longest one starts first. */
export function nextToRun(idle: CursorState[], prior: number | null): CursorState | null {
  return [...idle].filter((cursor) => !cursor.done).sort(byWork(prior))[0] ?? null;
}

/**
 * Cursors that keep the limiter busy at latency `latencyMs`: a cursor makes one call per
 * latency and the limiter grants `calls` per `windowMs`, so `calls × latency / window` of them,
 * and no more. Every cursor ends on a partly filled page (or one that overlaps its neighbour's
 * part), so each cursor beyond those costs about half a call; a slot left empty while a cursor
 * is out costs less, as the limiter grants the next one as soon as it returns. At 300 ms a
 * call one cursor keeps both slots of every second busy and pages 2,000 events in the fewest
 * calls (41); at 1.5 s three do.
 */
export function cursorsWanted(latencyMs: number, calls: number, windowMs: number, max: number): number {
  return Math.min(max, Math.max(1, Math.ceil((calls * latencyMs) / windowMs)));
}

/**
 * Splits the busy cursor expected to need the most pages beyond its call in flight, when that is
 * worth a call: the owner keeps the newer part (its token pages down from where it is), about
 * half of what is left in pages, ending a little above where its last page is expected to end,
 * so that its last page is full and overlaps the new cursor's part by as little as possible.
 * Without any density yet (the first seconds), the remaining time is cut blind (BLIND_FIRST, then halves). Returns where the
 * owner now stops; the caller makes the cursor for [owner's old stopAt, that point].
 */
export function planSplit(busy: CursorState[], prior: number | null, minSplitMs: number): { owner: CursorState; at: number } | null {
  // A cursor still waiting for its first page is split only on its owner's density, or while
  // nothing at all is known (the first second); never on a guess made from a guess.
  const candidates = busy.filter(
    (cursor) =>
      !cursor.done &&
      remainingOf(cursor) >= Math.max(2000, minSplitMs) &&
      (cursor.pages > 0 || cursor.density !== undefined || prior === null),
  );
  const owner = candidates.sort(byWork(prior))[0];
  if (!owner) return null;
  const pages = expectedPages(owner, prior);
  if (pages - 1 < MIN_PAGES_BEYOND) return null;
  const top = topOf(owner);
  const density = densityOf(owner, prior);
  let at: number;
  if (density === null || !Number.isFinite(pages)) at = owner.stopAt + remainingOf(owner) * (busy.length === 1 ? BLIND_FIRST : 0.5);
  else {
    // A density holds near where it was seen: the owner keeps half of what is left, but no more
    // pages than it has already read, so that a burst seen on one page is not stretched over days.
    const kept = Math.max(1, Math.min(Math.floor((pages + 1) / 2), Math.max(MIN_KEPT, owner.pages)));
    at = top - ((kept - SAFETY) * PAGE_SIZE) / density;
  }
  // LookupEvents takes whole seconds; rounding up keeps the owner's last page ending below it.
  at = Math.min(Math.ceil(at / 1000) * 1000, Math.floor((top - 1) / 1000) * 1000);
  if (at <= owner.stopAt || at >= top) return null;
  return { owner, at };
}
