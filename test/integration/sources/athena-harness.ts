import { gzipSync } from 'node:zlib';

import type { AthenaClient } from '@aws-sdk/client-athena';

import type { ProfileSettings } from '../../../main/services/aws/credentials';
import { openAthena } from '../../../main/services/sources/athena/athena-client';
import { fetchAthena } from '../../../main/services/sources/athena/athena-source';
import type { AthenaDeps, AthenaFetchRequest } from '../../../main/services/sources/athena/athena-source';
import type { ListObjects } from '../../../main/services/sources/athena/cost-estimate';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthenaOptions } from '../../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail, TABLE, trailObjectKeys, TRAIL_LOCATION } from '../../fakes/athena/fake-athena-fixtures';

/** The real SDK client against the fake: the profile's endpoint is the fake's loopback URL. */
export function clientFor(url: string): AthenaClient {
  const settings: ProfileSettings = { name: 'test', kind: 'keys', region: 'us-east-1', endpoint: () => url };
  return openAthena(settings, { accessKeyId: 'AKIAFAKEATHENA000001', secretAccessKey: 'fakeSecret' });
}

/** The fixture trail's objects as S3 would list them: one gzip file a day under the table's location. */
export function trailListing(): { list: ListObjects; listed: string[] } {
  const listed: string[] = [];
  const [, bucket, prefix] = /^s3:\/\/([^/]+)\/(.*)$/.exec(TRAIL_LOCATION)!;
  const objects = Object.entries(trailObjectKeys()).map(([day, texts]) => ({
    key: `${prefix}${day}/111122223333_CloudTrail_us-east-1_${day.replaceAll('/', '')}T0000Z_a.json.gz`,
    size: gzipSync(`{"Records":[${texts.join(',')}]}`).length,
  }));
  async function* list(from: string, under: string) {
    listed.push(`s3://${from}/${under}`);
    if (from !== bucket) return;
    yield* objects.filter((object) => object.key.startsWith(under));
  }
  return { list, listed };
}

/** A fake Athena with the documented table over the fixture trail, and a fetch through the real client. */
export async function athenaSetup(options: FakeAthenaOptions = {}) {
  const fake = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://athena-results/trailcase/' } }, ...options });
  const athena = clientFor(fake.url);
  const listing = trailListing();
  const deleted: { bucket: string; keys: string[] }[] = [];
  const deps = (more: Partial<AthenaDeps> = {}): AthenaDeps => ({
    athena,
    listObjects: listing.list,
    deleteObjects: (bucket, keys) => {
      deleted.push({ bucket, keys });
      return Promise.resolve({ deleted: keys, errors: [] });
    },
    confirmCost: () => true,
    backoffMs: [5, 10, 20],
    ...more,
  });
  const request = (more: Partial<AthenaFetchRequest> = {}): AthenaFetchRequest => ({
    target: TABLE,
    filter: { kind: 'user', userName: 'alice' },
    start: Date.parse('2026-03-01T00:00:00Z'),
    end: Date.parse('2026-03-03T00:00:00Z'),
    regions: [],
    place: { workgroup: 'primary' },
    cleanup: false,
    ...more,
  });
  return {
    fake,
    athena,
    listing,
    deleted,
    deps,
    request,
    fetch: (more: Partial<AthenaFetchRequest> = {}, moreDeps: Partial<AthenaDeps> = {}) => fetchAthena(request(more), deps(moreDeps)),
    async close() {
      athena.destroy();
      await fake.close();
    },
  };
}

/** The records of a fetch, parsed: compared as JSON values with the fixture records. */
export const recordsOf = (result: { events: { raw: string }[] }) => result.events.map((event) => JSON.parse(event.raw) as unknown);
