import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { ApiError } from '../../../shared/api/errors';
import type { DatasetInfo } from '../../../shared/intel/types';
import { checkIntelFile, IntelFileError, maxBytes } from './dataset-readers';
import type { IntelFileKind } from './dataset-readers';
import { storeDataset } from './intel-files';
import { loadIntel } from './load-enricher';

/** Reads at most `limit` bytes and one more, so that a file too large is told from one just right. */
async function readBounded(path: string, limit: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) break;
    }
    return Buffer.concat(chunks);
  } finally {
    await file.close();
  }
}

/**
 * Checks bytes of a kind and stores them as the data sets they hold; throws ApiError (the file
 * refused whole, nothing stored) when they are not valid. Used by `intel import` and Update.
 */
export async function acceptIntelBytes(
  dataDir: string,
  kind: IntelFileKind,
  bytes: Buffer,
  origin: { source: string; listDateMs: number | null },
): Promise<DatasetInfo[]> {
  let checked: ReturnType<typeof checkIntelFile>;
  try {
    checked = checkIntelFile(kind, bytes, origin.listDateMs);
  } catch (error) {
    if (error instanceof IntelFileError) throw new ApiError('CONFIG_INVALID', `${origin.source} was refused, nothing was changed: ${error.message}`);
    throw error;
  }
  const importedAt = new Date().toISOString();
  for (const id of checked.ids) {
    const listDate = id === 'tor-exits' && origin.listDateMs !== null ? { listDate: new Date(origin.listDateMs).toISOString() } : {};
    await storeDataset(dataDir, id, bytes, { source: origin.source, importedAt, ...listDate });
  }
  const { status } = await loadIntel(dataDir);
  return status.datasets.filter((dataset) => (checked.ids as string[]).includes(dataset.id));
}

/**
 * `intel import`: one file replaces one data set (an MMDB with countries and ASNs, both). A plain
 * Tor list has no date of its own: `listDate` (ISO) or else the file's modification time.
 */
export async function importIntelFile(dataDir: string, request: { kind: IntelFileKind; file: string; listDate?: string }): Promise<DatasetInfo[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(request.file);
  } catch {
    throw new ApiError('NOT_FOUND', `Cannot read ${request.file}.`);
  }
  if (!info.isFile()) throw new ApiError('BAD_INPUT', `${request.file} is not a file.`);
  const bytes = await readBounded(request.file, maxBytes[request.kind]);
  const listDateMs = request.listDate === undefined ? info.mtimeMs : Date.parse(request.listDate);
  if (!Number.isFinite(listDateMs)) throw new ApiError('BAD_INPUT', `--date must be an ISO date, not "${request.listDate}".`);
  return acceptIntelBytes(dataDir, request.kind, bytes, { source: basename(request.file), listDateMs });
}
