import type { RiskRule } from '../rule';
import { denied, succeeded } from './helpers';

const reconNames = [
  'GetCallerIdentity', 'GetAccountAuthorizationDetails', 'ListUsers', 'ListRoles', 'ListGroups', 'ListPolicies',
  'ListAttachedUserPolicies', 'ListAttachedRolePolicies', 'ListUserPolicies', 'GetUser', 'ListAccessKeys',
  'ListBuckets', 'DescribeInstances', 'DescribeSecurityGroups', 'ListSecrets', 'DescribeDBInstances',
  'ListFunctions', 'DescribeTrails', 'GetAccountSummary', 'ListAccountAliases', 'DescribeRegions', 'DescribeOrganization',
  'ListAccounts', 'ListDetectors', 'GetBucketAcl', 'GetBucketPolicy',
];

/** Console sign-in, refusals and reconnaissance, and use of the root user. */
export const accessRules: readonly RiskRule[] = [
  {
    id: 'TC-LOGIN-001',
    title: 'Console sign-in failed',
    severity: 'medium',
    category: 'console-login',
    when: {
      all: [
        { field: 'eventName', equals: 'ConsoleLogin' },
        { any: [{ field: 'responseElements.ConsoleLogin', equals: 'Failure' }, { field: 'errorMessage', exists: true }] },
      ],
    },
    reason: 'ConsoleLogin failed from {sourceIPAddress}: {errorMessage}.',
    nextStep: 'Look for repeated failures from the same address and for a later success.',
    references: [
      { source: 'Panther', name: 'Failed Console Login' },
      { source: 'SigmaHQ', name: 'AWS ConsoleLogin Failed Authentication' },
      { source: 'Elastic', name: 'AWS Management Console Brute Force of Root User Identity' },
    ],
  },
  {
    id: 'TC-LOGIN-002',
    title: 'Console sign-in without MFA',
    severity: 'high',
    category: 'console-login',
    when: {
      all: [
        { field: 'eventName', equals: 'ConsoleLogin' },
        { field: 'responseElements.ConsoleLogin', equals: 'Success' },
        { field: 'additionalEventData.MFAUsed', equals: 'No' },
        { field: 'userIdentity.type', oneOf: ['IAMUser', 'Root'] },
      ],
    },
    reason: '{userIdentity.type} {userIdentity.userName} signed in to the console from {sourceIPAddress} with MFAUsed = No.',
    nextStep: 'Confirm the sign-in with the user; require MFA for console access.',
    references: [
      { source: 'Panther', name: 'Console Login Without MFA' },
      { source: 'SigmaHQ', name: 'AWS Console Login Without MFA' },
      { source: 'Elastic', name: 'AWS Root Login Without MFA' },
    ],
  },
  {
    id: 'TC-DENY-001',
    title: 'Access denied',
    severity: 'low',
    category: 'access-denied',
    when: { all: [denied, { not: { field: 'eventName', oneOf: reconNames } }] },
    reason: '{eventName} was refused with {errorCode}: the caller tried something it may not do.',
    nextStep: 'Check whether the refusals cluster in time or target sensitive services.',
    references: [
      { source: 'Panther', name: 'Unauthorized API Call' },
      { source: 'Elastic', name: 'AWS IAM Brute Force of Assume Role Policy' },
    ],
  },
  {
    id: 'TC-RECON-001',
    title: 'Reconnaissance call refused',
    severity: 'medium',
    category: 'reconnaissance',
    when: { all: [denied, { field: 'eventName', oneOf: reconNames }] },
    reason: '{eventName} was refused with {errorCode}: typical of someone mapping what a stolen credential can reach.',
    nextStep: 'Treat the credential as possibly compromised if the calls do not match the owner\'s work.',
    references: [
      { source: 'Elastic', name: 'AWS Discovery API Calls via CLI from a Single Resource' },
      { source: 'SigmaHQ', name: 'AWS Enumeration Activity' },
      { source: 'Panther', name: 'Unauthorized API Call' },
    ],
  },
  {
    id: 'TC-RECON-002',
    title: 'Account-wide IAM enumeration',
    severity: 'medium',
    category: 'reconnaissance',
    when: { all: [{ field: 'eventName', oneOf: ['GetAccountAuthorizationDetails', 'ListAccessKeys'] }, succeeded] },
    reason: '{eventName} read the account\'s identities and policies in one sweep.',
    nextStep: 'Confirm the caller had a reason to inventory IAM.',
    references: [{ source: 'Elastic', name: 'AWS IAM Enumeration of Account Authorization Details' }],
  },
  {
    id: 'TC-ROOT-001',
    title: 'Root user activity',
    severity: 'high',
    category: 'root-use',
    when: {
      all: [
        { field: 'userIdentity.type', equals: 'Root' },
        { field: 'userIdentity.invokedBy', exists: false },
        { not: { field: 'eventType', equals: 'AwsServiceEvent' } },
      ],
    },
    reason: 'The root user called {eventName} from {sourceIPAddress}: root should almost never be used.',
    nextStep: 'Confirm with the account owner; rotate the root password and check its MFA.',
    references: [
      { source: 'SigmaHQ', name: 'AWS Root Credentials' },
      { source: 'Panther', name: 'Root Activity' },
      { source: 'Elastic', name: 'AWS Root Login Without MFA' },
    ],
  },
];
