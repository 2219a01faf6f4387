import { describe, expect, it } from 'vitest';

import { athenaName, parseAthenaSource, partitionDays, recordsQuery, sqlString } from '../../../main/services/sources/athena/athena-sql';
import { cloudtrailTableDdl, trailLocation } from '../../../main/services/sources/athena/cloudtrail-table';

const target = { database: 'default', table: 'cloudtrail_logs' };
const march = { start: Date.parse('2026-03-01T10:00:00Z'), end: Date.parse('2026-03-02T09:00:00Z') };

describe('the Athena query text', () => {
  it('doubles single quotes and refuses control characters in values', () => {
    expect(sqlString("o'brien")).toBe("'o''brien'");
    expect(sqlString("'; DROP TABLE x; --")).toBe("'''; DROP TABLE x; --'");
    for (const bad of ['a\nb', 'a\u0000', 'a\u001b[31m', 'a\u0085', 'a\u2028']) expect(() => sqlString(bad)).toThrow(/control character/);
  });

  it('names the partitions of the range and the day after it, as yyyy/MM/dd in UTC', () => {
    expect(partitionDays(march)).toEqual(['2026/03/01', '2026/03/02', '2026/03/03']);
    expect(partitionDays({ start: Date.parse('2025-12-31T23:00:00Z'), end: Date.parse('2025-12-31T23:30:00Z') })).toEqual(['2025/12/31', '2026/01/01']);
  });

  it('bounds every filter on the timestamp partition and on eventtime', () => {
    const filters = [
      { kind: 'user', userName: 'alice' },
      { kind: 'accessKey', accessKeyId: 'AKIAALICE0000000000A' },
      { kind: 'ip', address: '203.0.113.7' },
      { kind: 'role', roleName: 'Admin' },
      { kind: 'resource', resource: 'arn:aws:s3:::payroll' },
    ] as const;
    for (const filter of filters) {
      const sql = recordsQuery(target, filter, march);
      expect(sql).toContain(`WHERE "timestamp" BETWEEN '2026/03/01' AND '2026/03/03'`);
      expect(sql).toContain(`AND from_iso8601_timestamp(eventtime) BETWEEN from_iso8601_timestamp('2026-03-01T10:00:00.000Z') AND from_iso8601_timestamp('2026-03-02T09:00:00.000Z')`);
      expect(sql).toContain('FROM "default"."cloudtrail_logs"');
    }
  });

  it('matches a user name literally: quotes doubled, LIKE wildcards escaped, root by its type', () => {
    const sql = recordsQuery(target, { kind: 'user', userName: "o'b%r_n\\" }, march);
    expect(sql).toContain(`(useridentity.username = 'o''b%r_n\\' OR useridentity.arn LIKE '%/o''b\\%r\\_n\\\\' ESCAPE '\\')`);
    expect(recordsQuery(target, { kind: 'user', userName: 'root' }, march)).toContain(`OR useridentity.type = 'Root')`);
    expect(recordsQuery(target, { kind: 'ip', address: '203.0.113.7' }, march, ['us-east-1', 'eu-west-1'])).toContain(`AND awsregion IN ('us-east-1', 'eu-west-1')`);
  });

  it('selects struct fields by dot path and JSON-renders only the array and map columns', () => {
    const sql = recordsQuery(target, { kind: 'ip', address: '203.0.113.7' }, march);
    expect(sql).toContain('useridentity.sessioncontext.sessionissuer.arn AS useridentity_sessioncontext_sessionissuer_arn');
    expect(sql).toContain('json_format(CAST(resources AS JSON)) AS resources');
    expect(sql).not.toMatch(/SELECT \*|useridentity AS/);
  });

  it('takes athena:DATABASE.TABLE with Athena names only', () => {
    expect(parseAthenaSource('athena:Security.CloudTrail_Logs')).toEqual({ database: 'security', table: 'cloudtrail_logs' });
    for (const bad of ['athena:db', 'athena:a.b.c', 'athena:db.t;drop', 'athena:"db".t']) expect(() => parseAthenaSource(bad)).toThrow();
    expect(() => athenaName('a b')).toThrow(/not an Athena/);
  });
});

describe('the table AWS documents', () => {
  it('is partitioned on timestamp with projection as yyyy/MM/dd and the storage template under the trail folder', () => {
    const ddl = cloudtrailTableDdl({ ...target, location: 's3://trail-bucket/AWSLogs/o-abc123def4/111122223333/CloudTrail/eu-west-1' });
    expect(ddl).toMatch(/^CREATE EXTERNAL TABLE `default`\.`cloudtrail_logs`\(\n {4}eventversion STRING,\n {4}useridentity STRUCT</);
    expect(ddl).toContain("PARTITIONED BY (\n   `timestamp` string)\nROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'");
    expect(ddl).toContain("'projection.timestamp.format'='yyyy/MM/dd'");
    expect(ddl).toContain("'storage.location.template'='s3://trail-bucket/AWSLogs/o-abc123def4/111122223333/CloudTrail/eu-west-1/${timestamp}')");
    for (const column of ['eventtime STRING', 'resources ARRAY<STRUCT<', 'tlsdetails STRUCT<', 'serviceeventdetails STRING', 'sharedeventid STRING']) expect(ddl).toContain(column);
  });

  it("refuses a location that is not a trail's region folder", () => {
    for (const bad of ['s3://bucket/', 's3://bucket/AWSLogs/111122223333/CloudTrail/', "s3://bucket/AWSLogs/111122223333/CloudTrail/us-east-1/'x/", 'https://bucket/AWSLogs/111122223333/CloudTrail/us-east-1/'])
      expect(() => trailLocation(bad)).toThrow(/not a trail's region folder/);
    expect(trailLocation('s3://my.trail-bucket/prefix/AWSLogs/111122223333/CloudTrail/us-gov-west-1')).toBe('s3://my.trail-bucket/prefix/AWSLogs/111122223333/CloudTrail/us-gov-west-1/');
  });
});
