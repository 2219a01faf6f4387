import { describe, expect, test } from 'vitest';

import { auditDeletion } from '../../../shared/iam-audit/deletion-audit';
import { deletionText } from '../../../shared/iam-audit/deletion-text';
import type { CloudTrailRecord } from '../../../shared/records/types';

let serial = 0;
function iam(eventName: string, time: string, requestParameters: Record<string, unknown>, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  serial += 1;
  return {
    eventID: `event-${serial}`,
    eventTime: time,
    eventSource: 'iam.amazonaws.com',
    eventName,
    sourceIPAddress: '198.51.100.9',
    userAgent: 'aws-cli/2.15.30 Python/3.11.8',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/admin' },
    requestParameters,
    responseElements: null,
    ...extra,
  };
}

const created = (time: string, userId: string) => iam('CreateUser', time, { userName: 'bob' }, { responseElements: { user: { userName: 'bob', userId } } });

describe('deletion audit', () => {
  test('the DeleteUser and the clean-up before it, who, when, from where, console or API', () => {
    const audit = auditDeletion(
      [
        created('2026-10-01T09:00:00Z', 'AIDABOBFIRST0000001X'),
        iam('DeleteAccessKey', '2026-11-20T10:00:00Z', { userName: 'bob', accessKeyId: 'AKIABOBFAKE000000001' }),
        iam('DetachUserPolicy', '2026-11-20T10:01:00Z', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { userAgent: 'AWS Internal', sessionCredentialFromConsole: 'true' }),
        iam('DeleteLoginProfile', '2026-11-20T10:02:00Z', { userName: 'bob' }),
        iam('RemoveUserFromGroup', '2026-11-20T10:03:00Z', { userName: 'bob', groupName: 'developers' }),
        iam('DeleteUser', '2026-11-20T10:04:00Z', { userName: 'bob' }),
        iam('DeleteAccessKey', '2026-11-20T10:00:30Z', { userName: 'alice', accessKeyId: 'AKIAALICE00000000001' }),
      ],
      'bob',
    );
    expect(audit.deletions).toHaveLength(1);
    const deletion = audit.deletions[0]!;
    expect(deletion.userId).toBe('AIDABOBFIRST0000001X');
    expect(deletion.deleteUser).toMatchObject({ eventTime: '2026-11-20T10:04:00Z', by: 'arn:aws:iam::111122223333:user/admin', sourceIPAddress: '198.51.100.9', via: 'api' });
    expect(deletion.cleanup.map((call) => [call.eventName, call.detail, call.via])).toEqual([
      ['DeleteAccessKey', 'AKIABOBFAKE000000001', 'api'],
      ['DetachUserPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'console'],
      ['DeleteLoginProfile', null, 'api'],
      ['RemoveUserFromGroup', 'developers', 'api'],
    ]);
    expect(audit.recreatedAfterDeletion).toBeNull();
  });

  test('a user of the same name created again later is a different identity, by its unique id', () => {
    const audit = auditDeletion([created('2026-10-01T09:00:00Z', 'AIDABOBFIRST0000001X'), iam('DeleteUser', '2026-11-20T10:04:00Z', { userName: 'bob' }), created('2026-11-25T08:00:00Z', 'AIDABOBSECOND000002X')], 'bob');
    expect(audit.recreatedAfterDeletion).toMatchObject({ userId: 'AIDABOBSECOND000002X', differentId: true, eventTime: '2026-11-25T08:00:00Z' });
    expect(deletionText(audit, 'the last 90 days')).toContain('a different unique id: another identity under the old name');
  });

  test('a failed DeleteUser is not a deletion, and a name never deleted has none', () => {
    const failed = auditDeletion([iam('DeleteUser', '2026-11-20T10:04:00Z', { userName: 'bob' }, { errorCode: 'DeleteConflict' })], 'bob');
    expect(failed.deletions).toEqual([]);
    expect(deletionText(failed, 'the last 90 days')).toContain('No DeleteUser of this name');
  });

  test('without its CreateUser in the records the deleted id is unknown, and so is whether a later one differs', () => {
    const audit = auditDeletion([iam('DeleteUser', '2026-11-20T10:04:00Z', { userName: 'bob' }), created('2026-11-25T08:00:00Z', 'AIDABOBSECOND000002X')], 'bob');
    expect(audit.deletions[0]!.userId).toBeNull();
    expect(audit.recreatedAfterDeletion?.differentId).toBeNull();
  });
});
