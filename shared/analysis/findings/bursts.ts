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
 * running counts, so a file of 100,000 failures costs no more than it must. Each item's time,
 * mark and keys are read once into typed arrays (keys as small numbers), so the window's two
 * ends move over numbers, not maps of strings.
 */
export function findBursts<T>(items: readonly T[], options: BurstOptions<T>): T[][] {
  const { timeOf, windowMs, qualifies } = options;
  const isMarked = options.isMarked ?? (() => true);
  const keys = options.keys ?? [];
  const n = items.length;
  const times = new Float64Array(n);
  const marks = new Uint8Array(n);
  // Per key function: each marked item's key as a number (-1: no key), and per number how many the window holds.
  const keyIds = keys.map(() => new Int32Array(n).fill(-1));
  const numbers = keys.map(() => new Map<string, number>());
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    times[i] = timeOf(item);
    if (!isMarked(item)) continue;
    marks[i] = 1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!(item);
      if (!key) continue;
      const known = numbers[k]!;
      let id = known.get(key);
      if (id === undefined) known.set(key, (id = known.size));
      keyIds[k]![i] = id;
    }
  }
  const counts = numbers.map((known) => new Int32Array(known.size));
  const stats: WindowStats = { size: 0, marked: 0, distinct: keys.map(() => 0) };
  const change = (i: number, step: 1 | -1) => {
    stats.size += step;
    if (!marks[i]) return;
    stats.marked += step;
    for (let k = 0; k < keys.length; k++) {
      const id = keyIds[k]![i]!;
      if (id < 0) continue;
      const held = counts[k]!;
      const before = held[id]!;
      held[id] = before + step;
      if (before === 0) stats.distinct[k]! += 1;
      else if (before + step === 0) stats.distinct[k]! -= 1;
    }
  };
  const bursts: T[][] = [];
  let current: { from: number; to: number } | null = null;
  const close = () => {
    if (current) {
      const burst: T[] = [];
      for (let i = current.from; i <= current.to; i++) if (marks[i]) burst.push(items[i]!);
      bursts.push(burst);
    }
    current = null;
  };
  let start = 0;
  for (let end = 0; end < n; end++) {
    change(end, 1);
    while (times[end]! - times[start]! > windowMs) change(start++, -1);
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
