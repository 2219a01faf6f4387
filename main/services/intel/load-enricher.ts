import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import type { AsnTable } from '../../../shared/intel/asn-table';
import { datasetCredits } from '../../../shared/intel/credits';
import { createIpEnricher } from '../../../shared/intel/enricher';
import type { EnricherData } from '../../../shared/intel/enricher';
import type { DatasetId, DatasetInfo, IpEnricher } from '../../../shared/intel/types';
import { decodeAsnTable } from './asn-table-file';
import { bundledAsnTablePath, bundledCountryDb, countryPackage, versionDate } from './bundled-data';
import { readAwsRanges, readMmdb, readTorExits } from './dataset-readers';
import { readStoredDataset, storeStamp } from './intel-files';
import type { StoredMeta } from './intel-files';

/** The data sets in use, those missing (their answers read as null), and what went wrong loading. */
export interface IntelStatus {
  datasets: DatasetInfo[];
  missing: DatasetId[];
  problems: string[];
}

export interface LoadedIntel {
  enricher: IpEnricher;
  status: IntelStatus;
}

const allIds: DatasetId[] = ['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits'];

type Bundled<T> = { lookup: T; info: DatasetInfo };

const bundledInfo = (id: DatasetId, fields: Pick<DatasetInfo, 'date' | 'entries' | 'source'>): DatasetInfo => ({ id, ...datasetCredits[id], origin: 'bundled', ...fields });

/** Reads a bundled data set once a process, and again after a failure (each on its own: one missing file spoils only its data set). */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= read();
    loading.catch(() => (loading = null));
    return loading;
  };
}

const bundledCountry = once(async (): Promise<Bundled<NonNullable<EnricherData['country']>>> => {
  const db = bundledCountryDb();
  const country = readMmdb(await readFile(db.path));
  return { lookup: country.country, info: bundledInfo('ip-country', { date: country.date ?? versionDate(db.version), entries: country.entries, source: `${countryPackage}@${db.version}` }) };
});

/** The ASN table: about 100 ms to decode. */
const bundledAsn = once(async (): Promise<Bundled<AsnTable>> => {
  const { header, table } = decodeAsnTable(await readFile(bundledAsnTablePath()));
  return { lookup: table, info: bundledInfo('ip-asn', { date: header.date, entries: header.v4 + header.v6, source: `${header.source}@${header.version}` }) };
});

function importedInfo(id: DatasetId, meta: StoredMeta, date: string | null, entries: number): DatasetInfo {
  return {
    id,
    name: datasetCredits[id].name,
    credit: `${datasetCredits[id].credit} Imported from ${meta.source}.`,
    origin: 'imported',
    date,
    entries,
    source: meta.source.startsWith('https://') || meta.source.startsWith('http://') ? meta.source : basename(meta.source),
    importedAt: meta.importedAt,
  };
}

async function buildIntel(dataDir: string): Promise<LoadedIntel> {
  const data: Omit<EnricherData, 'datasets'> = { country: null, asn: null, aws: null, tor: null };
  const datasets: DatasetInfo[] = [];
  const problems: string[] = [];
  const stored = async (id: DatasetId) => {
    try {
      return await readStoredDataset(dataDir, id);
    } catch (error) {
      problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const fromBundle = async <T>(id: DatasetId, load: () => Promise<Bundled<T>>): Promise<Bundled<T> | null> => {
    try {
      const ours = await load();
      datasets.push(ours.info);
      return ours;
    } catch (error) {
      problems.push(`${id} (bundled): ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const attempt = <T>(id: DatasetId, read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  for (const id of ['ip-country', 'ip-asn'] as const) {
    const file = await stored(id);
    const db = file && attempt(id, () => readMmdb(file.bytes));
    if (file && db) {
      if (id === 'ip-country') data.country = db.country;
      else data.asn = db.asn;
      datasets.push(importedInfo(id, file.meta, db.date, db.entries));
      continue;
    }
    if (id === 'ip-country') {
      const ours = await fromBundle(id, bundledCountry);
      if (ours) data.country = ours.lookup;
    } else {
      const ours = await fromBundle(id, bundledAsn);
      if (ours) data.asn = ours.lookup;
    }
  }

  const aws = await stored('aws-ip-ranges');
  const ranges = aws && attempt('aws-ip-ranges', () => readAwsRanges(aws.bytes));
  if (aws && ranges) {
    data.aws = ranges;
    datasets.push(importedInfo('aws-ip-ranges', aws.meta, ranges.date, ranges.entries));
  }

  const tor = await stored('tor-exits');
  const exits = tor && attempt('tor-exits', () => readTorExits(tor.bytes, tor.meta.listDate ? Date.parse(tor.meta.listDate) : null));
  if (tor && exits) {
    data.tor = exits;
    datasets.push(importedInfo('tor-exits', tor.meta, new Date(exits.to).toISOString(), exits.seen.size));
  }

  const missing = allIds.filter((id) => !datasets.some((dataset) => dataset.id === id));
  return { enricher: createIpEnricher({ ...data, datasets }), status: { datasets, missing, problems } };
}

const cache = new Map<string, { stamp: string; loaded: Promise<LoadedIntel> }>();

/**
 * The enrichment data of a data folder, loaded once and reused until a data set is replaced
 * (by `intel import` or Update, in this process or another: each call compares a stamp of the
 * stored files, four stat calls).
 */
export async function loadIntel(dataDir: string): Promise<LoadedIntel> {
  const stamp = await storeStamp(dataDir);
  const hit = cache.get(dataDir);
  if (hit && hit.stamp === stamp) return hit.loaded;
  const loaded = buildIntel(dataDir);
  cache.set(dataDir, { stamp, loaded });
  loaded.catch(() => cache.delete(dataDir));
  return loaded;
}

/** The enricher for `analyze` and the app: country and ASN bundled or imported, AWS and Tor when imported. */
export async function loadIpEnricher(dataDir: string): Promise<IpEnricher> {
  return (await loadIntel(dataDir)).enricher;
}
