import { describe, expect, it } from 'vitest';

import { cloudtrailTableDdl, trailLocation } from '../../../main/services/sources/athena/cloudtrail-table';
import { trailFolderProblem } from '../../../shared/athena/trail-folder';

/** The app's inline check and the DDL builder's refusal take and refuse the same locations. */
describe('a trail’s region folder as a table location', () => {
  const taken = [
    's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/',
    's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1',
    's3://trail-bucket/team/logs/AWSLogs/o-abcdef1234/111122223333/CloudTrail/eu-west-2/',
  ];
  it.each(taken)('takes %s', (location) => {
    expect(trailFolderProblem(location)).toBeNull();
    expect(trailLocation(location).endsWith('/')).toBe(true);
  });

  const refused: [string, RegExp][] = [
    ['', /Give the trail’s S3 folder/],
    ['trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/', /starts with s3:\/\//],
    ['s3://trail-bucket/AWSLogs/111122223333/CloudTrail/', /Add the region folder after CloudTrail\//],
    ['s3://trail-bucket/AWSLogs/o-abcdef1234/111122223333/CloudTrail', /Add the region folder/],
    ['s3://trail-bucket/AWSLogs/1111/CloudTrail/us-east-1/', /12-digit account/],
    ['s3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/', /12-digit account/],
    ["s3://trail-bucket/it's/AWSLogs/111122223333/CloudTrail/us-east-1/", /may not contain a quote/],
  ];
  it.each(refused)('refuses %j, saying what to give', (location, words) => {
    expect(trailFolderProblem(location)).toMatch(words);
    expect(() => cloudtrailTableDdl({ database: 'default', table: 'cloudtrail_logs', location })).toThrow();
  });
});
