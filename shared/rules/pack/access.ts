import type { Condition } from '../condition';
import type { RiskRule } from '../rule';
import { denied, notByAwsService, succeeded } from './helpers';
import { reconNames } from './discovery';

const signin = 'signin.amazonaws.com';

/**
 * A refused read that maps the account: a known inventory call, or any List, Describe or Get
 * on the services an intruder maps first. Console page loads (user agent `aws-internal/…`)
 * are left out: a console page mixes items the user may and may not see.
 */
const reconRefused: Condition = {
  all: [
    denied,
    {
      any: [
        { field: 'eventName', oneOf: reconNames },
        {
          all: [
            { field: 'eventSource', oneOf: ['iam.amazonaws.com', 'ec2.amazonaws.com', 's3.amazonaws.com', 'rds.amazonaws.com', 'dynamodb.amazonaws.com', 'secretsmanager.amazonaws.com', 'lambda.amazonaws.com', 'sts.amazonaws.com'] },
            { field: 'eventName', matches: '^(?:List|Describe|Get)' },
          ],
        },
      ],
    },
    { not: { field: 'userAgent', startsWith: 'aws-internal/' } },
  ],
};

/** A console sign-in that used no second factor, for identities outside SSO and SAML federation. */
const consoleWithoutMfa: Condition = {
  all: [
    { field: 'eventName', equals: 'ConsoleLogin' },
    { field: 'responseElements.ConsoleLogin', equals: 'Success' },
    { field: 'additionalEventData.MFAUsed', equals: 'No' },
  ],
};

