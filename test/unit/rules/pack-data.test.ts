import { dataRules } from '../../../shared/rules/pack/data';
import { resourcePolicyRules } from '../../../shared/rules/pack/resource-policies';
import { s3Rules } from '../../../shared/rules/pack/s3';
import { describeFamily } from './cases';
import { denied, eventOf, viaCloudFormation } from './records';

const s3 = 's3.amazonaws.com';
const ec2 = 'ec2.amazonaws.com';
const rds = 'rds.amazonaws.com';
const publicRead = { Version: '2012-10-17', Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] };
const tlsOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::data/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
const vpceOnly = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }] };
const toAccount = (account: string) => ({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] });
const publicAccessBlock = (value: boolean | string) => ({ bucketName: 'data', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: value, RestrictPublicBuckets: true } });
const lifecycle = (days: number) => ({ bucketName: 'trail-logs', LifecycleConfiguration: { Rule: [{ ID: 'expire', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: days } }] } });
const everyone = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:SendMessage', Resource: '*' }] });

describeFamily('S3', s3Rules, {
  'TC-S3-001': {
    positive: [
      eventOf(s3, 'PutBucketAcl', { requestParameters: { bucketName: 'b', AccessControlPolicy: { AccessControlList: { Grant: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] } } } }),
      eventOf(s3, 'PutObjectAcl', { requestParameters: { bucketName: 'b', key: 'k', 'x-amz-acl': ['public-read'] } }),
    ],
    negative: [eventOf(s3, 'PutBucketAcl', { requestParameters: { bucketName: 'b', 'x-amz-acl': ['private'] } })],
  },
  'TC-S3-002': {
    positive: [eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'data', bucketPolicy: tlsOnly } }), eventOf(s3, 'DeleteBucketPolicy', { requestParameters: { bucketName: 'data' } })],
    negative: [eventOf(s3, 'GetBucketPolicy'), eventOf(s3, 'PutBucketPolicy', { ...viaCloudFormation, requestParameters: { bucketName: 'data', bucketPolicy: tlsOnly } })],
  },
  'TC-S3-003': {
    positive: [eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'data', bucketPolicy: publicRead } })],
    negative: [eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'data', bucketPolicy: tlsOnly } }), eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'data', bucketPolicy: vpceOnly } })],
  },
  'TC-S3-004': {
    positive: [eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'data', bucketPolicy: toAccount('444455556666') } })],
    negative: [eventOf(s3, 'PutBucketPolicy', { requestParameters: { bucketName: 'data', bucketPolicy: toAccount('111122223333') } })],
  },
  'TC-S3-005': {
    positive: [eventOf(s3, 'DeleteBucketPublicAccessBlock', { requestParameters: { bucketName: 'data' } }), eventOf(s3, 'PutBucketPublicAccessBlock', { requestParameters: publicAccessBlock('false') })],
    negative: [eventOf(s3, 'PutBucketPublicAccessBlock', { requestParameters: publicAccessBlock(true) })],
  },
  'TC-S3-006': {
    positive: [eventOf(s3, 'DeleteBucketEncryption', { requestParameters: { bucketName: 'data' } })],
    negative: [eventOf(s3, 'GetBucketEncryption'), eventOf(s3, 'DeleteBucketCors', viaCloudFormation)],
  },
  'TC-S3-007': {
    positive: [eventOf(s3, 'PutBucketEncryption', { requestParameters: { bucketName: 'data', ServerSideEncryptionConfiguration: { Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:444455556666:key/1' } } } } })],
    negative: [eventOf(s3, 'PutBucketEncryption', { ...denied, requestParameters: { bucketName: 'data' } })],
  },
  'TC-S3-008': {
    positive: [
      eventOf(s3, 'PutBucketVersioning', { requestParameters: { bucketName: 'data', versioning: '', VersioningConfiguration: { Status: 'Suspended', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } } }),
      eventOf(s3, 'PutBucketVersioning', { requestParameters: { bucketName: 'data', VersioningConfiguration: { Status: 'Enabled', MfaDelete: 'Disabled' } } }),
    ],
    negative: [eventOf(s3, 'PutBucketVersioning', { requestParameters: { bucketName: 'data', VersioningConfiguration: { Status: 'Enabled' } } })],
  },
  'TC-S3-009': {
    positive: [eventOf(s3, 'PutBucketReplication', { requestParameters: { bucketName: 'data', ReplicationConfiguration: { Role: 'arn:aws:iam::111122223333:role/r', Rule: { Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::copy' } } } } })],
    negative: [eventOf(s3, 'GetBucketReplication')],
  },
  'TC-S3-010': {
    positive: [eventOf(s3, 'PutBucketReplication', { requestParameters: { bucketName: 'data', ReplicationConfiguration: { Rule: { Destination: { Bucket: 'arn:aws:s3:::loot', Account: '444455556666' } } } } })],
    negative: [eventOf(s3, 'PutBucketReplication', { requestParameters: { bucketName: 'data', ReplicationConfiguration: { Rule: { Destination: { Bucket: 'arn:aws:s3:::dr', Account: '111122223333' } } } } })],
  },
  'TC-S3-011': {
    positive: [eventOf(s3, 'PutBucketLifecycle', { requestParameters: lifecycle(90) })],
    negative: [eventOf(s3, 'PutBucketLifecycle', { requestParameters: { bucketName: 'data', LifecycleConfiguration: { Rule: [{ Status: 'Enabled', Transition: { Days: 30, StorageClass: 'GLACIER' } }] } } })],
  },
  'TC-S3-012': {
    positive: [
      eventOf(s3, 'PutBucketLifecycle', { requestParameters: lifecycle(1) }),
      eventOf(s3, 'PutBucketLifecycle', { requestParameters: { bucketName: 'trail-logs', LifecycleConfiguration: { Rule: { ID: 'nuke', Status: 'Enabled', Expiration: { Days: '1' }, Filter: { Prefix: '*' } } } } }),
    ],
    negative: [
      eventOf(s3, 'PutBucketLifecycle', { requestParameters: lifecycle(365) }),
      eventOf(s3, 'PutBucketLifecycle', { requestParameters: lifecycle(7) }),
      eventOf(s3, 'PutBucketLifecycle', { requestParameters: { bucketName: 'b', LifecycleConfiguration: { Rule: { ID: 'off', Status: 'Disabled', Expiration: { Days: 1 } } } } }),
    ],
  },
  'TC-S3-013': {
    positive: [eventOf(s3, 'DeleteObjects', { eventCategory: 'Data', requestParameters: { bucketName: 'data', delete: '' } })],
    negative: [eventOf(s3, 'DeleteObject', { requestParameters: { bucketName: 'data', key: 'k' } }), eventOf(s3, 'DeleteObjects', { ...denied, requestParameters: { bucketName: 'data' } })],
  },
  'TC-S3-015': {
    positive: [eventOf(s3, 'DeleteObject', { eventCategory: 'Data', requestParameters: { bucketName: 'data', key: 'report.pdf', versionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY' } })],
    negative: [eventOf(s3, 'DeleteObject', { eventCategory: 'Data', requestParameters: { bucketName: 'data', key: 'report.pdf' } })],
  },
  'TC-S3-016': {
    positive: [eventOf(s3, 'PutBucketLogging', { requestParameters: { bucketName: 'data', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'logs-elsewhere', TargetPrefix: '' } } } })],
    negative: [eventOf(s3, 'PutBucketLogging', { requestParameters: { bucketName: 'data', BucketLoggingStatus: {} } })],
  },
  'TC-S3-017': {
    positive: [eventOf(s3, 'PutBucketCors', { requestParameters: { bucketName: 'site', CORSConfiguration: { CORSRule: [{ AllowedOrigin: '*', AllowedMethod: 'GET' }] } } })],
    negative: [eventOf(s3, 'GetBucketCors', { requestParameters: { bucketName: 'site' } }), eventOf(s3, 'PutBucketCors', viaCloudFormation)],
  },
  'TC-S3-014': {
    positive: [eventOf(s3, 'PutBucketWebsite', { requestParameters: { bucketName: 'site' } })],
    negative: [eventOf(s3, 'GetBucketWebsite', { requestParameters: { bucketName: 'site' } })],
  },
});

describeFamily('data exposure', dataRules, {
  'TC-NET-003': {
    positive: [eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', attributeType: 'CREATE_VOLUME_PERMISSION', createVolumePermission: { add: { items: [{ group: 'all' }] } } } })],
    negative: [eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { remove: { items: [{ group: 'all' }] } } } })],
  },
  'TC-DATA-001': {
    positive: [
      eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '444455556666' }] } } } }),
      eventOf(ec2, 'ModifyImageAttribute', { requestParameters: { imageId: 'ami-1', launchPermission: { add: { items: [{ userId: '444455556666' }] } } } }),
    ],
    negative: [eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { remove: { items: [{ userId: '444455556666' }] } } } })],
  },
  'TC-DATA-002': {
    positive: [
      eventOf(rds, 'ModifyDBSnapshotAttribute', { requestParameters: { dBSnapshotIdentifier: 'db-snap', attributeName: 'restore', valuesToAdd: ['444455556666'] } }),
      eventOf(rds, 'ModifyDBClusterSnapshotAttribute', { requestParameters: { dBClusterSnapshotIdentifier: 'c-snap', attributeName: 'restore', valuesToAdd: ['all'] } }),
    ],
    negative: [eventOf(rds, 'ModifyDBSnapshotAttribute', { requestParameters: { dBSnapshotIdentifier: 'db-snap', attributeName: 'restore', valuesToRemove: ['444455556666'] } })],
  },
  'TC-DATA-003': {
    positive: [
      eventOf(rds, 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', publiclyAccessible: true } }),
      eventOf(rds, 'RestoreDBInstanceFromDBSnapshot', { requestParameters: { dBInstanceIdentifier: 'db2' }, responseElements: { dBInstanceIdentifier: 'db2', publiclyAccessible: 'true' } }),
      eventOf(rds, 'ModifyDBCluster', { requestParameters: { dBClusterIdentifier: 'orders', publiclyAccessible: true, applyImmediately: true }, responseElements: { dBClusterIdentifier: 'orders', status: 'modifying', publiclyAccessible: true } }),
    ],
    negative: [
      eventOf(rds, 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', publiclyAccessible: false } }),
      eventOf(rds, 'ModifyDBCluster', { requestParameters: { dBClusterIdentifier: 'orders', publiclyAccessible: false }, responseElements: { dBClusterIdentifier: 'orders', publiclyAccessible: false } }),
      eventOf(rds, 'ModifyDBCluster', { ...denied, requestParameters: { dBClusterIdentifier: 'orders', publiclyAccessible: true } }),
    ],
  },
  'TC-DATA-004': {
    positive: [
      eventOf(rds, 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', masterUserPassword: '****', applyImmediately: true } }),
      eventOf(rds, 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db' }, responseElements: { pendingModifiedValues: { masterUserPassword: '****' } } }),
    ],
    negative: [eventOf(rds, 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', allocatedStorage: 200 } })],
  },
  'TC-DATA-005': {
    positive: [eventOf(rds, 'StartExportTask', { requestParameters: { exportTaskIdentifier: 'x', sourceArn: 'arn:aws:rds:us-east-1:111122223333:snapshot:s', s3BucketName: 'loot' } })],
    negative: [eventOf(rds, 'DescribeExportTasks')],
  },
  'TC-DATA-006': {
    positive: [eventOf(ec2, 'SharedSnapshotCopyInitiated', { eventType: 'AwsServiceEvent', userIdentity: { accountId: '444455556666' }, serviceEventDetails: { snapshotId: 'snap-1' } })],
    negative: [eventOf(ec2, 'CopySnapshot', { requestParameters: { sourceSnapshotId: 'snap-1', sourceRegion: 'us-east-1' } })],
  },
  'TC-DATA-007': {
    positive: [eventOf(ec2, 'CopySnapshot', { awsRegion: 'ap-southeast-3', requestParameters: { sourceSnapshotId: 'snap-1', sourceRegion: 'us-east-1' } })],
    negative: [eventOf(ec2, 'CopySnapshot', { requestParameters: { sourceSnapshotId: 'snap-1', sourceRegion: 'us-east-1' } })],
  },
  'TC-DATA-011': {
    positive: [eventOf(ec2, 'DisableEbsEncryptionByDefault')],
    negative: [eventOf(ec2, 'EnableEbsEncryptionByDefault')],
  },
  'TC-DATA-012': {
    positive: [eventOf('route53domains.amazonaws.com', 'TransferDomainToAnotherAwsAccount', { requestParameters: { domainName: 'example.com', accountId: '444455556666' } })],
    negative: [eventOf('route53domains.amazonaws.com', 'EnableDomainTransferLock', { requestParameters: { domainName: 'example.com' } })],
  },
  'TC-DATA-013': {
    positive: [eventOf('codebuild.amazonaws.com', 'UpdateProjectVisibility', { requestParameters: { projectArn: 'arn:aws:codebuild:us-east-1:111122223333:project/app', projectVisibility: 'PUBLIC_READ' } })],
    negative: [eventOf('codebuild.amazonaws.com', 'UpdateProjectVisibility', { requestParameters: { projectArn: 'p', projectVisibility: 'PRIVATE' } })],
  },
  'TC-DATA-014': {
    positive: [eventOf(ec2, 'ModifySnapshotAttribute', { errorCode: 'Client.UnauthorizedOperation', requestParameters: { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '444455556666' }] } } } })],
    negative: [eventOf(ec2, 'ModifySnapshotAttribute', { requestParameters: { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '444455556666' }] } } } })],
  },
});

