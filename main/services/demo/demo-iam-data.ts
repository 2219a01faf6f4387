import { DEMO_ACCOUNT_ID, attacker, ciRole, prodAdminRole, users } from './demo-identities';

const DAY = 86_400_000;
const MIN = 60_000;
const account = DEMO_ACCOUNT_ID;
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

export interface DemoIamUser {
  name: string;
  id: string;
  createDate: number;
  groups: string[];
  attached: string[];
  inline: Record<string, unknown>;
  keys: { accessKeyId: string; status: 'Active' | 'Inactive'; createDate: number; lastUsed?: { date: number; serviceName: string; region: string } }[];
  mfa: boolean;
  console?: { createDate: number; lastUsed?: number };
  tags: { key: string; value: string }[];
}

export interface DemoIamState {
  users: DemoIamUser[];
  roles: { name: string; id: string; createDate: number; attached: string[]; inline: Record<string, unknown>; trust: unknown; lastUsed: number }[];
  groups: { name: string; id: string; attached: string[]; inline: Record<string, unknown> }[];
  policies: Record<string, unknown>;
  /** Services last accessed by user name: [namespace, service name, last time or null, region]. */
  lastAccessed: Record<string, [string, string, number | null, string | null][]>;
  rootPasswordLastUsed: number;
}

export const managedArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;
export const customerArn = (name: string) => `arn:aws:iam::${account}:policy/${name}`;

/**
 * The demo account's IAM, matching its story (DemoAccount ends at `end`; the story starts 30 hours
 * before it): jmorales is a developer whose console sign-in without MFA led to a new key
 * (AKIATJ4MORALESNEW5Z8) and AdministratorAccess attached; support-backup was created by the
 * attacker; old-contractor has not been used for months.
 */
