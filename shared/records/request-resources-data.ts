/**
 * Where CloudTrail records name the resources a call touched, as data: per event source the
 * request parameters most of its calls use, per event the places those do not cover (lists,
 * response elements, security group rules), and a fallback of names common across services.
 * Paths step through objects by name; `[]` steps into every element of a list.
 */

/** What kind of thing a resource is, in the words the detail and the ticket show. */
export type ResourceKind =
  | 'IAM user'
  | 'IAM role'
  | 'IAM group'
  | 'IAM policy'
  | 'Inline policy'
  | 'Access key'
  | 'Instance profile'
  | 'MFA device'
  | 'Secret'
  | 'Trail'
  | 'S3 bucket'
  | 'S3 object'
  | 'EC2 instance'
  | 'Security group'
  | 'Ingress rule'
  | 'Egress rule'
  | 'Image'
  | 'Snapshot'
  | 'Volume'
  | 'Key pair'
  | 'EC2 resource'
  | 'KMS key'
  | 'Lambda function'
  | 'Log group'
  | 'Log stream'
  | 'SSM parameter'
  | 'ECR repository'
  | 'CloudFormation stack'
  | 'DynamoDB table'
  | 'SNS topic'
  | 'SQS queue'
  | 'Database'
  | 'GuardDuty detector'
  | 'Config recorder'
  | 'Role session'
  | 'Account'
  | 'Resource';

/** One place a resource is named: a path in `requestParameters` (or `responseElements`). */
export interface ResourceSpec {
  kind: ResourceKind;
  path: string;
  in?: 'response';
  /** For security group rules: the path holds `ipPermissions` items, told as protocol, ports and sources. */
  rule?: true;
  /** A request parameter whose value goes before this one, with `/` (an S3 key after its bucket). */
  prefix?: string;
}

const p = (kind: ResourceKind, path: string): ResourceSpec => ({ kind, path });
const r = (kind: ResourceKind, path: string): ResourceSpec => ({ kind, path, in: 'response' });

/** The parameters that name resources in most calls of one service. */
export const serviceSpecs: Record<string, ResourceSpec[]> = {
  'iam.amazonaws.com': [
    p('IAM user', 'userName'),
    p('IAM role', 'roleName'),
    p('IAM group', 'groupName'),
    p('IAM policy', 'policyArn'),
    p('Inline policy', 'policyName'),
    p('Access key', 'accessKeyId'),
    p('Instance profile', 'instanceProfileName'),
    p('MFA device', 'serialNumber'),
  ],
  'sts.amazonaws.com': [p('IAM role', 'roleArn'), p('Role session', 'roleSessionName'), r('Access key', 'credentials.accessKeyId')],
  'secretsmanager.amazonaws.com': [p('Secret', 'secretId'), p('Secret', 'name'), r('Secret', 'arn')],
  'cloudtrail.amazonaws.com': [p('Trail', 'name'), p('Trail', 'trailName'), p('S3 bucket', 's3BucketName')],
  's3.amazonaws.com': [p('S3 bucket', 'bucketName'), { kind: 'S3 object', path: 'key', prefix: 'bucketName' }],
  'ec2.amazonaws.com': [
    p('EC2 instance', 'instanceId'),
    p('EC2 instance', 'instancesSet.items[].instanceId'),
    p('Security group', 'groupId'),
    p('Security group', 'groupName'),
    p('Image', 'imageId'),
    p('Snapshot', 'snapshotId'),
    p('Volume', 'volumeId'),
    p('Key pair', 'keyName'),
  ],
  'kms.amazonaws.com': [p('KMS key', 'keyId'), p('KMS key', 'targetKeyId')],
  'lambda.amazonaws.com': [p('Lambda function', 'functionName'), p('IAM role', 'role')],
  'logs.amazonaws.com': [p('Log group', 'logGroupName'), p('Log stream', 'logStreamName')],
  'ssm.amazonaws.com': [p('SSM parameter', 'name'), p('SSM parameter', 'names[]')],
  'ecr.amazonaws.com': [p('ECR repository', 'repositoryName')],
  'cloudformation.amazonaws.com': [p('CloudFormation stack', 'stackName')],
  'dynamodb.amazonaws.com': [p('DynamoDB table', 'tableName')],
  'sns.amazonaws.com': [p('SNS topic', 'topicArn')],
  'sqs.amazonaws.com': [p('SQS queue', 'queueUrl')],
  'rds.amazonaws.com': [p('Database', 'dBInstanceIdentifier'), p('Snapshot', 'dBSnapshotIdentifier'), p('Database', 'dBClusterIdentifier')],
  'guardduty.amazonaws.com': [p('GuardDuty detector', 'detectorId')],
  'config.amazonaws.com': [p('Config recorder', 'configurationRecorderName')],
  'organizations.amazonaws.com': [p('Account', 'accountId')],
};

