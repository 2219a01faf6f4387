import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';

/** A plausible successful call by IAM user alice of account 111122223333; `fields` override or add fields. */
export function recordOf(eventSource: string, eventName: string, fields: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-20T10:00:00Z',
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22',
    eventID: `${eventName}-1`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLEALICE0001', userName: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLEALICE0001' },
    ...fields,
  };
}

/** The normalised event of such a record. */
export function eventOf(eventSource: string, eventName: string, fields: Partial<CloudTrailRecord> = {}): NormalizedEvent {
  return normalizeEvent(recordOf(eventSource, eventName, fields));
}

/** An assumed-role session of role `deployer` in the same account. */
export const roleSession: Partial<CloudTrailRecord> = {
  userIdentity: {
    type: 'AssumedRole',
    principalId: 'AROAEXAMPLEDEPLOY001:session',
    arn: 'arn:aws:sts::111122223333:assumed-role/deployer/session',
    accountId: '111122223333',
    accessKeyId: 'ASIAEXAMPLEDEPLOY001',
    sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/deployer', userName: 'deployer', accountId: '111122223333' } },
  },
};

/** The same call made by CloudFormation on someone's behalf. */
export const viaCloudFormation: Partial<CloudTrailRecord> = {
  sourceIPAddress: 'cloudformation.amazonaws.com',
  userAgent: 'cloudformation.amazonaws.com',
  userIdentity: { ...roleSession.userIdentity, invokedBy: 'cloudformation.amazonaws.com' },
};

/** Refused for lack of permission. */
export const denied: Partial<CloudTrailRecord> = { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform this operation' };
