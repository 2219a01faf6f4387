import type { RiskRule } from '../rule';
import { isFalse, isTrue, notByAwsService, personCall, succeededCall } from './helpers';

const rds = 'rds.amazonaws.com';
const backup = 'backup.amazonaws.com';

/** Destruction and its preparation: data stores, backups and keys removed, protections lifted. */
export const destructionRules: readonly RiskRule[] = [
  {
    id: 'TC-DESTROY-001',
    title: 'Data store or volume deleted',
    severity: 'medium',
    category: 'destructive',
    when: {
      all: [
        {
          any: [
            succeededCall('ec2.amazonaws.com', 'DeleteSnapshot', 'DeleteVolume', 'DeleteVpc', 'DeregisterImage'),
            succeededCall(rds, 'DeleteDBInstance', 'DeleteDBCluster', 'DeleteDBSnapshot', 'DeleteDBClusterSnapshot', 'DeleteGlobalCluster'),
            succeededCall('s3.amazonaws.com', 'DeleteBucket'),
            succeededCall('dynamodb.amazonaws.com', 'DeleteTable', 'DeleteBackup'),
            succeededCall('elasticfilesystem.amazonaws.com', 'DeleteFileSystem', 'DeleteMountTarget'),
            succeededCall('eks.amazonaws.com', 'DeleteCluster'),
            succeededCall('redshift.amazonaws.com', 'DeleteCluster', 'DeleteClusterSnapshot'),
          ],
        },
        notByAwsService,
      ],
    },
    reason: '{eventName} destroyed {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier|requestParameters.bucketName|requestParameters.tableName|requestParameters.snapshotId|requestParameters.volumeId|requestParameters.imageId|requestParameters.fileSystemId|requestParameters.name|requestParameters.clusterIdentifier}.',
    nextStep: 'Check the change was planned and that backups exist.',
    attack: ['T1485'],
    references: [
      { source: 'Elastic', name: 'AWS RDS DB Instance or Cluster Deleted' },
      { source: 'Elastic', name: 'AWS EC2 Snapshot Deleted' },
      { source: 'SigmaHQ', name: 'AWS EFS Fileshare Modified or Deleted' },
      { source: 'TrailDiscover', name: 'DeleteBucket' },
      { source: 'Panther', name: 'S3 Bucket Deleted' },
    ],
  },
  {
    id: 'TC-DESTROY-002',
    title: 'Database deleted without a final snapshot',
    severity: 'high',
    category: 'destructive',
    when: { all: [succeededCall(rds, 'DeleteDBInstance', 'DeleteDBCluster'), isTrue('requestParameters.skipFinalSnapshot'), notByAwsService] },
    reason: '{eventName} removed {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier} with skipFinalSnapshot: no last copy was kept.',
    nextStep: 'Look for automated backups or snapshots to restore from, now.',
    attack: ['T1485', 'T1490'],
    references: [{ source: 'Elastic', name: 'AWS RDS DB Instance or Cluster Deleted' }],
  },
  {
    id: 'TC-DESTROY-003',
    title: 'Backups deleted or backup protection removed',
    severity: 'high',
    category: 'destructive',
    when: {
      all: [
        {
          any: [
            succeededCall(backup, 'DeleteBackupVault', 'DeleteRecoveryPoint', 'DeleteBackupPlan', 'DeleteBackupSelection', 'DeleteBackupVaultLockConfiguration', 'DeleteBackupVaultAccessPolicy', 'DisassociateRecoveryPoint'),
            succeededCall(rds, 'DeleteDBInstanceAutomatedBackup', 'DeleteDBClusterAutomatedBackup'),
            { all: [succeededCall(rds, 'ModifyDBInstance', 'ModifyDBCluster'), { field: 'requestParameters.backupRetentionPeriod', atMost: 0 }] },
          ],
        },
        notByAwsService,
      ],
    },
    reason: '{eventName} on {requestParameters.backupVaultName|requestParameters.recoveryPointArn|requestParameters.backupPlanId|requestParameters.dBInstanceIdentifier|requestParameters.dbiResourceId}: copies needed to recover are gone or no longer made.',
    nextStep: 'Check what backups remain, and protect them (vault lock) before anything else.',
    attack: ['T1490'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Backup Vault or Recovery Point Deleted' },
      { source: 'TrailDiscover', name: 'DeleteBackupVault' },
    ],
  },
  {
    id: 'TC-DESTROY-004',
    title: 'Instances terminated',
    severity: 'low',
    category: 'destructive',
    when: personCall('ec2.amazonaws.com', 'TerminateInstances'),
    reason: 'TerminateInstances ended {requestParameters.instancesSet.items.instanceId}.',
    nextStep: 'Check the change was planned.',
    attack: ['T1485'],
    references: [
      { source: 'Panther', name: 'AWS Modify Cloud Compute Infrastructure' },
      { source: 'TrailDiscover', name: 'TerminateInstances' },
    ],
  },
  {
    id: 'TC-DESTROY-005',
    title: 'Many instances terminated at once',
    severity: 'high',
    category: 'destructive',
    when: { all: [personCall('ec2.amazonaws.com', 'TerminateInstances'), { field: 'requestParameters.instancesSet.items', countAtLeast: 5 }] },
    reason: 'TerminateInstances ended five or more instances in one call (first {requestParameters.instancesSet.items.instanceId}).',
    nextStep: 'Confirm a planned teardown; otherwise stop the caller and restore from backups.',
    attack: ['T1485', 'T1529'],
    references: [{ source: 'TrailDiscover', name: 'TerminateInstances' }],
  },
  {
    id: 'TC-DESTROY-006',
    title: 'Deletion protection turned off',
    severity: 'medium',
    category: 'destructive',
    when: {
      any: [
        { all: [personCall(rds, 'ModifyDBInstance', 'ModifyDBCluster'), isFalse('requestParameters.deletionProtection')] },
        { all: [personCall('ec2.amazonaws.com', 'ModifyInstanceAttribute'), isFalse('requestParameters.disableApiTermination.value')] },
        { all: [personCall('dynamodb.amazonaws.com', 'UpdateTable'), isFalse('requestParameters.deletionProtectionEnabled')] },
      ],
    },
    reason: '{eventName} on {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier|requestParameters.instanceId|requestParameters.tableName} removed its protection against deletion.',
    nextStep: 'Turn the protection back on unless a deletion is planned.',
    attack: ['T1485'],
    references: [
      { source: 'TrailDiscover', name: 'ModifyDBInstance' },
    ],
  },
  {
    id: 'TC-KMS-001',
    title: 'KMS key disabled or scheduled for deletion',
    severity: 'high',
    category: 'kms',
    when: { all: [succeededCall('kms.amazonaws.com', 'DisableKey', 'ScheduleKeyDeletion', 'DeleteImportedKeyMaterial', 'DisableKeyRotation'), notByAwsService] },
    reason: '{eventName} on key {requestParameters.keyId}: data encrypted with it may become unreadable.',
    nextStep: 'Cancel the deletion (CancelKeyDeletion) or re-enable the key if not expected.',
    attack: ['T1485', 'T1486'],
    references: [
      { source: 'Elastic', name: 'AWS KMS Customer Managed Key Disabled or Scheduled for Deletion' },
      { source: 'Panther', name: 'KMS CMK Disabled or Deleted' },
      { source: 'TrailDiscover', name: 'ScheduleKeyDeletion' },
    ],
  },
  {
    id: 'TC-KMS-002',
    title: 'KMS key policy replaced',
    severity: 'medium',
    category: 'kms',
    when: personCall('kms.amazonaws.com', 'PutKeyPolicy'),
    reason: 'PutKeyPolicy on key {requestParameters.keyId}: who may use or manage the key changed; a policy that shuts out the account makes the data unreadable.',
    nextStep: 'Read the new key policy and compare it with the previous one.',
    attack: ['T1098', 'T1486'],
    references: [
      { source: 'TrailDiscover', name: 'PutKeyPolicy' },
    ],
  },
  {
    id: 'TC-DESTROY-007',
    title: 'Queue purged',
    severity: 'low',
    category: 'destructive',
    when: personCall('sqs.amazonaws.com', 'PurgeQueue'),
    reason: 'PurgeQueue emptied {requestParameters.queueUrl}: its messages are gone.',
    nextStep: 'Check whether the queue carried security or audit messages.',
    attack: ['T1485'],
    references: [{ source: 'Elastic', name: 'AWS SQS Queue Purge' }],
  },
  {
    id: 'TC-KMS-003',
    title: 'Outside key material imported into KMS',
    severity: 'medium',
    category: 'kms',
    when: personCall('kms.amazonaws.com', 'ImportKeyMaterial', 'CreateCustomKeyStore', 'ConnectCustomKeyStore'),
    reason: '{eventName} on {requestParameters.keyId|requestParameters.customKeyStoreName|requestParameters.customKeyStoreId}: data can be encrypted with key material held outside AWS, which its holder can withdraw.',
    nextStep: 'Confirm who holds the key material and which data uses the key.',
    attack: ['T1486'],
    references: [{ source: 'TrailDiscover', name: 'ImportKeyMaterial' }],
  },
];