export function demoIamState(end: number): DemoIamState {
  const story = end - 30 * 3600_000 + 13 * MIN;
  const ago = (days: number) => end - days * DAY;
  const developerAccess = doc(
    { Sid: 'ReadMost', Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*', 'logs:Get*', 'cloudwatch:Get*'], Resource: '*' },
    { Sid: 'DeployLambdas', Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:UpdateFunctionCode', 'lambda:InvokeFunction'], Resource: `arn:aws:lambda:*:${account}:function:dev-*` },
    { Sid: 'PassDevRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${account}:role/dev-*` },
  );
  return {
    users: [
      {
        name: users.jmorales.userName,
        id: users.jmorales.principalId,
        createDate: ago(412),
        groups: ['developers', 'console-users'],
        attached: [managedArn('AdministratorAccess')],
        inline: {},
        keys: [
          { accessKeyId: users.jmorales.accessKeyId, status: 'Active', createDate: ago(398), lastUsed: { date: ago(2) + 5 * 3600_000, serviceName: 's3', region: 'us-east-1' } },
          { accessKeyId: attacker.newAccessKeyId, status: 'Active', createDate: story + 11 * MIN, lastUsed: { date: story + 27 * MIN, serviceName: 'ec2', region: 'eu-west-1' } },
        ],
        mfa: false,
        console: { createDate: ago(412), lastUsed: story + 52 * MIN },
        tags: [{ key: 'team', value: 'payments' }, { key: 'manager', value: 'priya.shah' }],
      },
      {
        name: users.priya.userName,
        id: users.priya.principalId,
        createDate: ago(700),
        groups: ['developers', 'console-users'],
        attached: [],
        inline: {},
        keys: [{ accessKeyId: users.priya.accessKeyId, status: 'Active', createDate: ago(120), lastUsed: { date: ago(0.2), serviceName: 'dynamodb', region: 'eu-west-1' } }],
        mfa: true,
        console: { createDate: ago(700), lastUsed: ago(0.5) },
        tags: [{ key: 'team', value: 'payments' }],
      },
      {
        name: users.dkim.userName,
        id: users.dkim.principalId,
        createDate: ago(950),
        groups: ['ops'],
        attached: [],
        inline: {},
        keys: [{ accessKeyId: users.dkim.accessKeyId, status: 'Active', createDate: ago(60), lastUsed: { date: ago(0.3), serviceName: 'ec2', region: 'us-west-2' } }],
        mfa: true,
        console: { createDate: ago(950), lastUsed: ago(1) },
        tags: [{ key: 'team', value: 'platform' }],
      },
      {
        name: users.ci.userName,
        id: users.ci.principalId,
        createDate: ago(800),
        groups: [],
        attached: [customerArn('CiDeploy')],
        inline: {},
        keys: [{ accessKeyId: users.ci.accessKeyId, status: 'Active', createDate: ago(300), lastUsed: { date: ago(0.1), serviceName: 'sts', region: 'eu-west-1' } }],
        mfa: false,
        tags: [{ key: 'purpose', value: 'ci' }],
      },
      { name: 'support-backup', id: 'AIDATSUPPORTBACKUP4Q', createDate: story + 38 * MIN, groups: [], attached: [], inline: {}, keys: [], mfa: false, tags: [] },
      {
        name: 'old-contractor',
        id: 'AIDATOLDCONTRACTR2M9',
        createDate: ago(640),
        groups: ['developers'],
        attached: [],
        inline: {},
        keys: [{ accessKeyId: 'AKIATOLDCONTRACTR5K7', status: 'Active', createDate: ago(600), lastUsed: { date: ago(211), serviceName: 's3', region: 'us-east-1' } }],
        mfa: false,
        console: { createDate: ago(640), lastUsed: ago(187) },
        tags: [],
      },
    ],
    roles: [
      { name: prodAdminRole.roleName, id: prodAdminRole.roleId, createDate: ago(900), attached: [managedArn('AdministratorAccess')], inline: {}, trust: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }), lastUsed: story + 31 * MIN },
      { name: ciRole.roleName, id: ciRole.roleId, createDate: ago(800), attached: [customerArn('CiDeploy')], inline: {}, trust: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:user/ci-deployer` }, Action: 'sts:AssumeRole' }), lastUsed: ago(0.1) },
    ],
    groups: [
      { name: 'developers', id: 'AGPATDEVELOPERS7K2M4', attached: [customerArn('DeveloperAccess')], inline: {} },
      { name: 'console-users', id: 'AGPATCONSOLEUSERS3P8', attached: [managedArn('IAMUserChangePassword')], inline: { 'self-service-mfa': doc({ Sid: 'OwnMfa', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices'], Resource: `arn:aws:iam::${account}:user/\${aws:username}` }) } },
      { name: 'ops', id: 'AGPATOPSGROUP5N2V8XQ', attached: [managedArn('PowerUserAccess')], inline: {} },
    ],
    policies: {
      [managedArn('AdministratorAccess')]: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      [managedArn('PowerUserAccess')]: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }, { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'], Resource: '*' }),
      [managedArn('IAMUserChangePassword')]: doc({ Effect: 'Allow', Action: ['iam:ChangePassword'], Resource: [`arn:aws:iam::*:user/\${aws:username}`] }, { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' }),
      [managedArn('AWSDenyAll')]: doc({ Effect: 'Deny', Action: '*', Resource: '*' }),
      [customerArn('DeveloperAccess')]: developerAccess,
      [customerArn('CiDeploy')]: doc({ Sid: 'Deploy', Effect: 'Allow', Action: ['cloudformation:*', 's3:PutObject', 's3:GetObject', 'iam:PassRole'], Resource: '*' }),
    },
    lastAccessed: {
      jmorales: [
        ['ec2', 'Amazon EC2', story + 40 * MIN, 'us-west-2'],
        ['cloudtrail', 'AWS CloudTrail', story + 24 * MIN, 'us-east-1'],
        ['iam', 'AWS Identity and Access Management', story + 21 * MIN, 'us-east-1'],
        ['s3', 'Amazon S3', story + 10 * MIN, 'us-east-1'],
        ['sts', 'AWS Security Token Service', story + 31 * MIN, 'us-east-1'],
        ['lambda', 'AWS Lambda', ago(9), 'us-east-1'],
        ['logs', 'Amazon CloudWatch Logs', ago(3), 'us-east-1'],
        ['dynamodb', 'Amazon DynamoDB', null, null],
        ['secretsmanager', 'AWS Secrets Manager', null, null],
        ['kms', 'AWS Key Management Service', null, null],
      ],
    },
    rootPasswordLastUsed: ago(4) + 2 * 3600_000,
  };
}
