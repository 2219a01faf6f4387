import { describe, expect, it } from 'vitest';

import { flagEvent } from '../../../shared/rules/engine';
import { rulePack } from '../../../shared/rules/rule-pack';
import { eventOf } from './records';
import type { NormalizedEvent } from '../../../shared/records/types';

const iam = 'iam.amazonaws.com';
const ec2 = 'ec2.amazonaws.com';
const s3 = 's3.amazonaws.com';
const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
const denied = { errorCode: 'AccessDenied', errorMessage: 'not authorized' };

/** For every rule: records it must flag and records it must leave alone. */
const cases: Record<string, { positive: NormalizedEvent[]; negative: NormalizedEvent[] }> = {
  'TC-LOG-001': {
    positive: [eventOf('cloudtrail.amazonaws.com', 'StopLogging', { requestParameters: { name: 'main' } }), eventOf('cloudtrail.amazonaws.com', 'DeleteTrail')],
    negative: [eventOf('cloudtrail.amazonaws.com', 'StartLogging'), eventOf('cloudtrail.amazonaws.com', 'StopLogging', denied), eventOf('example.amazonaws.com', 'StopLogging')],
  },
  'TC-LOG-002': {
    positive: [eventOf('cloudtrail.amazonaws.com', 'PutEventSelectors'), eventOf('cloudtrail.amazonaws.com', 'UpdateTrail')],
    negative: [eventOf('cloudtrail.amazonaws.com', 'GetEventSelectors'), eventOf('cloudtrail.amazonaws.com', 'UpdateTrail', denied)],
  },
  'TC-LOG-003': {
    positive: [eventOf('config.amazonaws.com', 'StopConfigurationRecorder'), eventOf('config.amazonaws.com', 'DeleteDeliveryChannel')],
    negative: [eventOf('config.amazonaws.com', 'StartConfigurationRecorder')],
  },
  'TC-LOG-004': {
    positive: [eventOf('guardduty.amazonaws.com', 'DeleteDetector')],
    negative: [eventOf('guardduty.amazonaws.com', 'ListDetectors'), eventOf('guardduty.amazonaws.com', 'DeleteDetector', denied)],
  },
  'TC-LOG-005': {
    positive: [eventOf('logs.amazonaws.com', 'DeleteLogGroup', { requestParameters: { logGroupName: '/aws/x' } })],
    negative: [eventOf('logs.amazonaws.com', 'CreateLogGroup')],
  },
  'TC-IAM-001': {
    positive: [eventOf(iam, 'AttachUserPolicy', { requestParameters: { userName: 'mallory', policyArn: admin } }), eventOf(iam, 'AttachRolePolicy', { requestParameters: { roleName: 'r', policyArn: admin } })],
    negative: [eventOf(iam, 'AttachUserPolicy', { requestParameters: { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }), eventOf(iam, 'AttachUserPolicy', { ...denied, requestParameters: { policyArn: admin } })],
  },
  'TC-IAM-002': {
    positive: [eventOf(iam, 'PutUserPolicy', { requestParameters: { userName: 'bob' } }), eventOf(iam, 'AttachUserPolicy', { requestParameters: { policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } })],
    negative: [eventOf(iam, 'AttachUserPolicy', { requestParameters: { policyArn: admin } }), eventOf(iam, 'GetUserPolicy')],
  },
  'TC-IAM-003': {
    positive: [eventOf(iam, 'CreateAccessKey', { responseElements: { accessKey: { accessKeyId: 'AKIAEXAMPLE0000000', userName: 'alice' } } })],
    negative: [eventOf(iam, 'ListAccessKeys'), eventOf(iam, 'CreateAccessKey', denied)],
  },
  'TC-IAM-004': {
    positive: [eventOf(iam, 'CreateAccessKey', { requestParameters: { userName: 'bob' } })],
    negative: [eventOf(iam, 'CreateAccessKey', { requestParameters: { userName: 'alice' } }), eventOf(iam, 'CreateAccessKey')],
  },
  'TC-IAM-005': {
    positive: [eventOf(iam, 'CreateLoginProfile', { requestParameters: { userName: 'bob' } }), eventOf(iam, 'CreateUser')],
    negative: [eventOf(iam, 'GetLoginProfile')],
  },
  'TC-IAM-006': {
    positive: [eventOf(iam, 'DeleteUser', { requestParameters: { userName: 'bob' } }), eventOf(iam, 'DeactivateMFADevice')],
    negative: [eventOf(iam, 'ListMFADevices'), eventOf(iam, 'DeleteUser', denied)],
  },
  'TC-IAM-007': {
    positive: [eventOf('sts.amazonaws.com', 'GetSessionToken')],
    negative: [eventOf('sts.amazonaws.com', 'GetCallerIdentity')],
  },
  'TC-NET-001': {
    positive: [
      eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: { groupId: 'sg-1', ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } } }),
      eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: { groupId: 'sg-1', ipPermissions: { items: [{ ipv6Ranges: { items: [{ cidrIpv6: '::/0' }] } }] } } }),
    ],
    negative: [eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: { groupId: 'sg-1', ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] } }] } } })],
  },
  'TC-NET-002': {
    positive: [eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { networkAclId: 'acl-1', cidrBlock: '0.0.0.0/0', ruleAction: 'allow', egress: false } })],
    negative: [
      eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { cidrBlock: '0.0.0.0/0', ruleAction: 'deny', egress: false } }),
      eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { cidrBlock: '0.0.0.0/0', ruleAction: 'allow', egress: true } }),
    ],
  },
  'TC-NET-003': {
    positive: [eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ group: 'all' }] } } } })],
    negative: [eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '444455556666' }] } } } })],
  },
  'TC-LOGIN-001': {
    positive: [eventOf('signin.amazonaws.com', 'ConsoleLogin', { errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } })],
    negative: [eventOf('signin.amazonaws.com', 'ConsoleLogin', { responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } })],
  },
  'TC-LOGIN-002': {
    positive: [eventOf('signin.amazonaws.com', 'ConsoleLogin', { responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } })],
    negative: [
      eventOf('signin.amazonaws.com', 'ConsoleLogin', { responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } }),
      eventOf('signin.amazonaws.com', 'ConsoleLogin', { userIdentity: { type: 'AssumedRole' }, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }),
    ],
  },
  'TC-DENY-001': {
    positive: [eventOf(s3, 'PutObject', denied), eventOf(ec2, 'RunInstances', { errorCode: 'Client.UnauthorizedOperation' })],
    negative: [eventOf(s3, 'PutObject'), eventOf(iam, 'ListUsers', denied), eventOf(ec2, 'RunInstances', { errorCode: 'InvalidParameterValue' })],
  },
  'TC-RECON-001': {
    positive: [eventOf(iam, 'ListUsers', denied), eventOf(iam, 'GetAccountAuthorizationDetails', { errorCode: 'AccessDeniedException' })],
    negative: [eventOf(iam, 'ListUsers'), eventOf(s3, 'PutObject', denied)],
  },
  'TC-RECON-002': {
    positive: [eventOf(iam, 'GetAccountAuthorizationDetails')],
    negative: [eventOf(iam, 'GetUser')],
  },
  'TC-ROOT-001': {
    positive: [eventOf(iam, 'ListUsers', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' } })],
    negative: [eventOf(iam, 'ListUsers'), eventOf(s3, 'GetObject', { userIdentity: { type: 'Root', invokedBy: 'cloudtrail.amazonaws.com' } })],
  },
  'TC-S3-001': {
    positive: [
      eventOf(s3, 'PutBucketAcl', { requestParameters: { bucketName: 'b', AccessControlPolicy: { AccessControlList: { Grant: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' } }] } } } }),
      eventOf(s3, 'PutBucketAcl', { requestParameters: { bucketName: 'b', 'x-amz-acl': ['public-read'] } }),
    ],
    negative: [eventOf(s3, 'PutBucketAcl', { requestParameters: { bucketName: 'b', 'x-amz-acl': ['private'] } })],
  },
  'TC-S3-002': {
    positive: [eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'b' } }), eventOf(s3, 'DeleteBucketPublicAccessBlock')],
    negative: [eventOf(s3, 'GetBucketPolicy')],
  },
  'TC-KMS-001': {
    positive: [eventOf('kms.amazonaws.com', 'ScheduleKeyDeletion', { requestParameters: { keyId: 'k' } }), eventOf('kms.amazonaws.com', 'DisableKey')],
    negative: [eventOf('kms.amazonaws.com', 'Decrypt'), eventOf('kms.amazonaws.com', 'DisableKey', denied)],
  },
  'TC-SECRET-001': {
    positive: [eventOf('secretsmanager.amazonaws.com', 'GetSecretValue', { requestParameters: { secretId: 'db' } }), eventOf('ssm.amazonaws.com', 'GetParameter', { requestParameters: { name: 'p', withDecryption: true } })],
    negative: [eventOf('ssm.amazonaws.com', 'GetParameter', { requestParameters: { name: 'p', withDecryption: false } }), eventOf('secretsmanager.amazonaws.com', 'ListSecrets')],
  },
  'TC-EXEC-001': {
    positive: [eventOf('ssm.amazonaws.com', 'SendCommand', { requestParameters: { instanceIds: ['i-1'] } }), eventOf('ssm.amazonaws.com', 'StartSession')],
    negative: [eventOf('ssm.amazonaws.com', 'ListCommands')],
  },
  'TC-EXEC-002': {
    positive: [eventOf(ec2, 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', userData: '<sensitiveDataRemoved>' } }), eventOf('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2')],
    negative: [eventOf(ec2, 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', instanceType: { value: 't3.large' } } })],
  },
  'TC-DESTROY-001': {
    positive: [eventOf(ec2, 'TerminateInstances'), eventOf('rds.amazonaws.com', 'DeleteDBInstance'), eventOf(s3, 'DeleteBucket')],
    negative: [eventOf(ec2, 'StopInstances'), eventOf(s3, 'DeleteObject')],
  },
};

function ruleIdsOf(event: NormalizedEvent): string[] {
  return flagEvent(event).map((hit) => hit.ruleId);
}

describe('the rule pack', () => {
  it('has a positive and a negative case for every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(rulePack.rules.map((rule) => rule.id).sort());
  });

  it('gives every rule a unique id and at least one public reference', () => {
    expect(new Set(rulePack.rules.map((rule) => rule.id)).size).toBe(rulePack.rules.length);
    for (const rule of rulePack.rules) expect(rule.references.length).toBeGreaterThan(0);
  });

  for (const [ruleId, { positive, negative }] of Object.entries(cases)) {
    it(`${ruleId} flags its positive records`, () => {
      for (const event of positive) expect(ruleIdsOf(event), event.eventName).toContain(ruleId);
    });
    it(`${ruleId} leaves its negative records alone`, () => {
      for (const event of negative) expect(ruleIdsOf(event), event.eventName).not.toContain(ruleId);
    });
  }
});
