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
import type { MmdbDataset } from './mmdb-datasets';
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

/** The bundled data sets, read once a process (about 100 ms). */
let bundled: Promise<{ country: MmdbDataset & { info: DatasetInfo }; asn: { table: AsnTable; info: DatasetInfo } }> | null = null;

function loadBundled() {
  bundled ??= (async () => {
    const countryDb = bundledCountryDb();
    const country = readMmdb(await readFile(countryDb.path));
    const asnFile = decodeAsnTable(await readFile(bundledAsnTablePath()));
    const info = (id: DatasetId, fields: Pick<DatasetInfo, 'date' | 'entries' | 'source'>): DatasetInfo => ({ id, ...datasetCredits[id], origin: 'bundled', ...fields });
    return {
      country: { ...country, info: info('ip-country', { date: country.date ?? versionDate(countryDb.version), entries: country.entries, source: `${countryPackage}@${countryDb.version}` }) },
      asn: { table: asnFile.table, info: info('ip-asn', { date: asnFile.header.date, entries: asnFile.header.v4 + asnFile.header.v6, source: `${asnFile.header.source}@${asnFile.header.version}` }) },
    };
  })();
  bundled.catch(() => (bundled = null));
  return bundled;
}

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
    const ours = await loadBundled().catch((error: unknown) => {
      problems.push(`bundled data: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!ours) continue;
    if (id === 'ip-country') data.country = ours.country.country;
    else data.asn = ours.asn.table;
    datasets.push(id === 'ip-country' ? ours.country.info : ours.asn.info);
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
