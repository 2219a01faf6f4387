import { wasmCutter } from './wasm-cut';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isOpen = (byte: number | undefined) => byte === 0x7b || byte === 0x5b;
const isClose = (byte: number | undefined) => byte === 0x7d || byte === 0x5d;
const isGap = (byte: number | undefined) => byte !== undefined && (byte === 0x2c || byte <= 0x20);
const RECORDS_KEY = Buffer.from('"Records"');

/** The index just past the string that opens at `at` (a quote), skipping escaped quotes. */
function endOfString(text: Buffer, at: number): number {
  let next = at;
  for (;;) {
    next = text.indexOf(QUOTE, next + 1);
    if (next < 0) throw new Error('a string is not closed');
    let slashes = 0;
    while (text[next - 1 - slashes] === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return next + 1;
  }
}

/** Where the `Records` array of the top-level object opens (the `[`), or -1. */
function recordsArrayAt(text: Buffer): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (byte === QUOTE) {
      const end = endOfString(text, i);
      if (depth === 1 && text.subarray(i, end).equals(RECORDS_KEY)) return text.indexOf(0x5b, end);
      i = end - 1;
    } else if (isOpen(byte)) depth += 1;
    else if (isClose(byte)) depth -= 1;
  }
  return -1;
}

/** One element of a log file's `Records`: its 1-based position and its exact text. */
export interface RecordSlice {
  position: number;
  raw: string;
}

/**
 * The elements of a log file's `Records` array that hold one of the byte offsets `hits` (sorted
 * ascending; every element when `hits` is 'all'), each as the exact text the file holds (key
 * order, number formatting and escapes untouched), which a JSON parser's re-serialisation would
 * not keep (DESIGN 2.1). The array is walked element by element, only as far as the last hit: in
 * WebAssembly (wasm-cut.ts), or here, strings skipped with a native search for the next quote, for
 * what the WebAssembly walk leaves (every record asked for, an element that is not an object,
 * text cut short, which is then reported from here; `wasm: false` walks here). Throws when the array is missing or
 * a record is cut short (a truncated file).
 */
export function recordsHolding(text: Buffer, hits: readonly number[] | 'all', options: { wasm?: boolean } = {}): RecordSlice[] {
  const found: RecordSlice[] = [];
  const opened = recordsArrayAt(text);
  if (opened < 0) throw new Error('the file has no "Records" array');
  if (hits !== 'all' && hits.length && options.wasm !== false) {
    const cut = inWasm(text, opened + 1, hits);
    if (cut) return cut.map(({ position, start, end }) => ({ position, raw: text.toString('utf8', start, end) }));
  }
  const every = hits === 'all';
  const last = every ? Infinity : (hits[hits.length - 1] ?? -1);
  let next = 0;
  let position = 0;
  for (let i = opened + 1; i <= last;) {
    const byte = text[i];
    if (byte === undefined) throw new Error('the Records array is not closed');
    if (isGap(byte)) {
      i += 1;
      continue;
    }
    if (isClose(byte)) break;
    position += 1;
    const end = endOfElement(text, i);
    if (!every) while (next < hits.length && hits[next]! < i) next += 1;
    if (every || (next < hits.length && hits[next]! < end)) found.push({ position, raw: text.toString('utf8', i, end) });
    i = end;
  }
  return found;
}

/** The WebAssembly walk's answer, or null where it leaves the walk to JavaScript (or cannot run). */
function inWasm(text: Buffer, at: number, hits: readonly number[]) {
  try {
    return wasmCutter()?.cut(text, at, hits) ?? null;
  } catch {
    // Its memory could not grow to the file's size: the JavaScript walk needs none.
    return null;
  }
}

/** The index just past the array element that begins at `at` (an object, an array or a scalar). */
function endOfElement(text: Buffer, at: number): number {
  if (text[at] === QUOTE) return endOfString(text, at);
  if (!isOpen(text[at])) {
    let i = at;
    while (i < text.length && !isGap(text[i]) && !isClose(text[i])) i += 1;
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const byte = text[i];
    if (byte === QUOTE) i = endOfString(text, i) - 1;
    else if (isOpen(byte)) depth += 1;
    else if (isClose(byte) && --depth === 0) return i + 1;
  }
  throw new Error('a record is not closed');
}
