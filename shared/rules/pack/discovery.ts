import type { Condition } from '../condition';
import type { RiskRule } from '../rule';
import { notByAwsService, succeeded } from './helpers';

/** Read calls that map an account: refused, they suggest a stolen credential testing its reach. */
export const reconNames = [
  'GetCallerIdentity', 'GetAccountAuthorizationDetails', 'ListUsers', 'ListRoles', 'ListGroups', 'ListPolicies',
  'ListAttachedUserPolicies', 'ListAttachedRolePolicies', 'ListUserPolicies', 'GetUser', 'ListAccessKeys',
  'ListBuckets', 'DescribeInstances', 'DescribeSecurityGroups', 'ListSecrets', 'DescribeDBInstances',
  'ListFunctions', 'ListFunctions20150331', 'DescribeTrails', 'GetAccountSummary', 'ListAccountAliases', 'DescribeRegions', 'DescribeOrganization',
  'ListAccounts', 'ListDetectors', 'GetBucketAcl', 'GetBucketPolicy', 'DescribeSnapshots', 'DescribeVpcs', 'GetAccountPasswordPolicy',
];

/** Broad inventory reads: routine for tools and people alike, so they stay informational. */
const inventoryNames = [
  'ListUsers', 'ListRoles', 'ListGroups', 'ListPolicies', 'GetAccountSummary', 'ListAccountAliases', 'ListBuckets',
  'DescribeInstances', 'DescribeRegions', 'ListSecrets', 'DescribeSnapshots', 'DescribeDBInstances', 'ListFunctions20150331',
  'DescribeTrails', 'ListDetectors', 'DescribeOrganization', 'ListAccounts', 'DescribeSecurityGroups', 'DescribeVpcs',
  'DescribeSubnets', 'DescribeSecurityGroupRules', 'DescribeInstanceInformation', 'DescribeHub', 'DescribeStandards', 'ListFirewalls',
  'ListFirewallPolicies', 'ListRuleGroups', 'ListDocuments', 'DescribeParameters',
  'GetGroup', 'GetGroupPolicy', 'ListAttachedGroupPolicies', 'ListGroupPolicies', 'ListGroupsForUser',
];

/** Not the console's own page loads (the console lists buckets and instances on every visit). */
const notConsole: Condition = {
  not: {
    any: [
      { field: 'sessionCredentialFromConsole', exists: true },
      { field: 'userAgent', includes: 'console.amazonaws.com' },
      { field: 'userAgent', startsWith: '[S3Console' },
      { field: 'sourceIPAddress', equals: 'AWS Internal' },
    ],
  },
};

