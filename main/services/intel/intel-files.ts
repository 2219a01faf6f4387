import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import writeFileAtomic from 'write-file-atomic';

import type { DatasetId } from '../../../shared/intel/types';

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

const folderMode = 0o700;
const fileMode = 0o600;

export function intelDir(dataDir: string): string {
  return join(dataDir, 'intel');
}

const dataPath = (dataDir: string, id: DatasetId) => join(intelDir(dataDir), `${id}.data`);
const metaPath = (dataDir: string, id: DatasetId) => join(intelDir(dataDir), `${id}.meta.json`);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function ensureFolder(dataDir: string): Promise<void> {
  for (const dir of [dataDir, intelDir(dataDir)]) {
    await mkdir(dir, { recursive: true, mode: folderMode });
    if (((await stat(dir)).mode & 0o077) !== 0) await chmod(dir, folderMode);
  }
}

/** Replaces one data set: only called with bytes that passed validation. */
export async function storeDataset(dataDir: string, id: DatasetId, bytes: Uint8Array, meta: Omit<StoredMeta, 'id' | 'sha256'>): Promise<StoredMeta> {
  await ensureFolder(dataDir);
  const stored: StoredMeta = { id, ...meta, sha256: sha256(bytes) };
  await writeFileAtomic(dataPath(dataDir, id), Buffer.from(bytes), { fsync: true, mode: fileMode });
  await writeFileAtomic(metaPath(dataDir, id), `${JSON.stringify(stored, null, 2)}\n`, { fsync: true, mode: fileMode });
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
