import type { NormalizedEvent } from '../records/types';
import type { Severity } from '../rules/types';

/** Severities, lowest first; a flagged event counts under the highest severity among its flags. */
export const severities: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Counted kinds per event position: read, write, error, then one per severity (flagged events only). */
const kinds = 3 + severities.length;
const categoryCode = { read: 0, write: 1, error: 2 } as const;
const severityCode: Record<Severity, number> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };
const codeBits = 32; // room for category * 6 + severity (0..17) below the time

/**
 * The events' times in ascending order, with running counts of each kind beside them, built once
 * per list of events. A bucket's counts are then two binary searches and a subtraction, so
 * re-bucketing a zoomed range costs a few thousand steps whatever the number of events, rather
 * than a pass over every event.
 */
export interface TimelineIndex {
  /** Valid event times, ascending (events without a time are left out). */
  times: Float64Array;
  /** `prefix[i * kinds + k]`: how many of the first i events (in time order) are of kind k. */
  prefix: Int32Array;
}

/** The severity a flagged event counts under, or null for an event no rule flagged. */
export type SeverityOf = (event: NormalizedEvent) => Severity | null;

function codeOf(event: NormalizedEvent, severityOf: SeverityOf): number {
  const severity = severityOf(event);
  return categoryCode[event.category] * 6 + (severity === null ? 0 : severityCode[severity]);
}

/**
 * Each event's time and kind packed into one number (time since the earliest, times 32, plus the
 * kind's code), so a native numeric sort orders them without a comparator. A list already in
 * time order (the table's default sort is newest first) is only reversed or kept.
 */
function sortedKeys(events: readonly NormalizedEvent[], severityOf: SeverityOf): { keys: Float64Array; min: number } | null {
  let min = Infinity;
  let max = -Infinity;
  let valid = 0;
  for (let i = 0; i < events.length; i++) {
    const time = events[i]!.time;
    if (Number.isNaN(time)) continue;
    valid += 1;
    if (time < min) min = time;
    if (time > max) max = time;
  }
  if (valid > 0 && (max - min) * codeBits + codeBits > Number.MAX_SAFE_INTEGER) return null;
  const keys = new Float64Array(valid);
  // Only the times need to be in order (the kinds of events at one time may come in any order).
  let rising = true;
  let falling = true;
  let previous = NaN;
  let at = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const time = event.time;
    if (Number.isNaN(time)) continue;
    if (time < previous) rising = false;
    else if (time > previous) falling = false;
    previous = time;
    keys[at++] = Math.floor(time - min) * codeBits + codeOf(event, severityOf);
  }
  if (falling && !rising) keys.reverse();
  else if (!rising) keys.sort();
  return { keys, min };
}

/** Builds the index of a list of events (any order). */
export function indexEvents(events: readonly NormalizedEvent[], severityOf: SeverityOf): TimelineIndex {
  const packed = sortedKeys(events, severityOf);
  const keys = packed?.keys;
  const min = packed?.min ?? 0;
  const pairs: Array<[number, number]> = [];
  if (!keys) {
    // Times too far apart to pack (only hostile data does this): sort pairs instead.
    for (const event of events) if (!Number.isNaN(event.time)) pairs.push([event.time, codeOf(event, severityOf)]);
    pairs.sort((a, b) => a[0] - b[0]);
  }
  const count = keys ? keys.length : pairs.length;
  const times = new Float64Array(count);
  const prefix = new Int32Array((count + 1) * kinds);
  for (let i = 0; i < count; i++) {
    const key = keys ? keys[i]! : 0;
    const code = keys ? key % codeBits : pairs[i]![1];
    times[i] = keys ? min + Math.floor(key / codeBits) : pairs[i]![0];
    const row = i * kinds;
    for (let k = 0; k < kinds; k++) prefix[row + kinds + k] = prefix[row + k]!;
    prefix[row + kinds + Math.floor(code / 6)]! += 1;
    const severity = code % 6;
    if (severity > 0) prefix[row + kinds + 2 + severity]! += 1;
  }
  return { times, prefix };
}

/** The first position whose time is at least `time` (`inclusive`) or above it. */
export function positionOf(times: Float64Array, time: number, inclusive = true): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (inclusive ? times[mid]! < time : times[mid]! <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Counts of each kind between two positions: [read, write, error, info, low, medium, high, critical]. */
export function countsBetween(index: TimelineIndex, from: number, to: number, into: Int32Array): Int32Array {
  for (let k = 0; k < kinds; k++) into[k] = index.prefix[to * kinds + k]! - index.prefix[from * kinds + k]!;
  return into;
}

export const kindCount = kinds;
