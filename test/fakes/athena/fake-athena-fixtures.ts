import { cloudtrailTableDdl } from '../../../main/services/sources/athena/cloudtrail-table';

/** The trail folder of the fixture table (one account and region, as AWS's table is). */
export const TRAIL_LOCATION = 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/';
export const TABLE = { database: 'default', table: 'cloudtrail_logs' };

/**
 * CloudTrail records in the shape AWS writes them, with only the fields the documented table has
 * columns for (a row cannot carry the others: record-columns.ts), requestParameters and
 * responseElements always present. Each kind an investigation meets: a user's own calls, a call
 * made for the user by a service, a role session, root, an AWS service event, a 1.0-era record
 * without eventID, a web identity session (a map), resources, TLS details and an addendum.
 */
export const athenaRecords = {
  alice: {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAALICE0000000000A', userName: 'alice' },
    eventTime: '2026-03-01T10:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.4',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { bucketName: 'payroll', key: "it's \"quoted\" / café", Host: 'payroll.s3.amazonaws.com' },
    responseElements: null,
    additionalEventData: { bytesTransferredOut: 1.5, 'x-amz-id-2': 'abc' },
    requestID: 'REQ1',
    eventID: '11111111-aaaa-4000-8000-000000000001',
    readOnly: true,
    resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::payroll/2026.csv' }, { accountId: '111122223333', type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::payroll' }],
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    eventCategory: 'Data',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'payroll.s3.amazonaws.com' },
  },
  root: {
    eventVersion: '1.08',
    userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
    eventTime: '2026-03-01T11:00:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.9',
    userAgent: 'Mozilla/5.0',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
    eventID: '11111111-aaaa-4000-8000-000000000002',
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
  },
  service: {
    eventVersion: '1.08',
    userIdentity: { accountId: '111122223333', invokedBy: 'kms.amazonaws.com' },
    eventTime: '2026-03-01T12:00:00Z',
    eventSource: 'kms.amazonaws.com',
    eventName: 'RotateKey',
    awsRegion: 'us-east-1',
    sourceIPAddress: 'kms.amazonaws.com',
    userAgent: 'kms.amazonaws.com',
    requestParameters: null,
    responseElements: null,
    eventID: '11111111-aaaa-4000-8000-000000000003',
    readOnly: false,
    resources: [{ ARN: 'arn:aws:kms:us-east-1:111122223333:key/k1', accountId: '111122223333', type: 'AWS::KMS::Key' }],
    eventType: 'AwsServiceEvent',
    recipientAccountId: '111122223333',
    serviceEventDetails: { keyId: 'k1', rotated: true, attempts: [1, 2] },
    eventCategory: 'Management',
  },
  aliceByService: {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'ASIAALICECFN0000000A', userName: 'alice', invokedBy: 'cloudformation.amazonaws.com' },
    eventTime: '2026-03-01T13:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: 'cloudformation.amazonaws.com',
    userAgent: 'cloudformation.amazonaws.com',
    errorCode: 'Client.UnauthorizedOperation',
    errorMessage: 'You are not authorized to perform this operation. Encoded authorization failure message: x',
    requestParameters: { instancesSet: { items: [{ imageId: 'ami-1', minCount: 1, maxCount: 1 }] } },
    responseElements: null,
    eventID: '11111111-aaaa-4000-8000-000000000004',
    readOnly: false,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  },
  aliceSession: {
    eventVersion: '1.08',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAADMIN:alice',
      arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
      accountId: '111122223333',
      accessKeyId: 'ASIAROLESESSION00001',
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: 'AROAADMIN', arn: 'arn:aws:iam::111122223333:role/Admin', accountId: '111122223333', userName: 'Admin' },
        attributes: { creationDate: '2026-03-02T08:00:00Z', mfaAuthenticated: 'false' },
        ec2RoleDelivery: '2.0',
      },
    },
    eventTime: '2026-03-02T08:05:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'Boto3/1.34',
    requestParameters: { userName: 'backdoor' },
    responseElements: { accessKey: { accessKeyId: 'AKIABACKDOOR0000000A', status: 'Active', userName: 'backdoor', createDate: 'Mar 2, 2026 8:05:00 AM' } },
    requestID: 'REQ5',
    eventID: '22222222-bbbb-4000-8000-000000000001',
    readOnly: false,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    sessionCredentialFromConsole: 'true',
    addendum: { reason: 'DELIVERY_DELAY', originalRequestID: 'REQ5', originalEventID: '22222222-bbbb-4000-8000-000000000001' },
  },
  bobSameAddress: {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDABOB', arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333', accessKeyId: 'AKIABOB0000000000000', userName: 'bob' },
    eventTime: '2026-03-02T09:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'Boto3/1.34',
    requestParameters: null,
    responseElements: null,
    eventID: '22222222-bbbb-4000-8000-000000000002',
    readOnly: true,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    vpcEndpointId: 'vpce-0123',
    vpcEndpointAccountId: '111122223333',
  },
  webIdentity: {
    eventVersion: '1.08',
    userIdentity: {
      type: 'WebIdentityUser',
      principalId: 'accounts.google.com:app:sub',
      userName: 'sub',
      sessionContext: { webIdFederationData: { federatedProvider: 'accounts.google.com', attributes: { 'accounts.google.com:aud': 'app', 'accounts.google.com:sub': 'sub' } } },
    },
    eventTime: '2026-03-02T10:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRoleWithWebIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-sdk-go',
    requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/Web' },
    responseElements: null,
    eventID: '22222222-bbbb-4000-8000-000000000003',
    readOnly: true,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  },
  /** A 1.0-era record: no eventID, no eventType, no recipientAccountId. */
  aliceOld: {
    eventVersion: '1.0',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAALICE0000000000A', userName: 'alice' },
    eventTime: '2026-03-02T07:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.4',
    userAgent: 'aws-cli/1.0',
    requestParameters: { filterSet: {} },
    responseElements: null,
  },
  aliceJanuary: {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAALICE0000000000A', userName: 'alice' },
    eventTime: '2026-01-15T10:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.4',
    requestParameters: null,
    responseElements: null,
    eventID: '33333333-cccc-4000-8000-000000000001',
  },
} satisfies Record<string, Record<string, unknown>>;

/** The fixture trail: every record above under TRAIL_LOCATION. */
export const athenaTrail = (): Record<string, Record<string, unknown>[]> => ({ [TRAIL_LOCATION]: Object.values(athenaRecords) });

/** The documented table over the fixture trail, as the fake's `tables` option takes it. */
export const athenaTableDdl = () => cloudtrailTableDdl({ ...TABLE, location: TRAIL_LOCATION });

/** The S3 objects of the fixture trail (one gzip file a day), for a fake S3's listing. */
export function trailObjectKeys(): Record<string, string[]> {
  const byDay: Record<string, string[]> = {};
  for (const record of Object.values(athenaRecords)) {
    const day = record.eventTime.slice(0, 10).replaceAll('-', '/');
    (byDay[day] ??= []).push(JSON.stringify(record));
  }
  return byDay;
}