const ec2 = serviceSpecs['ec2.amazonaws.com']!;
const iam = serviceSpecs['iam.amazonaws.com']!;

/** Calls whose resources are somewhere the service's common parameters do not reach. */
export const eventSpecs: Record<string, ResourceSpec[]> = {
  'iam.amazonaws.com CreateAccessKey': [...iam, r('Access key', 'accessKey.accessKeyId')],
  'iam.amazonaws.com CreatePolicy': [p('IAM policy', 'policyName'), r('IAM policy', 'policy.arn')],
  'ec2.amazonaws.com AuthorizeSecurityGroupIngress': [
    p('Security group', 'groupId'),
    p('Security group', 'groupName'),
    { kind: 'Ingress rule', path: 'ipPermissions.items[]', rule: true },
  ],
  'ec2.amazonaws.com AuthorizeSecurityGroupEgress': [
    p('Security group', 'groupId'),
    { kind: 'Egress rule', path: 'ipPermissions.items[]', rule: true },
  ],
  'ec2.amazonaws.com RevokeSecurityGroupIngress': [
    p('Security group', 'groupId'),
    p('Security group', 'groupName'),
    { kind: 'Ingress rule', path: 'ipPermissions.items[]', rule: true },
  ],
  'ec2.amazonaws.com RunInstances': [
    ...ec2,
    p('Image', 'instancesSet.items[].imageId'),
    r('EC2 instance', 'instancesSet.items[].instanceId'),
  ],
  'ec2.amazonaws.com CreateTags': [p('EC2 resource', 'resourcesSet.items[].resourceId')],
  'ec2.amazonaws.com DeleteTags': [p('EC2 resource', 'resourcesSet.items[].resourceId')],
  'ec2.amazonaws.com CreateKeyPair': [p('Key pair', 'keyName')],
  'ec2.amazonaws.com ModifySnapshotAttribute': [p('Snapshot', 'snapshotId')],
  'ec2.amazonaws.com ModifyImageAttribute': [p('Image', 'imageId')],
  's3.amazonaws.com DeleteObjects': [
    p('S3 bucket', 'bucketName'),
    { kind: 'S3 object', path: 'delete.Object[].Key', prefix: 'bucketName' },
  ],
  'kms.amazonaws.com CreateAlias': [p('KMS key', 'aliasName'), p('KMS key', 'targetKeyId')],
  'secretsmanager.amazonaws.com CreateSecret': [p('Secret', 'name'), r('Secret', 'arn')],
  'cloudformation.amazonaws.com CreateChangeSet': [p('CloudFormation stack', 'stackName')],
};

/** Request parameters that name a resource in any service: the fallback for the sources above do not list. */
export const commonSpecs: ResourceSpec[] = [
  p('IAM user', 'userName'),
  p('IAM role', 'roleName'),
  p('IAM role', 'roleArn'),
  p('IAM policy', 'policyArn'),
  p('S3 bucket', 'bucketName'),
  p('Secret', 'secretId'),
  p('EC2 instance', 'instanceId'),
  p('Security group', 'groupId'),
  p('KMS key', 'keyId'),
  p('Lambda function', 'functionName'),
  p('Log group', 'logGroupName'),
  p('Trail', 'trailName'),
  p('DynamoDB table', 'tableName'),
  p('ECR repository', 'repositoryName'),
  p('CloudFormation stack', 'stackName'),
  p('SNS topic', 'topicArn'),
  p('SQS queue', 'queueUrl'),
  p('Resource', 'resourceArn'),
  p('Resource', 'clusterName'),
];

/** CloudFormation-style types of a record's own `resources` entries, as kinds. */
export const recordTypeKinds: Record<string, ResourceKind> = {
  'AWS::IAM::User': 'IAM user',
  'AWS::IAM::Role': 'IAM role',
  'AWS::IAM::Group': 'IAM group',
  'AWS::IAM::Policy': 'IAM policy',
  'AWS::IAM::AccessKey': 'Access key',
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::S3::Object': 'S3 object',
  'AWS::KMS::Key': 'KMS key',
  'AWS::SecretsManager::Secret': 'Secret',
  'AWS::CloudTrail::Trail': 'Trail',
  'AWS::EC2::Instance': 'EC2 instance',
  'AWS::EC2::SecurityGroup': 'Security group',
  'AWS::Lambda::Function': 'Lambda function',
  'AWS::Logs::LogGroup': 'Log group',
  'AWS::DynamoDB::Table': 'DynamoDB table',
  'AWS::SNS::Topic': 'SNS topic',
  'AWS::SQS::Queue': 'SQS queue',
  'AWS::SSM::Parameter': 'SSM parameter',
};
