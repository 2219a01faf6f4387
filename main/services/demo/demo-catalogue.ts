import type { Random } from './demo-random';

/** A call an analyst sees every day, with the request CloudTrail records for it. */
export interface RoutineCall {
  source: string;
  name: string;
  readOnly: boolean;
  request: (random: Random, region: string) => unknown;
  /** Global services are recorded in us-east-1. */
  global?: boolean;
}

const instanceId = (random: Random) => `i-0${random.hex(16)}`;

export const readCalls: RoutineCall[] = [
  { source: 'ec2.amazonaws.com', name: 'DescribeInstances', readOnly: true, request: () => ({ instancesSet: {}, filterSet: {} }) },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeSecurityGroups',
    readOnly: true,
    request: () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} }),
  },
  { source: 'ec2.amazonaws.com', name: 'DescribeVpcs', readOnly: true, request: () => ({ vpcSet: {}, filterSet: {} }) },
  {
    source: 'logs.amazonaws.com',
    name: 'DescribeLogGroups',
    readOnly: true,
    request: (random) => ({ logGroupNamePrefix: random.pick(['/aws/lambda/', '/ecs/api', '/aws/rds/']) }),
  },
  {
    source: 'logs.amazonaws.com',
    name: 'FilterLogEvents',
    readOnly: true,
    request: (random) => ({ logGroupName: random.pick(['/aws/lambda/orders-api', '/ecs/api-prod']), startTime: 1, filterPattern: 'ERROR' }),
  },
  { source: 'lambda.amazonaws.com', name: 'ListFunctions20150331', readOnly: true, request: () => null },
  {
    source: 'lambda.amazonaws.com',
    name: 'GetFunction20150331v2',
    readOnly: true,
    request: (random) => ({ functionName: random.pick(['orders-api', 'billing-sync', 'thumbnailer']) }),
  },
  {
    source: 'cloudformation.amazonaws.com',
    name: 'DescribeStacks',
    readOnly: true,
    request: (random) => ({ stackName: random.pick(['orders-prod', 'network-base', 'data-pipeline']) }),
  },
  { source: 'rds.amazonaws.com', name: 'DescribeDBInstances', readOnly: true, request: () => ({ maxRecords: 100 }) },
  { source: 'ecr.amazonaws.com', name: 'DescribeRepositories', readOnly: true, request: () => null },
  { source: 'kms.amazonaws.com', name: 'ListKeys', readOnly: true, request: () => null },
  {
    source: 'ssm.amazonaws.com',
    name: 'GetParameter',
    readOnly: true,
    request: (random) => ({ name: random.pick(['/orders/prod/db-host', '/orders/prod/feature-flags']), withDecryption: false }),
  },
  { source: 's3.amazonaws.com', name: 'ListBuckets', readOnly: true, request: () => ({ Host: 's3.amazonaws.com' }), global: true },
  { source: 'iam.amazonaws.com', name: 'GetUser', readOnly: true, request: () => null, global: true },
  { source: 'sts.amazonaws.com', name: 'GetCallerIdentity', readOnly: true, request: () => null, global: true },
];

export const writeCalls: RoutineCall[] = [
  {
    source: 'ec2.amazonaws.com',
    name: 'CreateTags',
    readOnly: false,
    request: (random) => ({
      resourcesSet: { items: [{ resourceId: instanceId(random) }] },
      tagSet: { items: [{ key: 'owner', value: 'platform' }] },
    }),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'StopInstances',
    readOnly: false,
    request: (random) => ({ instancesSet: { items: [{ instanceId: instanceId(random) }] }, force: false }),
  },
  {
    source: 'logs.amazonaws.com',
    name: 'CreateLogStream',
    readOnly: false,
    request: (random) => ({ logGroupName: '/ecs/api-prod', logStreamName: `api/${random.hex(32)}` }),
  },
  {
    source: 'ssm.amazonaws.com',
    name: 'PutParameter',
    readOnly: false,
    request: () => ({ name: '/orders/prod/feature-flags', type: 'String', overwrite: true }),
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'UpdateFunctionConfiguration20150331v2',
    readOnly: false,
    request: () => ({ functionName: 'billing-sync', timeout: 60 }),
  },
];

/** What a CI deployment does with its role session. */
export const deployCalls: RoutineCall[] = [
  { source: 'ecr.amazonaws.com', name: 'GetAuthorizationToken', readOnly: true, request: () => ({ registryIds: [] }) },
  {
    source: 'ecr.amazonaws.com',
    name: 'PutImage',
    readOnly: false,
    request: (random) => ({ repositoryName: 'orders-api', imageTag: `sha-${random.hex(7)}` }),
  },
  { source: 'cloudformation.amazonaws.com', name: 'DescribeStacks', readOnly: true, request: () => ({ stackName: 'orders-prod' }) },
  {
    source: 'cloudformation.amazonaws.com',
    name: 'CreateChangeSet',
    readOnly: false,
    request: (random) => ({ stackName: 'orders-prod', changeSetName: `deploy-${random.hex(8)}`, changeSetType: 'UPDATE' }),
  },
  { source: 'cloudformation.amazonaws.com', name: 'DescribeChangeSet', readOnly: true, request: () => ({ stackName: 'orders-prod' }) },
  { source: 'cloudformation.amazonaws.com', name: 'ExecuteChangeSet', readOnly: false, request: () => ({ stackName: 'orders-prod' }) },
  {
    source: 'lambda.amazonaws.com',
    name: 'UpdateFunctionCode20150331v2',
    readOnly: false,
    request: (random) => ({
      functionName: 'orders-api',
      publish: true,
      imageUri: `210987654321.dkr.ecr.eu-west-1.amazonaws.com/orders-api:sha-${random.hex(7)}`,
    }),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketLocation',
    readOnly: true,
    request: () => ({ bucketName: 'orders-artifacts-210987654321', location: '' }),
  },
];
