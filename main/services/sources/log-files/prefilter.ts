import type { LogFilter } from './log-query';
import { filterValue } from './log-query';

/**
 * What a record must contain, byte for byte, to be able to match a filter: the value as JSON
 * writes it (inside a string, without the quotes), and for `--user root` the root identity's type.
 * Every filter compares a string the value is part of (equal, a suffix, an ARN segment), so a
 * record without these bytes can hold the value only written with other escapes (`\u0061`, `\/`),
 * and those escapes are searched too.
 */
export interface Needles {
  /** Empty: the value is empty, so every record is a candidate. */
  literals: Buffer[];
  escapes: Buffer[];
}

const BACKSLASH = 0x5c;

export function needlesOf(filter: LogFilter): Needles {
  const value = filterValue(filter);
  if (!value) return { literals: [], escapes: [] };
  const literals = [Buffer.from(JSON.stringify(value).slice(1, -1))];
  if (filter.kind === 'user' && value === 'root') literals.push(Buffer.from('"Root"'));
  // `\u` may spell any character; `\/` a slash. Other escapes spell only characters that
  // JSON.stringify escapes itself (quote, backslash, controls), which the literal already holds.
  const escapes = [Buffer.from('\\u'), ...(value.includes('/') ? [Buffer.from('\\/')] : [])];
  return { literals, escapes };
}

/**
 * The byte offsets in a file's text where a record able to match begins to show (sorted), or
 * 'all' when the filter cannot be narrowed. A native substring search, many times cheaper than
 * parsing: the records around these offsets are the only ones DuckDB is asked about.
 */
export function hitsIn(text: Buffer, needles: Needles): number[] | 'all' {
  if (!needles.literals.length) return 'all';
  const hits: number[] = [];
  for (const needle of needles.literals)
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) hits.push(at);
  // Escapes by their backslash (a one-byte search, the fastest there is), then the letter after it.
  for (let at = text.indexOf(BACKSLASH); at >= 0; at = text.indexOf(BACKSLASH, at + 2))
    if (needles.escapes.some((escape) => escape[1] === text[at + 1])) hits.push(at);
  return hits.sort((a, b) => a - b);
}

/**
 * A file's text looks whole: an object from its first to its last byte (white space aside). A
 * file none of whose records is a candidate is not walked, so this is what catches one cut short.
 */
export function looksWhole(text: Buffer): boolean {
  let first = 0;
  let last = text.length - 1;
  while (first <= last && text[first]! <= 0x20) first += 1;
  while (last >= first && text[last]! <= 0x20) last -= 1;
  return text[first] === 0x7b && text[last] === 0x7d;
}
