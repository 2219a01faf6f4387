import { describe, expect, it } from 'vitest';

import type { UserIdentity } from '../../../../shared/records/types';
import { analyze, callAt, fakeEnricher, findingOf, kinds } from '../analysis-fixtures';

const instanceRole: UserIdentity = {
  type: 'AssumedRole',
  principalId: 'AROAWEBROLE:i-0abc123def4567890',
  arn: 'arn:aws:sts::111122223333:assumed-role/web-role/i-0abc123def4567890',
  accountId: '111122223333',
  accessKeyId: 'ASIAWEBROLE',
  sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/web-role', userName: 'web-role' }, ec2RoleDelivery: '2.0' },
};
const outside = '81.2.69.160';
const ec2 = '54.240.196.10';
const table = { [outside]: { country: 'GB' }, [ec2]: { country: 'US', aws: 'EC2', awsRegion: 'us-east-1' } };

describe('instance-credentials-outside-aws finding', () => {
  it("names the calls of an instance's role session from an address in no AWS range", () => {
    const records = [
      callAt(0, 's3.amazonaws.com', 'ListBuckets', { userIdentity: instanceRole, sourceIPAddress: ec2 }),
      callAt(5, 's3.amazonaws.com', 'ListBuckets', { userIdentity: instanceRole, sourceIPAddress: outside }),
      callAt(6, 'iam.amazonaws.com', 'ListRoles', { userIdentity: instanceRole, sourceIPAddress: outside }),
    ];
    const finding = findingOf(analyze(records, { enricher: fakeEnricher(table) }), 'instance-credentials-outside-aws')!;
    expect(finding).toMatchObject({ severity: 'high', eventIDs: [records[1]!.eventID, records[2]!.eventID], attack: ['T1078.004', 'T1552.005'] });
    expect(finding.title).toContain('i-0abc123def4567890');
    expect(finding.summary).toContain(outside);
  });

  it('is silent for calls from AWS addresses, from inside a VPC, or by other sessions', () => {
    const records = [
      callAt(0, 's3.amazonaws.com', 'ListBuckets', { userIdentity: instanceRole, sourceIPAddress: ec2 }),
      callAt(1, 's3.amazonaws.com', 'ListBuckets', { userIdentity: instanceRole, sourceIPAddress: '10.0.3.7' }),
      callAt(2, 's3.amazonaws.com', 'ListBuckets', { userIdentity: { ...instanceRole, arn: 'arn:aws:sts::111122223333:assumed-role/web-role/alice' }, sourceIPAddress: outside }),
      callAt(3, 's3.amazonaws.com', 'ListBuckets', { userIdentity: { ...instanceRole, invokedBy: 'ec2.amazonaws.com' }, sourceIPAddress: outside }),
    ];
    expect(kinds(analyze(records, { enricher: fakeEnricher(table) }))).not.toContain('instance-credentials-outside-aws');
  });

  it("claims nothing without AWS's ranges, and says the answer is unknown", () => {
    const records = [callAt(0, 's3.amazonaws.com', 'ListBuckets', { userIdentity: instanceRole, sourceIPAddress: outside })];
    const analysis = analyze(records, { enricher: fakeEnricher(table, ['ip-country', 'tor-exits']) });
    expect(kinds(analysis)).not.toContain('instance-credentials-outside-aws');
    expect(analysis.notes.join(' ')).toMatch(/unknown without AWS's ip-ranges\.json/);
  });
});
