import { describe, expect, it } from 'vitest';

import { costOf, describeCost, estimateCost, MINIMUM_BILLED_BYTES } from '../../../main/services/sources/athena/cost-estimate';
import { rowToRecord, SELECTED_COLUMNS } from '../../../main/services/sources/athena/record-columns';
import { resultObjects } from '../../../main/services/sources/athena/result-cleanup';

/** A row with the given aliases' values, every other column NULL. */
function row(values: Record<string, string>): (string | null)[] {
  return SELECTED_COLUMNS.map((column) => values[column.alias] ?? null);
}

describe('a row rebuilt into a CloudTrail record', () => {
  it('nests struct fields under their camelCase keys and parses the JSON-text columns', () => {
    const record = rowToRecord(
      row({
        eventversion: '1.08',
        useridentity_type: 'AssumedRole',
        useridentity_sessioncontext_sessionissuer_username: 'Admin',
        useridentity_sessioncontext_attributes_mfaauthenticated: 'false',
        requestparameters: '{"userName":"x","n":1.5}',
        additionaleventdata: 'plain text',
        readonly: 'true',
        eventid: 'e1',
      }),
    );
    expect(record).toEqual({
      eventVersion: '1.08',
      userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: { userName: 'Admin' }, attributes: { mfaAuthenticated: 'false' } } },
      requestParameters: { userName: 'x', n: 1.5 },
      responseElements: null,
      additionalEventData: 'plain text',
      readOnly: true,
      eventID: 'e1',
    });
  });

  it('writes NULL as null only for requestParameters and responseElements, and leaves other keys out', () => {
    expect(rowToRecord(row({}))).toEqual({ requestParameters: null, responseElements: null });
    expect(rowToRecord(row({ errorcode: '' }))).toMatchObject({ errorCode: '' });
  });

  it('reads resources as objects (Trino) or positional arrays (Presto), as ARN, accountId, type', () => {
    const expected = [{ ARN: 'arn:aws:s3:::b', accountId: '1', type: 'AWS::S3::Bucket' }, { ARN: 'arn:aws:s3:::b/k', type: 'AWS::S3::Object' }];
    expect(rowToRecord(row({ resources: '[{"arn":"arn:aws:s3:::b","accountid":"1","type":"AWS::S3::Bucket"},{"arn":"arn:aws:s3:::b/k","accountid":null,"type":"AWS::S3::Object"}]' })).resources).toEqual(expected);
    expect(rowToRecord(row({ resources: '[["arn:aws:s3:::b","1","AWS::S3::Bucket"],["arn:aws:s3:::b/k",null,"AWS::S3::Object"]]' })).resources).toEqual(expected);
  });

  it('keeps hostile text as text: a column value never becomes a key or markup', () => {
    const record = rowToRecord(row({ useragent: '<img src=x onerror=alert(1)>', useridentity_username: '__proto__' }));
    expect(record.userAgent).toBe('<img src=x onerror=alert(1)>');
    expect((record.userIdentity as Record<string, unknown>).userName).toBe('__proto__');
    expect(Object.keys(record)).not.toContain('__proto__');
  });
});

describe('the cost estimate', () => {
  it('bills at least 10 MB, rounded up to the megabyte, at $5 a TB', () => {
    expect(costOf(0)).toEqual({ billedBytes: MINIMUM_BILLED_BYTES, usd: (10 / 1024 / 1024) * 5 });
    expect(costOf(10 * 2 ** 20 + 1).billedBytes).toBe(11 * 2 ** 20);
    expect(costOf(2 ** 40).usd).toBe(5);
    expect(describeCost({ bytes: 3 * 2 ** 40, ...costOf(3 * 2 ** 40) })).toBe('3072.00 GB (billed 3072.00 GB): $15.00');
    expect(describeCost({ bytes: 0, ...costOf(0) })).toBe('0.0 MB (billed 10.0 MB): $0.000048');
  });

  it("adds the sizes of every object under each day's partition folder", async () => {
    const asked: string[] = [];
    async function* list(bucket: string, prefix: string) {
      asked.push(`${bucket}/${prefix}`);
      yield { key: `${prefix}a.json.gz`, size: 600 * 2 ** 20 };
      yield { key: `${prefix}b.json.gz`, size: 424 * 2 ** 20 };
    }
    const estimate = await estimateCost(list, 's3://trail/AWSLogs/1/CloudTrail/us-east-1/${timestamp}', ['2026/03/01', '2026/03/02']);
    expect(asked).toEqual(['trail/AWSLogs/1/CloudTrail/us-east-1/2026/03/01/', 'trail/AWSLogs/1/CloudTrail/us-east-1/2026/03/02/']);
    expect(estimate).toEqual({ partitions: 2, objects: 4, bytes: 2048 * 2 ** 20, billedBytes: 2048 * 2 ** 20, usd: 5 / 512 });
  });

  it('lists eight day folders at a time, not one after another', async () => {
    let [inFlight, most] = [0, 0];
    async function* list() {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((done) => setTimeout(done, 5));
      inFlight -= 1;
      yield { key: 'k', size: 1 };
    }
    const days = Array.from({ length: 20 }, (_, index) => `2026/03/${String(index + 1).padStart(2, '0')}`);
    const estimate = await estimateCost(list, 's3://trail/p/${timestamp}', days);
    expect(most).toBe(8);
    expect(estimate).toMatchObject({ partitions: 20, objects: 20, bytes: 20 });
  });
});

describe('the result objects of a query', () => {
  it('are the .csv at OutputLocation and its .csv.metadata, nothing else', () => {
    expect(resultObjects('s3://results/athena/q-1.csv')).toEqual({ bucket: 'results', keys: ['athena/q-1.csv', 'athena/q-1.csv.metadata'] });
    for (const bad of ['s3://results/', 's3://results/athena/', 'https://results/q.csv']) expect(() => resultObjects(bad)).toThrow(/nothing was removed/);
  });
});
