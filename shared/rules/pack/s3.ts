import type { RiskRule } from '../rule';
import { allowsEveryone, isFalse, namesOtherAccount, personCall, succeededCall } from './helpers';

const s3 = 's3.amazonaws.com';

/** S3 buckets: public grants, policies reaching other accounts, and protections switched off. */
export const s3Rules: readonly RiskRule[] = [
  {
    id: 'TC-S3-001',
    title: 'S3 bucket or object made public by ACL',
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
    attack: ['T1530', 'T1098'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Bucket Policy Added to Allow Public Access' },
      { source: 'TrailDiscover', name: 'PutBucketAcl' },
    ],
  },
  {
    id: 'TC-S3-002',
    title: 'S3 bucket policy changed',
    severity: 'medium',
    category: 's3-exposure',
    when: personCall(s3, 'PutBucketPolicy', 'DeleteBucketPolicy'),
    reason: '{eventName} on {requestParameters.bucketName}: who may read or write the bucket changed.',
    nextStep: 'Read the new policy for Principal "*" or foreign accounts.',
    attack: ['T1098'],
    references: [
      { source: 'Panther', name: 'AWS S3 Bucket Policy Modified' },
      { source: 'SigmaHQ', name: 'AWS S3 Bucket Policy Modified' },
      { source: 'TrailDiscover', name: 'PutBucketPolicy' },
    ],
  },
  {
    id: 'TC-S3-003',
    title: 'S3 bucket policy allows everyone',
    severity: 'critical',
    category: 's3-exposure',
    when: { all: [succeededCall(s3, 'PutBucketPolicy'), allowsEveryone('requestParameters.bucketPolicy')] },
    reason: 'PutBucketPolicy on {requestParameters.bucketName} allows Principal "*" without a condition: anyone on the internet gets that access.',
    nextStep: 'Replace the policy, turn on Block Public Access, and check who read the bucket.',
    attack: ['T1530'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Bucket Policy Added to Allow Public Access' },
      { source: 'TrailDiscover', name: 'PutBucketPolicy' },
    ],
  },
  {
    id: 'TC-S3-004',
    title: 'S3 bucket policy grants another account',
    severity: 'high',
    category: 'exfiltration',
    when: { all: [succeededCall(s3, 'PutBucketPolicy'), namesOtherAccount('requestParameters.bucketPolicy.Statement.Principal')] },
    reason: 'PutBucketPolicy on {requestParameters.bucketName} names a principal of another AWS account: that account can reach the data.',
    nextStep: 'Confirm the other account is a known partner; otherwise remove it from the policy.',
    attack: ['T1537'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Bucket Policy Added to Share with External Account' },
      { source: 'Stratus Red Team', name: 'Backdoor an S3 Bucket via its Bucket Policy' },
    ],
  },
  {
    id: 'TC-S3-005',
    title: 'S3 Block Public Access removed or weakened',
    severity: 'high',
    category: 's3-exposure',
    when: {
      any: [
        succeededCall(s3, 'DeleteBucketPublicAccessBlock', 'DeleteAccountPublicAccessBlock'),
        {
          all: [
            succeededCall(s3, 'PutBucketPublicAccessBlock', 'PutAccountPublicAccessBlock'),
            {
              any: ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].map((setting) => isFalse(`requestParameters.PublicAccessBlockConfiguration.${setting}`)),
            },
          ],
        },
      ],
    },
    reason: '{eventName} on {requestParameters.bucketName|recipientAccountId}: the guard against public buckets is off or weaker, a step before exposing data.',
    nextStep: 'Turn every Block Public Access setting back on unless a public bucket is intended.',
    attack: ['T1562.007', 'T1530'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Bucket Block Public Access Weakened' },
      { source: 'TrailDiscover', name: 'DeleteBucketPublicAccessBlock' },
      { source: 'Panther', name: 'Account Security Configuration Changed' },
    ],
  },
  {
    id: 'TC-S3-006',
    title: 'S3 bucket configuration deleted',
    severity: 'medium',
    category: 's3-exposure',
    when: personCall(s3, 'DeleteBucketEncryption', 'DeleteBucketReplication', 'DeleteBucketLifecycle', 'DeleteBucketCors', 'DeleteBucketTagging', 'DeleteBucketWebsite'),
    reason: '{eventName} on {requestParameters.bucketName}: a protection or setting of the bucket was removed.',
    nextStep: 'Restore the configuration if nobody planned the change.',
    attack: ['T1485', 'T1562'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Bucket Configuration Deletion' },
      { source: 'TrailDiscover', name: 'DeleteBucketEncryption' },
    ],
  },
  {
    id: 'TC-S3-007',
    title: 'S3 default encryption changed',
    severity: 'low',
    category: 's3-exposure',
    when: personCall(s3, 'PutBucketEncryption'),
    reason: 'PutBucketEncryption on {requestParameters.bucketName}: new objects are now encrypted with {requestParameters.ServerSideEncryptionConfiguration.Rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm} (key {requestParameters.ServerSideEncryptionConfiguration.Rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID}).',
    nextStep: 'If the key belongs to another account, the data may be held to ransom.',
    attack: ['T1486'],
    references: [
      { source: 'SigmaHQ', name: 'AWS S3 Data Management Tampering' },
      { source: 'TrailDiscover', name: 'PutBucketEncryption' },
    ],
  },
  {
    id: 'TC-S3-008',
    title: 'S3 versioning suspended or MFA delete turned off',
    severity: 'high',
    category: 'destructive',
    when: {
      all: [
        succeededCall(s3, 'PutBucketVersioning'),
        { any: [{ field: 'requestParameters.VersioningConfiguration.Status', equals: 'Suspended' }, { field: 'requestParameters.VersioningConfiguration.MfaDelete', equals: 'Disabled' }] },
      ],
    },
    reason: 'PutBucketVersioning on {requestParameters.bucketName} set versioning {requestParameters.VersioningConfiguration.Status}, MFA delete {requestParameters.VersioningConfiguration.MfaDelete}: deleted or overwritten objects may no longer be recoverable.',
    nextStep: 'Re-enable versioning and check for deletions since.',
    attack: ['T1490', 'T1485'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Object Versioning Suspended' },
      { source: 'TrailDiscover', name: 'PutBucketVersioning' },
      { source: 'Splunk', name: 'AWS Disable Bucket Versioning' },
    ],
  },
  {
    id: 'TC-S3-009',
    title: 'S3 replication configured',
    severity: 'medium',
    category: 'exfiltration',
    when: personCall(s3, 'PutBucketReplication'),
    reason: 'PutBucketReplication on {requestParameters.bucketName} copies new objects to {requestParameters.ReplicationConfiguration.Rule.Destination.Bucket} (account {requestParameters.ReplicationConfiguration.Rule.Destination.Account}).',
    nextStep: 'Confirm the destination bucket belongs to the organisation.',
    attack: ['T1537'],
    references: [
      { source: 'SigmaHQ', name: 'AWS S3 Data Management Tampering' },
      { source: 'TrailDiscover', name: 'PutBucketReplication' },
      { source: 'Splunk', name: 'AWS Exfiltration via Bucket Replication' },
    ],
  },
  {
    id: 'TC-S3-010',
    title: 'S3 replication to another account',
    severity: 'high',
    category: 'exfiltration',
    when: { all: [succeededCall(s3, 'PutBucketReplication'), namesOtherAccount('requestParameters.ReplicationConfiguration.Rule.Destination.Account')] },
    reason: 'PutBucketReplication on {requestParameters.bucketName} copies objects to account {requestParameters.ReplicationConfiguration.Rule.Destination.Account}, not this one.',
    nextStep: 'Remove the replication rule unless the other account is known.',
    attack: ['T1537'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Bucket Replicated to Another Account' },
      { source: 'Splunk', name: 'AWS Exfiltration via Bucket Replication' },
    ],
  },
  {
    id: 'TC-S3-011',
    title: 'S3 lifecycle rule expires objects',
    severity: 'medium',
    category: 'destructive',
    when: { all: [personCall(s3, 'PutBucketLifecycle'), { field: 'requestParameters.LifecycleConfiguration.Rule.Expiration', exists: true }] },
    reason: 'PutBucketLifecycle on {requestParameters.bucketName} deletes objects after {requestParameters.LifecycleConfiguration.Rule.Expiration.Days} days.',
    nextStep: 'Check the bucket\'s contents (logs, backups) and whether the expiry is expected.',
    attack: ['T1485'],
    references: [
      { source: 'Elastic', name: 'AWS S3 Bucket Expiration Lifecycle Configuration Added' },
      { source: 'TrailDiscover', name: 'PutBucketLifecycle' },
    ],
  },
  {
    id: 'TC-S3-012',
    title: 'S3 lifecycle rule deletes objects within a week',
    severity: 'high',
    category: 'destructive',
    when: { all: [succeededCall(s3, 'PutBucketLifecycle'), { field: 'requestParameters.LifecycleConfiguration.Rule.Expiration.Days', atMost: 7 }] },
    reason: 'PutBucketLifecycle on {requestParameters.bucketName} deletes objects after {requestParameters.LifecycleConfiguration.Rule.Expiration.Days} days: a quiet way to destroy logs or data.',
    nextStep: 'Remove the rule and check whether the bucket holds CloudTrail logs.',
    attack: ['T1485', 'T1562.008'],
    references: [
      { source: 'Stratus Red Team', name: 'CloudTrail Logs Impairment Through S3 Lifecycle Rule' },
      { source: 'Splunk', name: 'AWS Defense Evasion PutBucketLifecycle' },
      { source: 'Panther', name: 'AWS CloudTrail Retention Lifecycle Too Short' },
    ],
  },
  {
    id: 'TC-S3-013',
    title: 'Many S3 objects deleted in one call',
    severity: 'medium',
    category: 'destructive',
    when: personCall(s3, 'DeleteObjects'),
    reason: 'DeleteObjects removed several objects from {requestParameters.bucketName} at once.',
    nextStep: 'Check versioning and backups for the bucket, and how many calls followed.',
    attack: ['T1485'],
    references: [
      { source: 'Stratus Red Team', name: 'S3 Ransomware through batch file deletion' },
      { source: 'TrailDiscover', name: 'DeleteObjects' },
    ],
  },
  {
    id: 'TC-S3-014',
    title: 'S3 static website hosting turned on',
    severity: 'low',
    category: 's3-exposure',
    when: personCall(s3, 'PutBucketWebsite'),
    reason: 'PutBucketWebsite on {requestParameters.bucketName}: the bucket can be served as a public website.',
    nextStep: 'Confirm the bucket is meant to be a website.',
    attack: ['T1530'],
    references: [{ source: 'SigmaHQ', name: 'AWS S3 Data Management Tampering' }],
  },
];
