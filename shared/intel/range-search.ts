import { compareWords } from './ip-key';
import type { IpKey } from './ip-key';

/**
 * Sorted, non-overlapping inclusive ranges of addresses, each with a value index: IPv4 as one
 * word a bound, IPv6 as four. Built once from a data set; searched in O(log n).
 */
export interface RangeTable {
  v4Start: Uint32Array;
  v4End: Uint32Array;
  v4Value: Uint32Array;
  /** Four words an address, most significant first. */
  v6Start: Uint32Array;
  v6End: Uint32Array;
  v6Value: Uint32Array;
}

/** The value index of the range holding the key, or -1. */
export function findRange(table: RangeTable, key: IpKey): number {
  if (key.family === 4) return findV4(table, key.value);
  return findV6(table, key.words);
}

function findV4(table: RangeTable, value: number): number {
  let lo = 0;
  let hi = table.v4Start.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (table.v4Start[mid]! <= value) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && table.v4End[hi]! >= value ? table.v4Value[hi]! : -1;
}

function findV6(table: RangeTable, words: readonly number[]): number {
  let lo = 0;
  let hi = table.v6Value.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (compareWords(table.v6Start, mid * 4, words, 0) <= 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && compareWords(table.v6End, hi * 4, words, 0) >= 0 ? table.v6Value[hi]! : -1;
}

/** Checks that a table's ranges are sorted and do not overlap; the message names the first row that is not. */
export function checkRangeTable(table: RangeTable): string | null {
  for (let i = 0; i < table.v4Start.length; i++) {
    if (table.v4Start[i]! > table.v4End[i]!) return `IPv4 range ${i + 1} ends before it starts`;
    if (i > 0 && table.v4Start[i]! <= table.v4End[i - 1]!) return `IPv4 range ${i + 1} is out of order or overlaps the one before`;
  }
  for (let i = 0; i < table.v6Value.length; i++) {
    if (compareWords(table.v6Start, i * 4, table.v6End, i * 4) > 0) return `IPv6 range ${i + 1} ends before it starts`;
    if (i > 0 && compareWords(table.v6Start, i * 4, table.v6End, (i - 1) * 4) <= 0) return `IPv6 range ${i + 1} is out of order or overlaps the one before`;
  }
  return null;
}
