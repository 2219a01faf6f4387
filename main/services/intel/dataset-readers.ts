import { parseAwsIpRanges } from '../../../shared/intel/aws-ranges';
import type { AwsRanges } from '../../../shared/intel/aws-ranges';
import { describeRefusal } from '../../../shared/intel/parse-result';
import type { ParseResult } from '../../../shared/intel/parse-result';
import { parseTorExits } from '../../../shared/intel/tor-exits';
import type { TorExitList } from '../../../shared/intel/tor-exits';
import { openMmdb } from './mmdb-datasets';
import type { MmdbDataset } from './mmdb-datasets';

/** The three kinds of file `intel import` and Update take (DESIGN 2.2). */
export type IntelFileKind = 'tor-exits' | 'aws-ip-ranges' | 'ip-db';

/** A file refused whole, with the line that failed when there is one (PROMISES 22). */
export class IntelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntelFileError';
  }
}

/** The longest file of each kind read: well above today's (AWS 2 MB, Tor 1 MB, MMDB tens of MB). */
export const maxBytes: Record<IntelFileKind, number> = { 'tor-exits': 32 << 20, 'aws-ip-ranges': 64 << 20, 'ip-db': 512 << 20 };

function text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IntelFileError('not UTF-8 text');
  }
}

function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new IntelFileError(describeRefusal(result));
  return result.value;
}

export function readTorExits(bytes: Uint8Array, listDateMs: number | null): TorExitList {
  return unwrap(parseTorExits(text(bytes), listDateMs));
}

export function readAwsRanges(bytes: Uint8Array): AwsRanges {
  return unwrap(parseAwsIpRanges(text(bytes)));
}

export function readMmdb(bytes: Uint8Array): MmdbDataset {
  try {
    return openMmdb(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new IntelFileError(error instanceof Error ? error.message : String(error));
  }
}

/** What a valid file of a kind holds, for the message and the status; throws IntelFileError. */
export function checkIntelFile(kind: IntelFileKind, bytes: Uint8Array, listDateMs: number | null): { ids: Array<'tor-exits' | 'aws-ip-ranges' | 'ip-country' | 'ip-asn'>; date: string | null; entries: number } {
  if (bytes.byteLength > maxBytes[kind]) throw new IntelFileError(`larger than ${maxBytes[kind] >> 20} MB`);
  if (kind === 'tor-exits') {
    const list = readTorExits(bytes, listDateMs);
    return { ids: ['tor-exits'], date: new Date(list.to).toISOString(), entries: list.seen.size };
  }
  if (kind === 'aws-ip-ranges') {
    const ranges = readAwsRanges(bytes);
    return { ids: ['aws-ip-ranges'], date: ranges.date, entries: ranges.entries };
  }
  const db = readMmdb(bytes);
  return { ids: db.kinds, date: db.date, entries: db.entries };
}
