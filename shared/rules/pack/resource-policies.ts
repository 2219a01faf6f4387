import type { RiskRule } from '../rule';
import { allowsEveryone, namesOtherAccount, succeededCall } from './helpers';

/** Resource policies (queues, topics, repositories, keys, secrets, functions) opened to everyone or to another account. */
export const resourcePolicyRules: readonly RiskRule[] = [
  {
    id: 'TC-DATA-008',
    title: 'Resource policy allows everyone',
    severity: 'high',
    category: 'data-exposure',
    when: {
      any: [
        { all: [succeededCall('ecr.amazonaws.com', 'SetRepositoryPolicy'), allowsEveryone('requestParameters.policyText')] },
        { all: [succeededCall('sns.amazonaws.com', 'SetTopicAttributes'), { field: 'requestParameters.attributeName', equals: 'Policy' }, allowsEveryone('requestParameters.attributeValue')] },
        { all: [succeededCall('sns.amazonaws.com', 'CreateTopic'), allowsEveryone('requestParameters.attributes.Policy')] },
        { all: [succeededCall('sqs.amazonaws.com', 'SetQueueAttributes', 'CreateQueue'), allowsEveryone('requestParameters.attributes.Policy')] },
        { all: [succeededCall('secretsmanager.amazonaws.com', 'PutResourcePolicy'), allowsEveryone('requestParameters.resourcePolicy')] },
        { all: [succeededCall('kms.amazonaws.com', 'PutKeyPolicy', 'CreateKey'), allowsEveryone('requestParameters.policy')] },
        { all: [succeededCall('glacier.amazonaws.com', 'SetVaultAccessPolicy'), allowsEveryone('requestParameters.policy.policy')] },
        { all: [succeededCall('backup.amazonaws.com', 'PutBackupVaultAccessPolicy'), allowsEveryone('requestParameters.policy')] },
      ],
    },
    reason: '{eventName} on {eventSource} gives Principal "*" access without a condition: anyone with an AWS account can use {requestParameters.repositoryName|requestParameters.topicArn|requestParameters.queueUrl|requestParameters.secretId|requestParameters.keyId|requestParameters.name|requestParameters.backupVaultName}.',
    nextStep: 'Replace the policy and check what outside principals did.',
    attack: ['T1098', 'T1530'],
    references: [
      { source: 'Panther', name: 'AWS Resource Made Public' },
      { source: 'TrailDiscover', name: 'SetRepositoryPolicy' },
    ],
  },
  {
    id: 'TC-DATA-009',
    title: 'Key or secret policy grants another account',
    severity: 'high',
    category: 'exfiltration',
    when: {
      any: [
        { all: [succeededCall('kms.amazonaws.com', 'PutKeyPolicy'), namesOtherAccount('requestParameters.policy')] },
        { all: [succeededCall('secretsmanager.amazonaws.com', 'PutResourcePolicy'), namesOtherAccount('requestParameters.resourcePolicy')] },
        { all: [succeededCall('kms.amazonaws.com', 'CreateGrant'), namesOtherAccount('requestParameters.granteePrincipal')] },
      ],
    },
    reason: '{eventName} on {requestParameters.keyId|requestParameters.secretId} names a principal of another AWS account.',
    nextStep: 'Confirm the account is known; otherwise restore the previous policy.',
    attack: ['T1098', 'T1537'],
    references: [{ source: 'TrailDiscover', name: 'PutKeyPolicy' }],
  },
  {
    id: 'TC-DATA-010',
    title: 'Lambda function open to everyone',
    severity: 'high',
    category: 'data-exposure',
    when: {
      any: [
        {
          all: [
            succeededCall('lambda.amazonaws.com', 'AddPermission', 'AddPermission20150331', 'AddPermission20150331v2'),
            { field: 'requestParameters.principal', equals: '*' },
            { field: 'requestParameters.sourceArn', exists: false },
            { field: 'requestParameters.sourceAccount', exists: false },
            { field: 'requestParameters.principalOrgID', exists: false },
          ],
        },
        { all: [succeededCall('lambda.amazonaws.com', 'CreateFunctionUrlConfig', 'CreateFunctionUrlConfig20211031', 'UpdateFunctionUrlConfig', 'UpdateFunctionUrlConfig20211031'), { field: 'requestParameters.authType', equals: 'NONE' }] },
      ],
    },
    reason: '{eventName} on {requestParameters.functionName}: anyone may invoke the function (principal {requestParameters.principal}, URL auth {requestParameters.authType}).',
    nextStep: 'Restrict the permission or URL, and check the function\'s invocations.',
    attack: ['T1546', 'T1098'],
    references: [
      { source: 'Stratus Red Team', name: 'Backdoor Lambda Function Through Resource-Based Policy' },
      { source: 'TrailDiscover', name: 'AddPermission' },
    ],
  },
];
