import type { RiskRule } from '../rule';
import { call, isTrue, namesOtherAccount, notByAwsService, personCall, succeededCall } from './helpers';

const ec2 = 'ec2.amazonaws.com';
const rds = 'rds.amazonaws.com';

/** Data leaving the account: shared or public snapshots and images, exports, public resource policies. */
export const dataRules: readonly RiskRule[] = [
  {
    id: 'TC-NET-003',
    title: 'Snapshot or image shared publicly',
    severity: 'critical',
    category: 'data-exposure',
    when: {
      all: [
        succeededCall(ec2, 'ModifySnapshotAttribute', 'ModifyImageAttribute'),
        {
          any: [
            { field: 'requestParameters.createVolumePermission.add.items.group', equals: 'all' },
            { field: 'requestParameters.launchPermission.add.items.group', equals: 'all' },
          ],
        },
      ],
    },
    reason: '{eventName} on {requestParameters.snapshotId|requestParameters.imageId} added a permission for group "all": anyone may copy it.',
    nextStep: 'Remove the public permission and assume the data was copied.',
    attack: ['T1537'],
    references: [
      { source: 'Elastic', name: 'AWS EC2 EBS Snapshot Shared or Made Public' },
      { source: 'SigmaHQ', name: 'AWS Snapshot Backup Exfiltration' },
      { source: 'Panther', name: 'Amazon Machine Image (AMI) Modified to Allow Public Access' },
      { source: 'Panther', name: 'AWS Snapshot Made Public' },
    ],
  },
  {
    id: 'TC-DATA-001',
    title: 'Snapshot or image shared with another account',
    severity: 'high',
    category: 'exfiltration',
    when: {
      all: [
        succeededCall(ec2, 'ModifySnapshotAttribute', 'ModifyImageAttribute'),
        { any: [namesOtherAccount('requestParameters.createVolumePermission.add.items.userId'), namesOtherAccount('requestParameters.launchPermission.add.items.userId')] },
      ],
    },
    reason: '{eventName} on {requestParameters.snapshotId|requestParameters.imageId} lets account {requestParameters.createVolumePermission.add.items.userId|requestParameters.launchPermission.add.items.userId} copy it.',
    nextStep: 'Confirm the account is known; otherwise remove the permission and assume the data was copied.',
    attack: ['T1537'],
    references: [
      { source: 'Elastic', name: 'AWS EC2 EBS Snapshot Shared or Made Public' },
      { source: 'SigmaHQ', name: 'AWS Snapshot Backup Exfiltration' },
      { source: 'Stratus Red Team', name: 'Exfiltrate EBS Snapshot by Sharing It' },
      { source: 'Stratus Red Team', name: 'Exfiltrate an AMI by Sharing It' },
      { source: 'Panther', name: 'AWS Snapshot Made Public' },
      { source: 'Splunk', name: 'AWS EC2 Snapshot Shared Externally' },
      { source: 'Splunk', name: 'AWS AMI Attribute Modification for Exfiltration' },
      { source: 'Splunk', name: 'AWS Exfiltration via EC2 Snapshot' },
    ],
  },
  {
    id: 'TC-DATA-002',
    title: 'Database snapshot shared',
    severity: 'high',
    category: 'exfiltration',
    when: {
      all: [
        succeededCall(rds, 'ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute'),
        { field: 'requestParameters.attributeName', equals: 'restore' },
        { any: [{ field: 'requestParameters.valuesToAdd', equals: 'all' }, namesOtherAccount('requestParameters.valuesToAdd')] },
      ],
    },
    reason: '{eventName} on {requestParameters.dBSnapshotIdentifier|requestParameters.dBClusterSnapshotIdentifier} lets {requestParameters.valuesToAdd} restore it: a full copy of the database.',
    nextStep: 'Remove the share and assume the data was copied.',
    attack: ['T1537'],
    references: [
      { source: 'Elastic', name: 'AWS RDS DB Snapshot Shared with Another Account' },
      { source: 'Stratus Red Team', name: 'Exfiltrate RDS Snapshot by Sharing' },
      { source: 'TrailDiscover', name: 'ModifyDBSnapshotAttribute' },
      { source: 'Panther', name: 'AWS RDS Snapshot Shared' },
    ],
  },
  {
    id: 'TC-DATA-003',
    title: 'Database made publicly accessible',
    severity: 'high',
    category: 'data-exposure',
    when: {
      all: [
        succeededCall(
          rds,
          'ModifyDBInstance', 'CreateDBInstance', 'RestoreDBInstanceFromDBSnapshot', 'RestoreDBInstanceToPointInTime', 'RestoreDBInstanceFromS3',
          // Multi-AZ DB clusters carry publiclyAccessible on the cluster itself.
          'ModifyDBCluster', 'CreateDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime',
        ),
        { any: [isTrue('requestParameters.publiclyAccessible'), isTrue('responseElements.publiclyAccessible')] },
      ],
    },
    reason: '{eventName} on {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier} set publiclyAccessible: the database answers on a public address.',
    nextStep: 'Turn public access off and check the database\'s connections and security groups.',
    attack: ['T1530', 'T1133'],
    references: [
      { source: 'SigmaHQ', name: 'Restore Public AWS RDS Instance' },
      { source: 'Elastic', name: 'AWS RDS DB Instance Made Public' },
      { source: 'TrailDiscover', name: 'ModifyDBInstance' },
      { source: 'Panther', name: 'AWS Public RDS Restore' },
      { source: 'Panther', name: 'AWS RDS Instance Modified to be Publicly Accessible' },
    ],
  },
  {
    id: 'TC-DATA-004',
    title: 'Database master password changed',
    severity: 'medium',
    category: 'credential-creation',
    when: {
      all: [
        personCall(rds, 'ModifyDBInstance', 'ModifyDBCluster'),
        { any: [{ field: 'requestParameters.masterUserPassword', exists: true }, { field: 'responseElements.pendingModifiedValues.masterUserPassword', exists: true }] },
      ],
    },
    reason: '{eventName} changed the master password of {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier}: whoever set it can log in to the database.',
    nextStep: 'Confirm with the database owner and rotate the password if needed.',
    attack: ['T1098'],
    references: [
      { source: 'SigmaHQ', name: 'AWS RDS Master Password Change' },
      { source: 'TrailDiscover', name: 'ModifyDBInstance' },
      { source: 'Panther', name: 'AWS RDS Master Password Updated' },
      { source: 'Splunk', name: 'AWS Credential Access RDS Password reset' },
    ],
  },
  {
    id: 'TC-DATA-005',
    title: 'Data exported out of its service',
    severity: 'medium',
    category: 'exfiltration',
    when: {
      any: [
        personCall(rds, 'StartExportTask'),
        personCall(ec2, 'CreateInstanceExportTask', 'ExportImage'),
        personCall('dynamodb.amazonaws.com', 'ExportTableToPointInTime'),
        personCall('logs.amazonaws.com', 'CreateExportTask'),
      ],
    },
    reason: '{eventName} writes a copy of {requestParameters.sourceArn|requestParameters.instanceId|requestParameters.imageId|requestParameters.tableArn|requestParameters.logGroupName} to {requestParameters.s3BucketName|requestParameters.exportToS3Task.s3Bucket|requestParameters.s3Bucket|requestParameters.destination}.',
    nextStep: 'Confirm the destination bucket belongs to the organisation and who reads it.',
    attack: ['T1537', 'T1567'],
    references: [
      { source: 'Elastic', name: 'AWS RDS Snapshot Export' },
      { source: 'SigmaHQ', name: 'AWS EC2 VM Export Failure' },
      { source: 'TrailDiscover', name: 'StartExportTask' },
    ],
  },
  {
    id: 'TC-DATA-006',
    title: 'Shared snapshot copied by another account',
    severity: 'medium',
    category: 'exfiltration',
    when: { all: [{ field: 'eventSource', equals: ec2 }, { field: 'eventName', oneOf: ['SharedSnapshotCopyInitiated', 'SharedSnapshotVolumeCreated'] }] },
    reason: '{eventName}: account {userIdentity.accountId} copied or used a snapshot this account shared.',
    nextStep: 'Check which snapshot was shared and whether that account should have it.',
    attack: ['T1537'],
    references: [{ source: 'TrailDiscover', name: 'SharedSnapshotCopyInitiated' }],
  },
  {
    id: 'TC-DATA-007',
    title: 'Snapshot copied from another region',
    severity: 'low',
    category: 'exfiltration',
    when: { all: [personCall(ec2, 'CopySnapshot', 'CopyImage'), { field: 'requestParameters.sourceRegion', exists: true }, { not: { field: 'requestParameters.sourceRegion', equalsField: 'awsRegion' } }] },
    reason: '{eventName} copied {requestParameters.sourceSnapshotId|requestParameters.sourceImageId} from {requestParameters.sourceRegion} to {awsRegion}.',
    nextStep: 'Check whether the region is one the organisation uses.',
    attack: ['T1537', 'T1535'],
    references: [{ source: 'TrailDiscover', name: 'CopySnapshot' }],
  },
  {
    id: 'TC-DATA-011',
    title: 'EBS encryption by default turned off',
    severity: 'medium',
    category: 'data-exposure',
    when: succeededCall(ec2, 'DisableEbsEncryptionByDefault'),
    reason: 'DisableEbsEncryptionByDefault: new volumes in {awsRegion} are no longer encrypted unless asked.',
    nextStep: 'Turn default encryption back on.',
    attack: ['T1562.001', 'T1486'],
    references: [
      { source: 'SigmaHQ', name: 'AWS EC2 Disable EBS Encryption' },
      { source: 'Panther', name: 'AWS EC2 EBS Encryption Disabled' },
      { source: 'TrailDiscover', name: 'DisableEbsEncryptionByDefault' },
      { source: 'Panther', name: 'Account Security Configuration Changed' },
    ],
  },
  {
    id: 'TC-DATA-012',
    title: 'Domain transferred away or unlocked',
    severity: 'high',
    category: 'data-exposure',
    when: { any: ['route53domains.amazonaws.com', 'route53.amazonaws.com'].map((source) => call(source, 'TransferDomainToAnotherAwsAccount', 'DisableDomainTransferLock', 'TransferDomain')) },
    reason: '{eventName} for {requestParameters.domainName}: the domain can leave this account (to account {requestParameters.accountId}).',
    nextStep: 'Cancel the transfer and re-lock the domain unless it was planned.',
    attack: ['T1584.001'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Route 53 Domain Transferred to Another Account' },
      { source: 'SigmaHQ', name: 'AWS Route 53 Domain Transfer Lock Disabled' },
      { source: 'TrailDiscover', name: 'TransferDomainToAnotherAwsAccount' },
      { source: 'Elastic', name: 'AWS Route 53 Domain Transfer Lock Disabled' },
      { source: 'Elastic', name: 'AWS Route 53 Domain Transferred to Another Account' },
    ],
  },
  {
    id: 'TC-DATA-013',
    title: 'CodeBuild project made public',
    severity: 'high',
    category: 'data-exposure',
    when: { all: [succeededCall('codebuild.amazonaws.com', 'UpdateProjectVisibility'), { field: 'requestParameters.projectVisibility', equals: 'PUBLIC_READ' }] },
    reason: 'UpdateProjectVisibility made {requestParameters.projectArn} public: its build logs and artifacts, often with secrets, are readable by anyone.',
    nextStep: 'Make the project private and rotate secrets its builds used.',
    attack: ['T1530'],
    references: [
      { source: 'Panther', name: 'CodeBuild Project made Public' },
      { source: 'TrailDiscover', name: 'UpdateProjectVisibility' },
    ],
  },
  {
    id: 'TC-DATA-014',
    title: 'Failed attempt to share a snapshot or image',
    severity: 'low',
    category: 'exfiltration',
    when: {
      all: [
        { any: [call(ec2, 'ModifySnapshotAttribute', 'ModifyImageAttribute'), call(rds, 'ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute')] },
        { field: 'errorCode', exists: true },
        notByAwsService,
        {
          any: [
            { field: 'requestParameters.createVolumePermission.add', exists: true },
            { field: 'requestParameters.launchPermission.add', exists: true },
            { field: 'requestParameters.valuesToAdd', exists: true },
          ],
        },
      ],
    },
    reason: '{eventName} on {requestParameters.snapshotId|requestParameters.imageId|requestParameters.dBSnapshotIdentifier} tried to share it and failed with {errorCode}.',
    nextStep: 'Check who tried to share the snapshot and why.',
    attack: ['T1537'],
    references: [{ source: 'TrailDiscover', name: 'ModifySnapshotAttribute' }],
  },
];