describeFamily('resource policies', resourcePolicyRules, {
  'TC-DATA-008': {
    positive: [
      eventOf('sqs.amazonaws.com', 'SetQueueAttributes', { requestParameters: { queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/q', attributes: { Policy: everyone } } }),
      eventOf('ecr.amazonaws.com', 'SetRepositoryPolicy', { requestParameters: { repositoryName: 'app', policyText: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] }) } }),
    ],
    negative: [eventOf('sqs.amazonaws.com', 'SetQueueAttributes', { requestParameters: { queueUrl: 'q', attributes: { VisibilityTimeout: '30' } } })],
  },
  'TC-DATA-009': {
    positive: [eventOf('kms.amazonaws.com', 'PutKeyPolicy', { requestParameters: { keyId: 'k', policyName: 'default', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }] }) } })],
    negative: [eventOf('kms.amazonaws.com', 'PutKeyPolicy', { requestParameters: { keyId: 'k', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }) } })],
  },
  'TC-DATA-010': {
    positive: [
      eventOf('lambda.amazonaws.com', 'AddPermission20150331v2', { requestParameters: { functionName: 'f', statementId: 's', action: 'lambda:InvokeFunction', principal: '*' } }),
      eventOf('lambda.amazonaws.com', 'CreateFunctionUrlConfig20211031', { requestParameters: { functionName: 'f', authType: 'NONE' } }),
    ],
    negative: [
      eventOf('lambda.amazonaws.com', 'AddPermission20150331v2', { requestParameters: { functionName: 'f', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::b' } }),
      eventOf('lambda.amazonaws.com', 'CreateFunctionUrlConfig20211031', { requestParameters: { functionName: 'f', authType: 'AWS_IAM' } }),
    ],
  },
});