/** Discovery: the reads an intruder makes first. Per event they stay informational or low. */
export const discoveryRules: readonly RiskRule[] = [
  {
    id: 'TC-RECON-002',
    title: 'Account-wide IAM enumeration',
    severity: 'medium',
    category: 'reconnaissance',
    when: { all: [{ field: 'eventName', oneOf: ['GetAccountAuthorizationDetails', 'ListAccessKeys'] }, { field: 'eventSource', equals: 'iam.amazonaws.com' }, succeeded, notByAwsService] },
    reason: '{eventName} read the account\'s identities, keys or policies in one sweep.',
    nextStep: 'Confirm the caller had a reason to inventory IAM.',
    attack: ['T1087.004'],
    references: [
      { source: 'Elastic', name: 'AWS Discovery API Calls via CLI from a Single Resource' },
      { source: 'TrailDiscover', name: 'GetAccountAuthorizationDetails' },
    ],
  },
  {
    id: 'TC-RECON-003',
    title: 'Password policy read or changed',
    severity: 'low',
    category: 'reconnaissance',
    when: {
      all: [
        { field: 'eventName', oneOf: ['GetAccountPasswordPolicy', 'UpdateAccountPasswordPolicy', 'PutAccountPasswordPolicy'] },
        { field: 'eventSource', equals: 'iam.amazonaws.com' },
        { not: { field: 'eventType', equals: 'AwsServiceEvent' } },
        notByAwsService,
      ],
    },
    reason: '{eventName}: the rules for passwords in this account were looked at or set, a step before guessing them.',
    nextStep: 'Check whether the caller manages IAM.',
    attack: ['T1201'],
    references: [{ source: 'Panther', name: 'AWS CloudTrail Password Policy Discovery' }],
  },
  {
    id: 'TC-RECON-004',
    title: 'Account contact details read or changed',
    severity: 'low',
    category: 'reconnaissance',
    when: {
      all: [
        { field: 'eventName', oneOf: ['GetAlternateContact', 'GetContactInformation', 'PutAlternateContact', 'PutContactInformation', 'DescribeAccount'] },
        notByAwsService,
      ],
    },
    reason: '{eventName} on {eventSource}: who AWS would warn about this account was read or changed.',
    nextStep: 'If contacts changed, make sure AWS notices still reach the security team.',
    attack: ['T1087.004'],
    references: [{ source: 'Panther', name: 'AWS CloudTrail Account Discovery' }],
  },
  {
    id: 'TC-RECON-005',
    title: 'Email sending limits or identities checked',
    severity: 'low',
    category: 'reconnaissance',
    when: {
      all: [
        { any: [{ field: 'eventSource', equals: 'ses.amazonaws.com' }, { field: 'eventSource', equals: 'email.amazonaws.com' }] },
        { field: 'eventName', oneOf: ['GetSendQuota', 'GetAccountSendingEnabled', 'ListIdentities', 'GetIdentityVerificationAttributes', 'ListEmailIdentities', 'GetAccount', 'GetSendStatistics'] },
        notByAwsService,
      ],
    },
    reason: '{eventName}: checking how much mail this account may send and from which addresses, the first step of using it for spam or phishing.',
    nextStep: 'Confirm the caller works with SES; watch for SendEmail or quota increases.',
    attack: ['T1526', 'T1496'],
    references: [
      { source: 'Panther', name: 'AWS CloudTrail SES Check Send Quota' },
      { source: 'Stratus Red Team', name: 'Enumerate SES' },
      { source: 'TrailDiscover', name: 'GetSendQuota' },
    ],
  },
  {
    id: 'TC-RECON-006',
    title: 'Inventory of the account listed',
    severity: 'info',
    category: 'reconnaissance',
    when: {
      all: [
        { field: 'eventName', oneOf: inventoryNames },
        succeeded,
        notByAwsService,
        notConsole,
        // A read narrowed by filters (EC2's filterSet, e.g. one VPC's security groups) looks something up; it does not take inventory.
        { not: { field: 'requestParameters.filterSet.items', exists: true } },
      ],
    },
    reason: '{eventName} on {eventSource} from {sourceIPAddress}: a broad read outside the console (a burst of these is reported as a finding).',
    nextStep: '',
    attack: ['T1580', 'T1087.004'],
    references: [
      { source: 'SigmaHQ', name: 'Potential Bucket Enumeration on AWS' },
      { source: 'Panther', name: 'AWS IAM Group Read Only Events' },
      { source: 'Stratus Red Team', name: 'Execute Discovery Commands on an EC2 Instance' },
      { source: 'TrailDiscover', name: 'ListBuckets' },
      { source: 'Panther', name: 'AWS Software Discovery' },
    ],
  },
  {
    id: 'TC-RECON-007',
    title: 'Instance user data read',
    severity: 'medium',
    category: 'secret-access',
    when: {
      all: [
        { field: 'eventSource', equals: 'ec2.amazonaws.com' },
        { field: 'eventName', equals: 'DescribeInstanceAttribute' },
        { field: 'requestParameters.attribute', equals: 'userData' },
        notByAwsService,
      ],
    },
    reason: 'DescribeInstanceAttribute read the user data of {requestParameters.instanceId}: start-up scripts often hold passwords and keys.',
    nextStep: 'Check the instance\'s user data for secrets and rotate any found.',
    attack: ['T1552.005', 'T1580'],
    references: [
      { source: 'SigmaHQ', name: 'AWS EC2 Download Userdata' },
      { source: 'Stratus Red Team', name: 'Download EC2 Instance User Data' },
      { source: 'TrailDiscover', name: 'DescribeInstanceAttribute' },
    ],
  },
];
