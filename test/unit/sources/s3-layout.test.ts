import { describe, expect, it } from 'vitest';

import { datePrefixes, keyInScope, parseS3Url, positionOf } from '../../../main/services/sources/s3/s3-layout';

const at = (iso: string) => Date.parse(iso);
const scope = (start: string, end: string, regions: string[] = []) => ({ regions, start: at(start), end: at(end) });
const everything = { regions: [], start: 0, end: 8.64e15 };

describe('parseS3Url', () => {
  it('splits bucket and prefix, the prefix always a folder', () => {
    expect(parseS3Url('s3://trail-logs/AWSLogs')).toEqual({ bucket: 'trail-logs', prefix: 'AWSLogs/' });
    expect(parseS3Url('s3://trail-logs/')).toEqual({ bucket: 'trail-logs', prefix: '' });
    expect(parseS3Url('s3://trail-logs')).toEqual({ bucket: 'trail-logs', prefix: '' });
  });

  it('refuses what is not an S3 bucket name', () => {
    for (const url of ['s3://', 's3://Upper/x', 's3://a/x', 's3://bad_name/x', 's3:/one-slash/x'])
      expect(() => parseS3Url(url), url).toThrow(/is not s3:\/\/BUCKET\/PREFIX/);
  });
});

describe('positionOf', () => {
  it('places a prefix in the trail layout, with or without the organisation level', () => {
    expect(positionOf('')).toEqual({ level: 'above' });
    expect(positionOf('my-trail/')).toEqual({ level: 'above' });
    expect(positionOf('my-trail/AWSLogs/')).toEqual({ level: 'awslogs', base: 'my-trail/AWSLogs/' });
    expect(positionOf('AWSLogs/o-abc123def4/')).toEqual({ level: 'organisation', base: 'AWSLogs/o-abc123def4/' });
    expect(positionOf('AWSLogs/o-abc123def4/111122223333/')).toEqual({ level: 'account', base: 'AWSLogs/o-abc123def4/111122223333/' });
    expect(positionOf('AWSLogs/111122223333/CloudTrail/us-east-1/2026/')).toEqual({
      level: 'cloudtrail',
      base: 'AWSLogs/111122223333/CloudTrail/',
      within: ['us-east-1', '2026'],
    });
  });

  it('treats folders beside the trail (Digest, Insights) and odd names as outside the layout', () => {
    expect(positionOf('AWSLogs/111122223333/CloudTrail-Digest/')).toEqual({ level: 'other' });
    expect(positionOf('AWSLogs/not-an-account/')).toEqual({ level: 'other' });
  });
});

describe('datePrefixes', () => {
  it('lists each region’s days from the range’s first to the day after its end', () => {
    expect(datePrefixes(['us-east-1', 'eu-west-1'], scope('2026-02-28T22:00:00Z', '2026-03-01T05:00:00Z'))).toEqual([
      'us-east-1/2026/02/28/',
      'us-east-1/2026/03/01/',
      'us-east-1/2026/03/02/',
      'eu-west-1/2026/02/28/',
      'eu-west-1/2026/03/01/',
      'eu-west-1/2026/03/02/',
    ]);
  });

  it('lists months for a long range, and a region folder whole without a range', () => {
    expect(datePrefixes(['us-east-1'], scope('2025-11-15T00:00:00Z', '2026-02-10T00:00:00Z'))).toEqual([
      'us-east-1/2025/11/',
      'us-east-1/2025/12/',
      'us-east-1/2026/01/',
      'us-east-1/2026/02/',
    ]);
    expect(datePrefixes(['us-east-1'], everything)).toEqual(['us-east-1/']);
  });

  it('keeps to what the URL fixed below the region', () => {
    expect(datePrefixes(['us-east-1'], scope('2026-02-27T00:00:00Z', '2026-03-01T12:00:00Z'), ['2026', '03'])).toEqual(['us-east-1/2026/03/01/', 'us-east-1/2026/03/02/']);
    expect(datePrefixes(['us-east-1'], everything, ['2026', '03'])).toEqual(['us-east-1/2026/03/']);
  });
});

describe('keyInScope', () => {
  const base = 'AWSLogs/111122223333/CloudTrail/';
  const march = scope('2026-03-01T00:00:00Z', '2026-03-01T23:00:00Z', ['us-east-1']);
  it('keeps log files of the regions and days asked (and the day after)', () => {
    expect(keyInScope(`${base}us-east-1/2026/03/01/f.json.gz`, base, march)).toBe(true);
    expect(keyInScope(`${base}us-east-1/2026/03/02/f.json.gz`, base, march)).toBe(true);
    expect(keyInScope(`${base}us-east-1/2026/03/03/f.json.gz`, base, march)).toBe(false);
    expect(keyInScope(`${base}eu-west-1/2026/03/01/f.json.gz`, base, march)).toBe(false);
  });

  it('leaves out what is not a log file in a day folder', () => {
    expect(keyInScope(`${base}us-east-1/2026/03/01/f.txt`, base, march)).toBe(false);
    expect(keyInScope(`${base}us-east-1/2026/03/01/deeper/f.json.gz`, base, march)).toBe(false);
    expect(keyInScope(`${base}us-east-1/2026/03/f.json.gz`, base, march)).toBe(false);
  });
});
