import { describe, expect, it } from 'vitest';

import type { CloudTrailRecord } from '../../../../shared/records/types';
import { analyze, callAt, findingOf, kinds } from '../analysis-fixtures';

const sweep: Array<[string, string]> = [
  ['sts.amazonaws.com', 'GetCallerIdentity'],
  ['iam.amazonaws.com', 'ListUsers'],
  ['iam.amazonaws.com', 'ListRoles'],
  ['iam.amazonaws.com', 'ListPolicies'],
  ['iam.amazonaws.com', 'GetAccountAuthorizationDetails'],
  ['s3.amazonaws.com', 'ListBuckets'],
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['ec2.amazonaws.com', 'DescribeSecurityGroups'],
  ['lambda.amazonaws.com', 'ListFunctions20150331'],
  ['secretsmanager.amazonaws.com', 'ListSecrets'],
  ['cloudtrail.amazonaws.com', 'DescribeTrails'],
];

/** The sweep, one call every `everySeconds`, with fields applied to each. */
function sweepOf(everySeconds: number, fields: (i: number) => Partial<CloudTrailRecord> = () => ({})): CloudTrailRecord[] {
  return sweep.map(([source, name], i) => callAt((i * everySeconds) / 60, source, name, fields(i)));
}

describe('recon-burst finding', () => {
  it('names a sweep of lists and describes across services within minutes', () => {
    const records = sweepOf(20);
    const finding = findingOf(analyze(records), 'recon-burst')!;
    expect(finding).toMatchObject({ severity: 'medium', eventIDs: records.map((record) => record.eventID) });
    expect(finding.attack).toEqual(['T1087.004', 'T1526', 'T1580']);
    expect(finding.summary).toMatch(/11 discovery calls .* across 7 services/);
  });

  it('is high when many of the calls were refused', () => {
    const records = sweepOf(20, (i) => (i < 6 ? { errorCode: 'AccessDenied', errorMessage: 'not authorized' } : {}));
    expect(findingOf(analyze(records), 'recon-burst')!.severity).toBe('high');
  });

  it('is silent when the reads are spread over hours', () => {
    expect(kinds(analyze(sweepOf(30 * 60)))).not.toContain('recon-burst');
  });

  it('is silent for a deploy, whose reads sit among its writes', () => {
    const deploy = sweepOf(20).flatMap((record, i) => [record, callAt((i * 20 + 5) / 60, 'cloudformation.amazonaws.com', 'ExecuteChangeSet', { readOnly: false })]);
    expect(kinds(analyze(deploy))).not.toContain('recon-burst');
  });

  it('does not count what console pages list on their own', () => {
    const browsing = sweepOf(20, () => ({ sessionCredentialFromConsole: 'true', userAgent: 'Mozilla/5.0 (Macintosh) Chrome/130.0.0.0 Safari/537.36' }));
    expect(kinds(analyze(browsing))).not.toContain('recon-burst');
  });

  it('is silent for many reads of one service', () => {
    const records = Array.from({ length: 15 }, (_, i) => callAt(i / 4, 's3.amazonaws.com', i % 2 ? 'ListBuckets' : 'GetBucketAcl'));
    expect(kinds(analyze(records))).not.toContain('recon-burst');
  });
});
