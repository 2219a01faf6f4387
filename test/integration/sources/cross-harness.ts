import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { formatEvents } from '../../../main/services/fetch/fetch-output';
import { fetchAthena } from '../../../main/services/sources/athena/athena-source';
import type { AthenaFilter } from '../../../main/services/sources/athena/athena-sql';
import { cloudtrailTableDdl } from '../../../main/services/sources/athena/cloudtrail-table';
import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena } from '../../fakes/athena/fake-athena';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { spawnCli } from '../cli/spawn-cli';
import { clientFor } from './athena-harness';
import { crossFileRecords, crossObjects, crossTrails } from './cross-corpus';
import { s3Env } from './s3-corpus';

export const BUCKET = 'cross-trail-logs';
export const PREFIX = 'org/';

/** An Athena table's name for one account's and region's trail folder. */
const tableOf = (location: string) => {
  const [account, , region] = location.split('/').slice(-4, -1);
  return `ct_${account}_${region!.replaceAll('-', '_')}`;
};

/**
 * The corpus in three places: a folder on disk, the fake S3 (the same gzip bytes), and the fake
 * Athena with one documented table per account and region over the same records.
 */
export async function startCross() {
  const folder = mkdtempSync(join(tmpdir(), 'trailcase-cross-'));
  const objects = crossObjects();
  for (const [key, body] of Object.entries(objects)) {
    mkdirSync(dirname(join(folder, key)), { recursive: true });
    writeFileSync(join(folder, key), body);
  }
  const s3: FakeS3 = await startFakeS3({ buckets: { [BUCKET]: crossObjects(PREFIX) } });
  const trails = crossTrails(`s3://${BUCKET}/${PREFIX}`);
  const tables = Object.keys(trails).map((location) => ({ database: 'default', table: tableOf(location), location }));
  const athena: FakeAthena = await startFakeAthena({ files: crossFileRecords(`s3://${BUCKET}/${PREFIX}`), tables: tables.map((table) => cloudtrailTableDdl(table)), workgroups: { primary: { outputLocation: 's3://athena-results/cross/' } } });
  const client = clientFor(athena.url);
  const sizes = Object.entries(crossObjects(PREFIX)).map(([key, body]) => ({ key, size: body.length }));
  async function* listObjects(bucket: string, prefix: string) {
    if (bucket === BUCKET) yield* sizes.filter((object) => object.key.startsWith(prefix));
  }

  return {
    folder,
    s3,
    athena,
    /** The real Athena SDK client against the fake. */
    client,
    tables,
    /** `trailcase fetch` (the CLI from source) over the folder or the bucket, with these options. */
    cli: (source: 'folder' | 's3', args: string[]) =>
      spawnCli(['fetch', '--source', source === 'folder' ? folder : `s3://${BUCKET}/${PREFIX}`, ...args], { env: s3Env(s3.url) }),
    /** Every table's records for the filter (`fetchAthena` through the real SDK), written as `fetch` writes them. */
    async athenaRecords(filter: AthenaFilter, range: { start: string; end: string }, regions: string[] = []): Promise<string> {
      const events: FetchedEvent[] = [];
      for (const table of tables) {
        const result = await fetchAthena(
          { target: table, filter, start: Date.parse(range.start), end: Date.parse(range.end), regions, place: { workgroup: 'primary' }, cleanup: false },
          { athena: client, listObjects, deleteObjects: () => Promise.resolve({ deleted: [], errors: [] }), confirmCost: () => true, backoffMs: [5, 10] },
        );
        events.push(...result.events);
      }
      return formatEvents(events, 'records').text;
    },
    async close() {
      client.destroy();
      await athena.close();
      await s3.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type Cross = Awaited<ReturnType<typeof startCross>>;

/**
 * What Athena's documented table cannot carry, in this corpus: the top-level `managementEvent`
 * and `userIdentity.sessionContext.sourceIdentity` (no column; record-columns.ts). Key order and
 * number spelling (`1.50`) are lost too, which JSON values do not show. Exactly these keys are
 * removed from a file's record to give the record Athena returns.
 */
export function withoutUncarried(record: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(record);
  delete copy.managementEvent;
  const context = (copy.userIdentity as { sessionContext?: Record<string, unknown> } | undefined)?.sessionContext;
  if (context) delete context.sourceIdentity;
  return copy;
}

export const recordsIn = (output: string) => (JSON.parse(output) as { Records: Record<string, unknown>[] }).Records;
