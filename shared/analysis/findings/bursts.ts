/** What a sliding window holds: how many items, how many of them count, and distinct keys among those. */
export interface WindowStats {
  size: number;
  marked: number;
  /** Per key function, the number of distinct non-empty keys among the marked items. */
  distinct: number[];
}

export interface BurstOptions<T> {
  timeOf: (item: T) => number;
  windowMs: number;
  /** Which items count towards a burst (all of them by default); the others only widen `size`. */
  isMarked?: (item: T) => boolean;
  /** Keys whose distinct values among marked items the test can read (services, user names…). */
  keys?: ReadonlyArray<(item: T) => string>;
  qualifies: (stats: WindowStats) => boolean;
}

/**
 * Runs of items (in time order) where some window of `windowMs` qualifies; overlapping windows
 * merge into one burst. Returns each burst's marked items. Linear: one pass with two ends and
 * running counts, so a file of 100,000 failures costs no more than it must.
 */
export function findBursts<T>(items: readonly T[], options: BurstOptions<T>): T[][] {
  const { timeOf, windowMs, qualifies } = options;
  const isMarked = options.isMarked ?? (() => true);
  const keys = options.keys ?? [];
  const counts = keys.map(() => new Map<string, number>());
  const stats: WindowStats = { size: 0, marked: 0, distinct: keys.map(() => 0) };
  const change = (item: T, step: 1 | -1) => {
    stats.size += step;
    if (!isMarked(item)) return;
    stats.marked += step;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!(item);
      if (!key) continue;
      const map = counts[k]!;
      const next = (map.get(key) ?? 0) + step;
      if (next === 0) map.delete(key);
      else map.set(key, next);
      stats.distinct[k] = map.size;
    }
  };
  const bursts: T[][] = [];
  let current: { from: number; to: number } | null = null;
  const close = () => {
    if (current) bursts.push(items.slice(current.from, current.to + 1).filter(isMarked));
    current = null;
  };
  let start = 0;
  for (let end = 0; end < items.length; end++) {
    change(items[end]!, 1);
    while (timeOf(items[end]!) - timeOf(items[start]!) > windowMs) change(items[start++]!, -1);
    if (!qualifies(stats)) continue;
    if (current && start <= current.to) current.to = end;
    else {
      close();
      current = { from: start, to: end };
    }
  }
  close();
  return bursts;
}
