import { describe, expect, it } from 'vitest';

import { FetchQuery } from '../../../shared/api/fetch-contract';
import type { FetchSource } from '../../../shared/api/fetch-contract';
import { pivotActionName, pivotPlan } from '../../../shared/pivots/pivot-plan';
import type { PivotTarget } from '../../../shared/pivots/pivot-targets';

function investigation(source: FetchSource) {
  return FetchQuery.parse({
    profile: 'prod',
    regions: ['eu-west-1', 'us-east-1'],
    identity: { kind: 'user', userName: 'jmorales' },
    start: '2026-11-01T00:00:00Z',
    end: '2026-11-08T00:00:00Z',
    followSessions: true,
    source,
  });
}

const files = investigation({ kind: 'files', path: '/cases/4711/cloudtrail' });
const lookup = investigation({ kind: 'lookup' });
const address: PivotTarget = { kind: 'ip', value: '203.0.113.9', label: 'address 203.0.113.9' };
const key: PivotTarget = { kind: 'accessKey', value: 'AKIAEXAMPLEKEY000001', label: 'access key AKIAEXAMPLEKEY000001' };
const role: PivotTarget = { kind: 'role', value: 'Admin', label: 'role Admin' };
const bucket: PivotTarget = { kind: 'resource', value: 'payroll-exports', label: 'S3 bucket payroll-exports' };

describe('a pivot on a source that reads the records (log files, S3, Athena)', () => {
  it('keeps profile, source, regions and range, and is about the address instead', () => {
    const plan = pivotPlan(address, files);
    expect(plan).toEqual({
      ok: true,
      note: null,
      query: { ...files, identity: { kind: 'ip', address: '203.0.113.9' }, followSessions: false },
    });
  });

  it('can be about a role or a resource', () => {
    const byRole = pivotPlan(role, investigation({ kind: 's3', url: 's3://trail-bucket/AWSLogs/' }));
    expect(byRole.ok && byRole.query.identity).toEqual({ kind: 'role', roleName: 'Admin' });
    const byResource = pivotPlan(bucket, investigation({ kind: 'athena', database: 'security', table: 'cloudtrail_logs' }));
    expect(byResource.ok && byResource.query.identity).toEqual({ kind: 'resource', name: 'payroll-exports' });
  });

  it('follows sessions only from an access key, as the investigation did', () => {
    const plan = pivotPlan(key, files);
    expect(plan.ok && plan.query.followSessions).toBe(true);
    const notFollowing = pivotPlan(key, { ...files, followSessions: false });
    expect(notFollowing.ok && notFollowing.query.followSessions).toBe(false);
  });
});

describe('a pivot on LookupEvents', () => {
  it('cannot be by address, and says what to open instead', () => {
    const plan = pivotPlan(address, lookup);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.reason).toMatch(/LookupEvents cannot filter by source address: open this investigation on log files, S3 or Athena/);
  });

  it('cannot be by role: its Username is the session name', () => {
    const plan = pivotPlan(role, lookup);
    expect(!plan.ok && plan.reason).toMatch(/not by its role/);
  });

  it('can be by access key (AccessKeyId) and by resource (ResourceName, with a note)', () => {
    const byKey = pivotPlan(key, lookup);
    expect(byKey).toMatchObject({ ok: true, note: null, query: { identity: { kind: 'accessKey', accessKeyId: key.value }, source: { kind: 'lookup' } } });
    const byResource = pivotPlan(bucket, lookup);
    expect(byResource).toMatchObject({ ok: true, query: { identity: { kind: 'resource', name: 'payroll-exports' } } });
    expect(byResource.ok && byResource.note).toMatch(/resources CloudTrail lists/);
  });
});

describe('a pivot that would change nothing or could not be asked', () => {
  it('is refused when the investigation is already about it', () => {
    const onKey = { ...files, identity: { kind: 'accessKey' as const, accessKeyId: key.value } };
    expect(pivotPlan(key, onKey)).toEqual({ ok: false, reason: 'This investigation is already about access key AKIAEXAMPLEKEY000001.' });
  });

  it('is refused, with the schema saying why, when the value is not one the contract takes', () => {
    const plan = pivotPlan({ kind: 'role', value: 'has space', label: 'role has space' }, files);
    expect(!plan.ok && plan.reason).toMatch(/^Cannot look this up: an IAM role name/);
  });
});

describe('the action name', () => {
  it('says who else used the address, key or role, and who else touched the resource', () => {
    expect(pivotActionName(address)).toBe('Who else used 203.0.113.9');
    expect(pivotActionName(key)).toBe('Who else used access key AKIAEXAMPLEKEY000001');
    expect(pivotActionName(role)).toBe('Who else used role Admin');
    expect(pivotActionName(bucket)).toBe('Who else touched S3 bucket payroll-exports');
  });
});
