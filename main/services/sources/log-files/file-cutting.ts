import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import type { LogFile } from './discover';
import { hitsIn, looksWhole } from './prefilter';
import type { Needles } from './prefilter';
import { recordsHolding } from './record-slices';
import type { RecordSlice } from './record-slices';

/**
 * A file's text, unzipped into one buffer of the size its gzip trailer gives: zlib's default 16 KiB
 * chunks cost a copy each. Read and unzipped on the calling thread (a cutter, one per core):
 * handing each file to libuv's pool and back cost more CPU than the unzipping gained.
 */
export function textOf(file: LogFile, maxTextBytes: number): Buffer {
  const tooLarge = () => new Error(`it holds more than ${Math.round(maxTextBytes / 1_048_576)} MiB of text, far more than CloudTrail writes to one file: not read`);
  if (!file.path.endsWith('.gz')) {
    if (file.bytes > maxTextBytes) throw tooLarge();
    return readFileSync(file.path);
  }
  try {
    return gunzipSync(readFileSync(file.path), { chunkSize: Math.min(Math.max(file.textBytes + 1, 64 << 10), 256 << 20), maxOutputLength: maxTextBytes });
  } catch (error) {
    // A file that unzips past the bound (a gzip bomb in the bucket) stops there, never in memory whole.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw error;
  }
}

/** What one file may unzip to by default: CloudTrail's files are a few MB to tens of MB of text. */
export const MAX_TEXT_BYTES = 512 << 20;

/**
 * A file's candidate records: those whose text holds the filter's value (a byte search, sound for
 * every filter, see prefilter.ts), cut exactly. Throws for a file cut short or not CloudTrail's.
 */
export function candidatesOf(text: Buffer, needles: Needles): RecordSlice[] {
  const hits = hitsIn(text, needles);
  const slices = hits === 'all' || hits.length ? recordsHolding(text, hits) : [];
  if (!looksWhole(text)) throw new Error('the file is cut short or is not one JSON object');
  return slices;
}

/** The first line of an error's message, for a file's reason. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
