import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { spawnCli } from '../cli/spawn-cli';
import { A, CAROL_KEY, cr, recordsOf, SHARED_IP } from './cross-corpus';
import { recordsIn, startCross, withoutUncarried } from './cross-harness';
import type { Cross } from './cross-harness';

/**
 * The same records from every source (issue 12's Tests): one organisation trail's files read as
 * a folder, as `s3://` objects (the same bytes, through the fake S3) and through `athena:` (the
 * fake loaded with the same records, one documented table per account and region).
 */
let cross: Cross;
beforeAll(async () => {
  cross = await startCross();
});
afterAll(async () => {
  // Every query Athena saw was bounded on the timestamp partition.
  const unbounded = cross.athena.unboundedQueries();
  await cross.close();
  expect(unbounded).toEqual([]);
});

const range = { start: '2026-02-26T00:00:00Z', end: '2026-03-02T23:59:59Z' };
const all = ['--start', range.start, '--end', range.end];

/** Folder and S3 give exactly `expected` (bytes); Athena the same records as JSON values, less what it cannot carry. */
async function sameEverywhere(args: string[], filter: Parameters<Cross['athenaRecords']>[0], expected: string[], regions: string[] = [], span = range) {
  const [folder, s3] = await Promise.all([cross.cli('folder', args), cross.cli('s3', args)]);
  expect(folder.code, folder.stderr).toBe(0);
  expect(s3.code, s3.stderr).toBe(0);
  expect(folder.stdout).toBe(recordsOf(...expected));
  expect(s3.stdout).toBe(folder.stdout);
  const athena = await cross.athenaRecords(filter, span, regions);
  expect(recordsIn(athena)).toEqual(recordsIn(folder.stdout).map(withoutUncarried));
  return { folder: folder.stdout, athena };
}

describe('cross-source equivalence: folder, s3:// and athena:', () => {
  it('a user: their calls, 1.0-era records without eventID once each, a session named like them, a record delivered twice once; never a role named like them or carol2', async () => {
    const { athena } = await sameEverywhere(['--user', 'carol', ...all], { kind: 'user', userName: 'carol' }, [
      cr.carolEve, cr.carolFeb27, cr.carolOld, cr.carolLate, cr.carolOdd, cr.carolOld101, cr.deployCarol, cr.carolTwice,
    ]);
    const records = recordsIn(athena);
    expect(records.filter((record) => record.eventID === undefined).map((record) => record.eventVersion)).toEqual(['1.0', '1.01']);
    const ids = records.map((record) => record.eventID).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  }, 90_000);

  it('an access key: only that key’s records, not the session’s or carol2’s', async () => {
    await sameEverywhere(['--access-key-id', CAROL_KEY, ...all], { kind: 'accessKey', accessKeyId: CAROL_KEY }, [
      cr.carolEve, cr.carolFeb27, cr.carolOld, cr.carolLate, cr.carolOdd, cr.carolOld101, cr.carolTwice,
    ]);
  }, 90_000);

  it('an address: every identity behind it (carol, root, a role session, bob) across both accounts and three regions', async () => {
    await sameEverywhere(['--ip', SHARED_IP, ...all], { kind: 'ip', address: SHARED_IP }, [
      cr.carolEve, cr.carolFeb27, cr.carolOld, cr.carolLate, cr.rootKey, cr.carolOdd, cr.carolOld101, cr.deployCarol, cr.bobShared, cr.carolTwice,
    ]);
  }, 90_000);

  it('root: userIdentity.type Root as --user root, never the AWS service events', async () => {
    await sameEverywhere(['--user', 'root', ...all], { kind: 'user', userName: 'root' }, [cr.rootLogin, cr.rootKey]);
  }, 90_000);

  it('what Athena cannot carry is exactly managementEvent and sessionContext.sourceIdentity', async () => {
    const args = ['--ip', '198.51.100.77', ...all];
    const folder = await cross.cli('folder', args);
    expect(folder.stdout).toBe(recordsOf(cr.roleCarol));
    const fromAthena = recordsIn(await cross.athenaRecords({ kind: 'ip', address: '198.51.100.77' }, range));
    const fromFile = recordsIn(folder.stdout)[0]!;
    expect(fromAthena).toHaveLength(1);
    expect(fromAthena[0]).not.toEqual(fromFile);
    const { managementEvent, ...rest } = fromFile;
    expect(managementEvent).toBe(true);
    const identity = rest.userIdentity as { sessionContext: Record<string, unknown> };
    const { sourceIdentity, ...context } = identity.sessionContext;
    expect(sourceIdentity).toBe('carol');
    expect(fromAthena[0]).toEqual({ ...rest, userIdentity: { ...identity, sessionContext: context } });
  }, 60_000);

  it('the CLI’s athena: source gives the API’s records for one table', async () => {
    const table = `ct_${A}_us_east_1`;
    const result = await spawnCli(['fetch', '--source', `athena:default.${table}`, '--user', 'carol', ...all, '--athena-output', 's3://athena-results/cross/'], {
      env: { AWS_ACCESS_KEY_ID: 'AKIAFAKECLI000000001', AWS_SECRET_ACCESS_KEY: 'fakeSecret', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_ATHENA: cross.athena.url, AWS_ENDPOINT_URL_S3: cross.s3.url },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(recordsIn(result.stdout)).toEqual([cr.carolEve, cr.carolFeb27, cr.carolOld, cr.carolTwice].map((text) => withoutUncarried(JSON.parse(text) as Record<string, unknown>)));
  }, 60_000);
});
