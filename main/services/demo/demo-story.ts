import { DEMO_ACCOUNT_ID, attacker, prodAdminRole, users } from './demo-identities';
import type { Random } from './demo-random';
import { buildEvent } from './demo-records';
import type { Actor, CallSpec, DemoEvent } from './demo-records';

const MIN = 60_000;
const account = DEMO_ACCOUNT_ID;
const user = users.jmorales;
const denied = (action: string, resource: string) => ({
  code: 'AccessDenied',
  message: `User: arn:aws:iam::${account}:user/${user.userName} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
});

/** The key's first minutes: an enumeration like Pacu's or CloudFox's, as [minute, region, source, name, request]. */
const keyRecon: ReadonlyArray<[number, string, string, string, unknown]> = [
  [20, 'us-east-1', 'sts.amazonaws.com', 'GetCallerIdentity', null],
  [20.3, 'us-east-1', 'iam.amazonaws.com', 'GetUser', null],
  [20.6, 'us-east-1', 'iam.amazonaws.com', 'ListAttachedUserPolicies', { userName: user.userName }],
  [20.9, 'us-east-1', 'iam.amazonaws.com', 'ListUsers', null],
  [21.2, 'us-east-1', 'iam.amazonaws.com', 'ListRoles', null],
  [21.5, 'us-east-1', 'iam.amazonaws.com', 'GetAccountAuthorizationDetails', { filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] }],
  [21.8, 'us-east-1', 'iam.amazonaws.com', 'GetAccountSummary', null],
  [22.1, 'us-east-1', 's3.amazonaws.com', 'ListBuckets', { Host: 's3.amazonaws.com' }],
  [22.4, 'eu-west-1', 'secretsmanager.amazonaws.com', 'ListSecrets', null],
  [22.7, 'us-east-1', 'ec2.amazonaws.com', 'DescribeRegions', { regionSet: {}, filterSet: {} }],
  [22.9, 'us-east-1', 'ec2.amazonaws.com', 'DescribeInstances', { instancesSet: {}, filterSet: {} }],
  [23.1, 'eu-west-1', 'ec2.amazonaws.com', 'DescribeInstances', { instancesSet: {}, filterSet: {} }],
  [23.3, 'us-west-2', 'ec2.amazonaws.com', 'DescribeInstances', { instancesSet: {}, filterSet: {} }],
  [23.5, 'eu-west-1', 'lambda.amazonaws.com', 'ListFunctions20150331', null],
  [23.7, 'us-east-1', 'cloudtrail.amazonaws.com', 'DescribeTrails', { trailNameList: [], includeShadowTrails: true }],
];

/**
 * The incident: jmorales signs in to the console without MFA from a Tor exit, is denied on
 * reconnaissance, creates an access key, attaches AdministratorAccess, enumerates the account
 * with the new key from Kali Linux (a reconnaissance burst), stops the trail, opens a security
 * group to the world, then works through an assumed role and a session token, the last calls
 * from a Tor exit in another country minutes later (impossible travel).
 */
export function storyEvents(random: Random, start: number): DemoEvent[] {
  const consoleActor: Actor = { type: 'IAMUser', user, accessKeyId: 'ASIATJ4CONSOLE8H2K5M', console: { mfa: false, since: start } };
  const keyActor: Actor = { type: 'IAMUser', user, accessKeyId: attacker.newAccessKeyId };
  const roleActor: Actor = {
    type: 'AssumedRole',
    roleName: prodAdminRole.roleName,
    roleId: prodAdminRole.roleId,
    sessionName: attacker.roleSessionName,
    accessKeyId: attacker.roleSessionKeyId,
    since: start + 31 * MIN,
  };
  const tokenActor: Actor = {
    type: 'IAMUser',
    user,
    accessKeyId: attacker.sessionTokenKeyId,
    console: { mfa: false, since: start + 52 * MIN },
  };
  const viaConsole = { actor: consoleActor, ip: attacker.ip, userAgent: attacker.consoleUserAgent };
  const viaKey = { actor: keyActor, ip: attacker.ip, userAgent: attacker.cliUserAgent };
  const viaRole = { actor: roleActor, ip: attacker.ip, userAgent: attacker.cliUserAgent };
  // The Tor circuit has changed: the session token's calls leave from an exit in another country.
  const viaToken = { actor: tokenActor, ip: attacker.laterIp, userAgent: attacker.cliUserAgent };
  const at = (minutes: number) => start + Math.round(minutes * MIN);
  const specs: CallSpec[] = [
    {
      ...viaConsole,
      time: at(0),
      region: 'us-east-1',
      source: 'signin.amazonaws.com',
      name: 'ConsoleLogin',
      actor: { type: 'IAMUser', user },
      readOnly: false,
      eventType: 'AwsConsoleSignIn',
      response: { ConsoleLogin: 'Success' },
      additional: {
        LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
        MobileVersion: 'No',
        MFAUsed: 'No',
      },
    },
    {
      ...viaConsole,
      time: at(2),
      region: 'us-east-1',
      source: 'iam.amazonaws.com',
      name: 'ListUsers',
      readOnly: true,
      request: null,
      error: denied('iam:ListUsers', `arn:aws:iam::${account}:user/`),
    },
    {
      ...viaConsole,
      time: at(2.5),
      region: 'us-east-1',
      source: 'iam.amazonaws.com',
      name: 'ListRoles',
      readOnly: true,
      request: null,
      error: denied('iam:ListRoles', `arn:aws:iam::${account}:role/`),
    },
    {
      ...viaConsole,
      time: at(3),
      region: 'us-east-1',
      source: 'iam.amazonaws.com',
      name: 'GetAccountAuthorizationDetails',
      readOnly: true,
      request: null,
      error: denied('iam:GetAccountAuthorizationDetails', '*'),
    },
    {
      ...viaConsole,
      time: at(4),
      region: 'eu-west-1',
      source: 'secretsmanager.amazonaws.com',
      name: 'ListSecrets',
      readOnly: true,
      request: null,
      error: denied('secretsmanager:ListSecrets', '*'),
    },
    {
      ...viaConsole,
      time: at(5),
      region: 'us-west-2',
      source: 'ec2.amazonaws.com',
      name: 'DescribeInstances',
      readOnly: true,
      request: { instancesSet: {}, filterSet: {} },
      error: {
        code: 'Client.UnauthorizedOperation',
        message:
          'You are not authorized to perform this operation. User: arn:aws:iam::' +
          account +
          ':user/jmorales is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action',
      },
    },
    {
      ...viaConsole,
      time: at(6),
      region: 'us-east-1',
      source: 'organizations.amazonaws.com',
      name: 'DescribeOrganization',
      readOnly: true,
      request: null,
      error: { code: 'AccessDeniedException', message: "You don't have permissions to access this resource." },
    },
    {
      ...viaConsole,
      time: at(7),
      region: 'us-east-1',
      source: 's3.amazonaws.com',
      name: 'ListBuckets',
      readOnly: true,
      request: { Host: 's3.amazonaws.com' },
    },
    {
      ...viaConsole,
      time: at(11),
      region: 'us-east-1',
      source: 'iam.amazonaws.com',
      name: 'CreateAccessKey',
      readOnly: false,
      request: { userName: user.userName },
      response: {
        accessKey: {
          userName: user.userName,
          accessKeyId: attacker.newAccessKeyId,
          status: 'Active',
          createDate: new Date(at(11)).toUTCString(),
        },
      },
    },
    {
      ...viaConsole,
      time: at(13),
      region: 'us-east-1',
      source: 'iam.amazonaws.com',
      name: 'AttachUserPolicy',
      readOnly: false,
      request: { userName: user.userName, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    },
    // With the new key, from Kali: what can it reach? Fifteen reads across seven services in four minutes.
    ...keyRecon.map(([minutes, region, source, name, request]) => ({ ...viaKey, time: at(minutes), region, source, name, readOnly: true, request })),
    {
      ...viaKey,
      time: at(24),
      region: 'us-east-1',
      source: 'cloudtrail.amazonaws.com',
      name: 'StopLogging',
      readOnly: false,
      request: { name: `arn:aws:cloudtrail:us-east-1:${account}:trail/management-events` },
      resources: [
        { ARN: `arn:aws:cloudtrail:us-east-1:${account}:trail/management-events`, accountId: account, type: 'AWS::CloudTrail::Trail' },
      ],
    },
    {
      ...viaKey,
      time: at(27),
      region: 'eu-west-1',
      source: 'ec2.amazonaws.com',
      name: 'AuthorizeSecurityGroupIngress',
      readOnly: false,
      request: {
        groupId: 'sg-0a7c3e19d2b4f6a81',
        ipPermissions: {
          items: [
            {
              ipProtocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              groups: {},
              ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
              ipv6Ranges: {},
              prefixListIds: {},
            },
          ],
        },
      },
      response: {
        requestId: random.uuid(),
        _return: true,
        securityGroupRuleSet: {
          items: [
            {
              groupOwnerId: account,
              groupId: 'sg-0a7c3e19d2b4f6a81',
              securityGroupRuleId: 'sgr-04d1c2e8b7a9f3d6e',
              isEgress: false,
              ipProtocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              cidrIpv4: '0.0.0.0/0',
            },
          ],
        },
      },
    },
    {
      ...viaKey,
      time: at(31),
      region: 'us-east-1',
      source: 'sts.amazonaws.com',
      name: 'AssumeRole',
      readOnly: true,
      request: { roleArn: `arn:aws:iam::${account}:role/${prodAdminRole.roleName}`, roleSessionName: attacker.roleSessionName },
      response: {
        credentials: {
          accessKeyId: attacker.roleSessionKeyId,
          sessionToken: 'IQoJb3JpZ2luX2VjEAAaCXVzLWVhc3QtMSJHMEUCIQ',
          expiration: new Date(at(91)).toUTCString(),
        },
        assumedRoleUser: {
          assumedRoleId: `${prodAdminRole.roleId}:${attacker.roleSessionName}`,
          arn: `arn:aws:sts::${account}:assumed-role/${prodAdminRole.roleName}/${attacker.roleSessionName}`,
        },
      },
    },
    {
      ...viaRole,
      time: at(33),
      region: 'us-west-2',
      source: 'ec2.amazonaws.com',
      name: 'DescribeInstances',
      readOnly: true,
      request: { instancesSet: {}, filterSet: {} },
    },
    {
      ...viaRole,
      time: at(34),
      region: 'eu-west-1',
      source: 'secretsmanager.amazonaws.com',
      name: 'ListSecrets',
      readOnly: true,
      request: null,
    },
    {
      ...viaRole,
      time: at(35),
      region: 'eu-west-1',
      source: 'secretsmanager.amazonaws.com',
      name: 'GetSecretValue',
      readOnly: true,
      request: { secretId: 'prod/orders/db-password' },
    },
    {
      ...viaRole,
      time: at(35.5),
      region: 'eu-west-1',
      source: 'secretsmanager.amazonaws.com',
      name: 'GetSecretValue',
      readOnly: true,
      request: { secretId: 'prod/payments/stripe-key' },
    },
    {
      ...viaRole,
      time: at(38),
      region: 'us-east-1',
      source: 'iam.amazonaws.com',
      name: 'CreateUser',
      readOnly: false,
      request: { userName: 'support-backup' },
      response: {
        user: {
          userName: 'support-backup',
          userId: 'AIDATSUPPORTBACKUP4Q',
          arn: `arn:aws:iam::${account}:user/support-backup`,
          createDate: new Date(at(38)).toUTCString(),
          path: '/',
        },
      },
    },
    {
      ...viaRole,
      time: at(40),
      region: 'us-west-2',
      source: 'ec2.amazonaws.com',
      name: 'RunInstances',
      readOnly: false,
      request: { instancesSet: { items: [{ imageId: 'ami-0c55b159cbfafe1f0', minCount: 4, maxCount: 4 }] }, instanceType: 'c5.4xlarge' },
      error: {
        code: 'Client.VcpuLimitExceeded',
        message:
          'You have requested more vCPU capacity than your current vCPU limit of 16 allows for the instance bucket that the specified instance type belongs to.',
      },
    },
    {
      ...viaKey,
      time: at(52),
      region: 'us-east-1',
      source: 'sts.amazonaws.com',
      name: 'GetSessionToken',
      readOnly: true,
      request: { durationSeconds: 43200 },
      response: {
        credentials: {
          accessKeyId: attacker.sessionTokenKeyId,
          sessionToken: 'IQoJb3JpZ2luX2VjEAAaCXVzLWVhc3QtMSJIMEYCIQ',
          expiration: new Date(at(52 + 720)).toUTCString(),
        },
      },
    },
    {
      ...viaToken,
      time: at(55),
      region: 'eu-west-1',
      source: 'rds.amazonaws.com',
      name: 'DescribeDBInstances',
      readOnly: true,
      request: { maxRecords: 100 },
    },
    {
      ...viaToken,
      time: at(56),
      region: 'eu-west-1',
      source: 'rds.amazonaws.com',
      name: 'DescribeDBSnapshots',
      readOnly: true,
      request: { includeShared: false, includePublic: false },
    },
    {
      ...viaToken,
      time: at(58),
      region: 'us-east-1',
      source: 's3.amazonaws.com',
      name: 'ListBuckets',
      readOnly: true,
      request: { Host: 's3.amazonaws.com' },
    },
  ];
  return specs.map((spec) => buildEvent(random, spec));
}
