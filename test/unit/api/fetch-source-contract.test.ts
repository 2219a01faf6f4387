import { describe, expect, it } from 'vitest';

import { FetchQuery, FetchSource, sourceOf, subjectValue } from '../../../shared/api/fetch-contract';

const base = {
  profile: 'demo',
  regions: ['us-east-1'],
  identity: { kind: 'user', userName: 'alice' },
  start: '2026-11-01T00:00:00Z',
  end: '2026-11-02T00:00:00Z',
};

const issuesOf = (value: unknown) => {
  const parsed = FetchQuery.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('FetchQuery sources', () => {
  it('reads a query without a source as a LookupEvents query, as every query was before sources', () => {
    const parsed = FetchQuery.parse(base);
    expect(parsed.source).toBeUndefined();
    expect(sourceOf(parsed)).toEqual({ kind: 'lookup' });
  });

  it('takes each kind of source with its own fields', () => {
    for (const source of [
      { kind: 'lookup' },
      { kind: 'files', path: '/var/log/cloudtrail' },
      { kind: 'files', path: 'C:\\logs\\trail' },
      { kind: 's3', url: 's3://my-trail-bucket/AWSLogs/o-abc/' },
      { kind: 's3', url: 's3://my-trail-bucket' },
      { kind: 'athena', database: 'default', table: 'cloudtrail_logs' },
      { kind: 'athena', database: 'sec', table: 'ct', workgroup: 'primary', output: 's3://athena-results/trailcase/' },
    ])
      expect(FetchQuery.safeParse({ ...base, source }).success, JSON.stringify(source)).toBe(true);
  });

  it('refuses a relative or control-character path, which the host would read from its own folder', () => {
    expect(FetchSource.safeParse({ kind: 'files', path: 'logs/cloudtrail' }).success).toBe(false);
    expect(FetchSource.safeParse({ kind: 'files', path: '/logs/\u0000x' }).success).toBe(false);
    expect(FetchSource.safeParse({ kind: 'files', path: '' }).success).toBe(false);
  });

  it('refuses a network path, which Windows would open by offering the server the user\'s credentials', () => {
    for (const path of ['\\\\attacker.example\\share\\logs', '//attacker.example/share', '\\\\?\\UNC\\host\\share'])
      expect(FetchSource.safeParse({ kind: 'files', path }).success, path).toBe(false);
    expect(FetchSource.safeParse({ kind: 'files', path: 'C:/logs/trail' }).success).toBe(true);
  });

  it('refuses an S3 URL that is not s3://BUCKET[/PREFIX] with a bucket name S3 allows', () => {
    for (const url of ['https://bucket.s3.amazonaws.com/x', 's3://', 's3://Upper-Case/x', 's3://ab', 's3://bucket/a\nb'])
      expect(FetchSource.safeParse({ kind: 's3', url }).success, url).toBe(false);
  });

  it('refuses Athena names that could leave the identifier, and an output that is not an S3 URL', () => {
    expect(FetchSource.safeParse({ kind: 'athena', database: 'db"; DROP', table: 't' }).success).toBe(false);
    expect(FetchSource.safeParse({ kind: 'athena', database: 'db', table: 't', output: '/tmp/out' }).success).toBe(false);
    expect(FetchSource.safeParse({ kind: 'athena', database: 'db', table: 't', extra: 1 }).success).toBe(false);
  });
});

describe('FetchQuery subjects', () => {
  it('takes an address, a role or a resource from a source that reads the records', () => {
    const source = { kind: 'files', path: '/logs' };
    for (const identity of [
      { kind: 'ip', address: '203.0.113.7' },
      { kind: 'ip', address: '2001:db8::1' },
      { kind: 'ip', address: 'AWS Internal' },
      { kind: 'role', roleName: 'deploy-prod' },
      { kind: 'resource', name: 'arn:aws:s3:::customer-exports/*' },
    ])
      expect(issuesOf({ ...base, source, identity }), JSON.stringify(identity)).toEqual([]);
  });

  it('refuses an address or a role for LookupEvents, saying which sources can', () => {
    for (const identity of [
      { kind: 'ip', address: '203.0.113.7' },
      { kind: 'role', roleName: 'deploy-prod' },
    ]) {
      const issues = issuesOf({ ...base, identity });
      expect(issues).toEqual([{ path: 'identity', message: expect.stringMatching(/LookupEvents cannot filter.*log files, S3 or Athena/) }]);
    }
  });

  it('lets LookupEvents look up a resource (its ResourceName attribute)', () => {
    expect(issuesOf({ ...base, identity: { kind: 'resource', name: 'customer-exports' } })).toEqual([]);
  });

  it('needs a region for LookupEvents; another source reads every region when none is given', () => {
    expect(issuesOf({ ...base, regions: [] })).toEqual([{ path: 'regions', message: 'Pick at least one region.' }]);
    expect(issuesOf({ ...base, regions: [], source: { kind: 'files', path: '/logs' } })).toEqual([]);
  });

  it('refuses a subject with a value of the wrong shape', () => {
    const source = { kind: 'files', path: '/logs' };
    expect(issuesOf({ ...base, source, identity: { kind: 'ip', address: '<img src=x>' } })).not.toEqual([]);
    expect(issuesOf({ ...base, source, identity: { kind: 'role', roleName: 'a/b' } })).not.toEqual([]);
    expect(issuesOf({ ...base, source, identity: { kind: 'resource', name: 'a\u0007b' } })).not.toEqual([]);
  });

  it('gives the value of each subject as the analyst typed it', () => {
    expect(subjectValue({ kind: 'user', userName: 'alice' })).toBe('alice');
    expect(subjectValue({ kind: 'accessKey', accessKeyId: 'AKIAEXAMPLE123456789' })).toBe('AKIAEXAMPLE123456789');
    expect(subjectValue({ kind: 'ip', address: '203.0.113.7' })).toBe('203.0.113.7');
    expect(subjectValue({ kind: 'role', roleName: 'deploy' })).toBe('deploy');
    expect(subjectValue({ kind: 'resource', name: 'bucket' })).toBe('bucket');
  });
});
