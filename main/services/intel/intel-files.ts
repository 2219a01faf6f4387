import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import writeFileAtomic from 'write-file-atomic';

import type { DatasetId } from '../../../shared/intel/types';
import { ensurePrivateDir, PRIVATE_FILE_MODE, writePrivateFile } from '../storage/private-files';

/**
 * The imported data sets in the data folder (`<dataDir>/intel/<id>.data` and `<id>.meta.json`),
 * private like everything Trailcase stores (folder 0700, files 0600). The data is written first
 * and its meta (with the data's SHA-256) last, so a crash in between leaves the old meta, which
 * no longer matches, and the data set reads as broken rather than half-replaced.
 */
export interface StoredMeta {
  id: DatasetId;
  /** The file name imported or the URL downloaded. */
  source: string;
  importedAt: string;
  /** The date of a plain Tor list (its file time, or the download's). */
  listDate?: string;
  sha256: string;
}

export function intelDir(dataDir: string): string {
  return join(dataDir, 'intel');
}

const dataPath = (dataDir: string, id: DatasetId) => join(intelDir(dataDir), `${id}.data`);
const metaPath = (dataDir: string, id: DatasetId) => join(intelDir(dataDir), `${id}.meta.json`);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Replaces one data set: only called with bytes that passed validation. */
export async function storeDataset(dataDir: string, id: DatasetId, bytes: Uint8Array, meta: Omit<StoredMeta, 'id' | 'sha256'>): Promise<StoredMeta> {
  await ensurePrivateDir(dataDir, 'intel');
  const stored: StoredMeta = { id, ...meta, sha256: sha256(bytes) };
  // Binary (an MMDB): written as writePrivateFile writes text, atomically and 0600.
  await writeFileAtomic(dataPath(dataDir, id), Buffer.from(bytes), { fsync: true, mode: PRIVATE_FILE_MODE });
  await writePrivateFile(metaPath(dataDir, id), `${JSON.stringify(stored, null, 2)}\n`);
  return stored;
}

/** One stored data set, or null when none was imported; throws when its files do not match. */
export async function readStoredDataset(dataDir: string, id: DatasetId): Promise<{ meta: StoredMeta; bytes: Buffer } | null> {
  let metaText: string;
  try {
    metaText = await readFile(metaPath(dataDir, id), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const meta = JSON.parse(metaText) as StoredMeta;
  const bytes = await readFile(dataPath(dataDir, id));
  if (meta.id !== id || meta.sha256 !== sha256(bytes)) throw new Error(`the stored ${id} data set does not match its record (interrupted import?); import it again`);
  return { meta, bytes };
}

/** A stamp that changes whenever a data set is replaced (by this process or another). */
export async function storeStamp(dataDir: string): Promise<string> {
  const ids: DatasetId[] = ['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits'];
  const parts = await Promise.all(
    ids.map((id) =>
      stat(metaPath(dataDir, id)).then(
        (info) => `${info.ino}:${info.mtimeMs}:${info.size}`,
        () => '-',
      ),
    ),
  );
  return parts.join('|');
}