/** Console sign-in, refusals, use of the root user, and calls made by attack tools. */
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
    attack: ['T1110'],
    references: [
      { source: 'SigmaHQ', name: 'AWS ConsoleLogin Failed Authentication' },
      { source: 'Elastic', name: 'AWS Management Console Brute Force of Root User Identity' },
      { source: 'Panther', name: 'AWS Unsuccessful MFA attempt' },
      { source: 'TrailDiscover', name: 'ConsoleLogin' },
      { source: 'Panther', name: 'Failed Root Console Login' },
      { source: 'Splunk', name: 'AWS Console Login Failed During MFA Challenge' },
    ],
  },
  {
    id: 'TC-LOGIN-002',
    title: 'Console sign-in without MFA',
    severity: 'high',
    category: 'console-login',
    when: { all: [consoleWithoutMfa, { field: 'userIdentity.type', oneOf: ['IAMUser', 'Root'] }] },
    reason: '{userIdentity.type} {userIdentity.userName} signed in to the console from {sourceIPAddress} with MFAUsed = No.',
    nextStep: 'Confirm the sign-in with the user; require MFA for console access.',
    attack: ['T1078.004'],
    references: [
      { source: 'Panther', name: 'Logins Without MFA' },
      { source: 'SigmaHQ', name: 'AWS Console Login Without MFA Monitoring' },
      { source: 'Elastic', name: 'AWS Root Login Without MFA' },
      { source: 'Stratus Red Team', name: 'Console Login without MFA' },
    ],
  },
  {
    id: 'TC-LOGIN-008',
    title: 'Console session without MFA outside SSO',
    severity: 'medium',
    category: 'console-login',
    when: {
      all: [
        consoleWithoutMfa,
        { not: { field: 'userIdentity.type', oneOf: ['IAMUser', 'Root'] } },
        { not: { field: 'userIdentity.arn', includes: ':assumed-role/AWSReservedSSO_' } },
        { field: 'additionalEventData.SamlProviderArn', exists: false },
        { not: { field: 'userIdentity.sessionContext.attributes.mfaAuthenticated', equals: 'true' } },
      ],
    },
    reason: '{userIdentity.arn} opened a console session from {sourceIPAddress} with no MFA and no SSO or SAML provider behind it.',
    nextStep: 'Find how the session was made (GetSigninToken, GetFederationToken) and by whom.',
    attack: ['T1078.004', 'T1550.001'],
    references: [
      { source: 'Panther', name: 'Logins Without MFA' },
      { source: 'SigmaHQ', name: 'AWS Console Login Without MFA Monitoring' },
    ],
  },
  {
    id: 'TC-LOGIN-009',
    title: 'Console sign-in',
    severity: 'info',
    category: 'console-login',
    when: {
      all: [
        { field: 'eventName', equals: 'ConsoleLogin' },
        { field: 'responseElements.ConsoleLogin', equals: 'Success' },
        { not: { field: 'additionalEventData.MFAUsed', equals: 'No' } },
      ],
    },
    reason: '{userIdentity.arn|userIdentity.userName} signed in to the console from {sourceIPAddress} (MFA used: {additionalEventData.MFAUsed}).',
    nextStep: '',
    attack: ['T1078.004'],
    references: [
      { source: 'Panther', name: 'AWS Console Login' },
      { source: 'TrailDiscover', name: 'ConsoleLogin' },
    ],
  },
  {
    id: 'TC-LOGIN-003',
    title: 'MFA check failed',
    severity: 'medium',
    category: 'console-login',
    when: {
      all: [
        { field: 'eventSource', equals: signin },
        { field: 'eventName', equals: 'CheckMfa' },
        { any: [{ field: 'responseElements.CheckMfa', equals: 'Failure' }, { field: 'errorMessage', exists: true }, { field: 'errorCode', exists: true }] },
      ],
    },
    reason: 'CheckMfa failed for {userIdentity.userName|userIdentity.arn} from {sourceIPAddress}: someone had the password but not the second factor.',
    nextStep: 'Ask the user; if it was not them, change the password now.',
    attack: ['T1110', 'T1621'],
    references: [
      { source: 'TrailDiscover', name: 'CheckMfa' },
    ],
  },
  {
    id: 'TC-LOGIN-004',
    title: 'Password recovery requested',
    severity: 'medium',
    category: 'console-login',
    when: { all: [{ field: 'eventSource', equals: signin }, { field: 'eventName', equals: 'PasswordRecoveryRequested' }] },
    reason: 'PasswordRecoveryRequested for {userIdentity.arn|userIdentity.userName} from {sourceIPAddress}: someone asked to reset the password.',
    nextStep: 'Confirm with the account owner that they asked for it.',
    attack: ['T1098'],
    references: [
      { source: 'Elastic', name: 'AWS IAM Password Recovery Requested' },
      { source: 'TrailDiscover', name: 'PasswordRecoveryRequested' },
    ],
  },
  {
    id: 'TC-LOGIN-005',
    title: 'Console sign-in by a federated user',
    severity: 'medium',
    category: 'console-login',
    when: {
      all: [
        { field: 'eventName', equals: 'ConsoleLogin' },
        { field: 'responseElements.ConsoleLogin', equals: 'Success' },
        { field: 'userIdentity.type', equals: 'FederatedUser' },
      ],
    },
    reason: 'Federated user {userIdentity.arn} signed in to the console from {sourceIPAddress}: typically a session made with GetFederationToken, which outlives the key that made it.',
    nextStep: 'Find the GetFederationToken call behind the session and who made it.',
    attack: ['T1550.001', 'T1078.004'],
    references: [{ source: 'TrailDiscover', name: 'ConsoleLogin' }],
  },
  {
    id: 'TC-LOGIN-006',
    title: 'Role switched in the console',
    severity: 'info',
    category: 'console-login',
    when: { all: [{ field: 'eventSource', equals: signin }, { field: 'eventName', equals: 'SwitchRole' }, succeeded] },
    reason: 'SwitchRole from {sourceIPAddress}: the console session now acts as {userIdentity.arn}.',
    nextStep: '',
    attack: ['T1078.004'],
    references: [{ source: 'TrailDiscover', name: 'SwitchRole' }],
  },
  {
    id: 'TC-LOGIN-007',
    title: 'Role assumed through SAML or web identity federation',
    severity: 'info',
    category: 'console-login',
    when: { all: [{ field: 'eventSource', equals: 'sts.amazonaws.com' }, { field: 'eventName', oneOf: ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'] }, succeeded] },
    reason: '{eventName} gave {requestParameters.roleArn} to {userIdentity.userName|userIdentity.principalId} from provider {requestParameters.principalArn|userIdentity.identityProvider}.',
    nextStep: '',
    attack: ['T1078.004', 'T1550.001'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Suspicious SAML Activity' },
      { source: 'TrailDiscover', name: 'AssumeRoleWithSAML' },
    ],
  },
  {
    id: 'TC-DENY-001',
    title: 'Access denied',
    severity: 'low',
    category: 'access-denied',
    when: { all: [denied, { not: reconRefused }, notByAwsService] },
    reason: '{eventName} was refused with {errorCode}: the caller tried something it may not do.',
    nextStep: 'Check whether the refusals cluster in time or target sensitive services.',
    attack: ['T1526'],
    references: [
      { source: 'Panther', name: 'Monitor Unauthorized API Calls' },
      { source: 'Elastic', name: 'AWS IAM Brute Force of Assume Role Policy' },
    ],
  },
  {
    id: 'TC-RECON-001',
    title: 'Reconnaissance call refused',
    severity: 'medium',
    category: 'reconnaissance',
    when: { all: [reconRefused, notByAwsService] },
    reason: '{eventName} was refused with {errorCode}: typical of someone mapping what a stolen credential can reach.',
    nextStep: 'Treat the credential as possibly compromised if the calls do not match the owner\'s work.',
    attack: ['T1087.004', 'T1580'],
    references: [
      { source: 'Elastic', name: 'AWS Discovery API Calls via CLI from a Single Resource' },
      { source: 'Panther', name: 'Monitor Unauthorized API Calls' },
      { source: 'Stratus Red Team', name: 'Execute Discovery Commands on an EC2 Instance' },
      { source: 'Panther', name: 'Detect Reconnaissance from IAM Users' },
      { source: 'Splunk', name: 'AWS IAM AccessDenied Discovery Events' },
    ],
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
        { not: { field: 'responseElements.ConsoleLogin', equals: 'Failure' } },
        { not: { field: 'eventName', equals: 'CreateServiceLinkedRole' } },
        succeeded,
      ],
    },
    reason: 'The root user called {eventName} from {sourceIPAddress}: root should almost never be used.',
    nextStep: 'Confirm with the account owner; rotate the root password and check its MFA.',
    attack: ['T1078.004'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Root Credentials' },
      { source: 'Panther', name: 'Root Account Activity' },
      { source: 'Elastic', name: 'AWS Management Console Root Login' },
      { source: 'Panther', name: 'Root Console Login' },
    ],
  },
  {
    id: 'TC-ROOT-002',
    title: 'Root access key created',
    severity: 'critical',
    category: 'root-use',
    when: {
      all: [
        { field: 'eventName', equals: 'CreateAccessKey' },
        { field: 'userIdentity.type', equals: 'Root' },
        { field: 'requestParameters.userName', exists: false },
        succeeded,
      ],
    },
    reason: 'The root user created access key {responseElements.accessKey.accessKeyId} for itself: a key with unlimited rights that no policy can restrict.',
    nextStep: 'Delete the root access key unless the account owner made it and can say why.',
    attack: ['T1098.001'],
    references: [
      { source: 'TrailDiscover', name: 'CreateAccessKey' },
      { source: 'Panther', name: 'Root Account Access Key Created' },
    ],
  },
  {
    id: 'TC-TOOL-001',
    title: 'Call made by an attack or secret-scanning tool',
    severity: 'high',
    category: 'attack-tool',
    when: { field: 'userAgent', matches: 'trufflehog|pacu|cloudfox|kali|parrot|pentoo|cloudsploit-scan|weirdaal', flags: 'i' },
    reason: '{eventName} came with user agent {userAgent}: a tool or system built for attacking or for testing leaked credentials.',
    nextStep: 'Confirm a sanctioned test; otherwise treat the credential as stolen and disable it.',
    attack: ['T1078.004', 'T1087.004'],
    references: [
      { source: 'SigmaHQ', name: 'PUA - AWS TruffleHog Execution' },
    ],
  },
];
