import type { RiskRule } from '../rule';
import { call, isTrue, notByAwsService, succeededCall } from './helpers';

/** Credential access: secrets, decrypted parameters and instance passwords read in clear. */
export const secretRules: readonly RiskRule[] = [
  {
    id: 'TC-SECRET-001',
    title: 'Secret value retrieved',
    severity: 'medium',
    category: 'secret-access',
    when: {
      all: [
        {
          any: [
            succeededCall('secretsmanager.amazonaws.com', 'GetSecretValue'),
            { all: [succeededCall('ssm.amazonaws.com', 'GetParameter', 'GetParameters', 'GetParametersByPath', 'GetParameterHistory'), isTrue('requestParameters.withDecryption')] },
          ],
        },
        notByAwsService,
      ],
    },
    reason: '{eventName} read the secret {requestParameters.secretId|requestParameters.name|requestParameters.names|requestParameters.path} in clear.',
    nextStep: 'Rotate the secret if the caller should not have read it.',
    attack: ['T1555.006', 'T1552'],
    references: [
      { source: 'Elastic', name: 'AWS Systems Manager SecureString Parameter Request with Decryption Flag' },
      { source: 'Stratus Red Team', name: 'Retrieve a High Number of Secrets Manager secrets' },
      { source: 'Stratus Red Team', name: 'Retrieve And Decrypt SSM Parameters' },
      { source: 'TrailDiscover', name: 'GetSecretValue' },
    ],
  },
  {
    id: 'TC-SECRET-002',
    title: 'Many secrets read in one call',
    severity: 'high',
    category: 'secret-access',
    when: { all: [succeededCall('secretsmanager.amazonaws.com', 'BatchGetSecretValue'), notByAwsService] },
    reason: 'BatchGetSecretValue read several secrets at once ({requestParameters.secretIdList|requestParameters.filters}): a sweep of the account\'s secrets.',
    nextStep: 'Rotate every secret the call returned and find how the caller got its credentials.',
    attack: ['T1555.006'],
    references: [
      { source: 'Stratus Red Team', name: 'Retrieve a High Number of Secrets Manager secrets (Batch)' },
      { source: 'TrailDiscover', name: 'BatchGetSecretValue' },
    ],
  },
  {
    id: 'TC-SECRET-003',
    title: 'Windows instance password requested',
    severity: 'medium',
    category: 'secret-access',
    when: { all: [call('ec2.amazonaws.com', 'GetPasswordData'), notByAwsService] },
    reason: 'GetPasswordData was called for {requestParameters.instanceId}: someone asked for the encrypted administrator password of the instance.',
    nextStep: 'Check who holds the instance\'s key pair; change the administrator password if the call succeeded.',
    attack: ['T1552.005'],
    references: [
      { source: 'Stratus Red Team', name: 'Retrieve EC2 Password Data' },
      { source: 'TrailDiscover', name: 'GetPasswordData' },
      { source: 'Splunk', name: 'AWS Credential Access GetPasswordData' },
    ],
  },
  {
    id: 'TC-SECRET-004',
    title: 'Instance console output or screenshot read',
    severity: 'low',
    category: 'secret-access',
    when: { all: [call('ec2.amazonaws.com', 'GetConsoleScreenshot', 'GetConsoleOutput'), notByAwsService] },
    reason: '{eventName} for {requestParameters.instanceId}: what the instance printed at boot, which can include keys and passwords, was read.',
    nextStep: 'Check the console output for secrets and rotate any found.',
    attack: ['T1552', 'T1113'],
    references: [{ source: 'TrailDiscover', name: 'GetConsoleScreenshot' }],
  },
];
