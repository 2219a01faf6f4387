import type { RiskRule } from '../rule';
import { succeededCall } from './helpers';

const s3 = 's3.amazonaws.com';

/** S3 exposure, KMS key disabling or deletion, and secret retrieval. */
export const dataRules: readonly RiskRule[] = [
  {
    id: 'TC-S3-001',
    title: 'S3 bucket made public by ACL',
    severity: 'critical',
    category: 's3-exposure',
    when: {
      all: [
        succeededCall(s3, 'PutBucketAcl', 'PutObjectAcl'),
        {
          any: [
            { field: 'requestParameters', includes: 'acs.amazonaws.com/groups/global/AllUsers' },
            { field: 'requestParameters', includes: 'acs.amazonaws.com/groups/global/AuthenticatedUsers' },
            { field: 'requestParameters.x-amz-acl', oneOf: ['public-read', 'public-read-write', 'authenticated-read'] },
          ],
        },
      ],
    },
    reason: '{eventName} on {requestParameters.bucketName} grants access to everyone (AllUsers, AuthenticatedUsers or a public canned ACL).',
    nextStep: 'Remove the grant, turn on Block Public Access, and check the bucket\'s access logs.',
    references: [
      { source: 'Panther', name: 'AWS S3 Bucket ACL Public' },
      { source: 'Elastic', name: 'AWS S3 Bucket Policy Added to Allow Public Access' },
    ],
  },
  {
    id: 'TC-S3-002',
    title: 'S3 bucket policy or public access block changed',
    severity: 'high',
    category: 's3-exposure',
    when: succeededCall(s3, 'PutBucketPolicy', 'DeleteBucketPolicy', 'DeleteBucketPublicAccessBlock', 'PutBucketPublicAccessBlock', 'DeleteAccountPublicAccessBlock'),
    reason: '{eventName} on {requestParameters.bucketName}: who may read the bucket may have changed.',
    nextStep: 'Read the new policy for Principal "*" or foreign accounts.',
    references: [
      { source: 'Panther', name: 'AWS S3 Bucket Policy Modified' },
      { source: 'SigmaHQ', name: 'AWS S3 Bucket Policy Modified' },
      { source: 'Elastic', name: 'AWS S3 Bucket Policy Added to Share with External Account' },
    ],
  },
  {
    id: 'TC-KMS-001',
    title: 'KMS key disabled or scheduled for deletion',
    severity: 'high',
    category: 'kms',
    when: succeededCall('kms.amazonaws.com', 'DisableKey', 'ScheduleKeyDeletion', 'PutKeyPolicy'),
    reason: '{eventName} on key {requestParameters.keyId}: data encrypted with it may become unreadable.',
    nextStep: 'Cancel the deletion (CancelKeyDeletion) or re-enable the key if not expected.',
    references: [
      { source: 'Elastic', name: 'AWS KMS Customer Managed Key Disabled or Scheduled for Deletion' },
      { source: 'Panther', name: 'KMS CMK Disabled or Deleted' },
      { source: 'SigmaHQ', name: 'AWS KMS Key Disabled or Scheduled for Deletion' },
    ],
  },
  {
    id: 'TC-SECRET-001',
    title: 'Secret value retrieved',
    severity: 'medium',
    category: 'secret-access',
    when: {
      any: [
        succeededCall('secretsmanager.amazonaws.com', 'GetSecretValue', 'BatchGetSecretValue'),
        {
          all: [
            succeededCall('ssm.amazonaws.com', 'GetParameter', 'GetParameters', 'GetParametersByPath'),
            { field: 'requestParameters.withDecryption', equals: true },
          ],
        },
      ],
    },
    reason: '{eventName} read the secret {requestParameters.secretId|requestParameters.name|requestParameters.path} in clear.',
    nextStep: 'Rotate the secret if the caller should not have read it.',
    references: [
      { source: 'Elastic', name: 'AWS Secrets Manager Rapid Secrets Retrieval' },
      { source: 'Elastic', name: 'AWS Systems Manager SecureString Parameter Request with Decryption Flag' },
      { source: 'SigmaHQ', name: 'AWS Secrets Manager GetSecretValue' },
    ],
  },
];
