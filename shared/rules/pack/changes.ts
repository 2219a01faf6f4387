import type { RiskRule } from '../rule';
import { isTrue, personCall, succeededCall } from './helpers';

const lambda = 'lambda.amazonaws.com';
const rds = 'rds.amazonaws.com';
const ec2 = 'ec2.amazonaws.com';

/**
 * Changes by people to compute, functions, images and databases that public content reports
 * at low severity: each is routine alone, and worth seeing next to the rest of an intrusion.
 */
export const changeRules: readonly RiskRule[] = [
  {
    id: 'TC-CHANGE-001',
    title: 'Lambda function or its triggers changed',
    severity: 'low',
    category: 'execution',
    when: personCall(lambda,
      'DeleteFunction', 'DeleteFunction20150331', 'RemovePermission', 'RemovePermission20150331v2', 'PublishVersion', 'PublishVersion20150331',
      'CreateAlias', 'CreateAlias20150331', 'UpdateAlias', 'UpdateAlias20150331', 'DeleteAlias', 'DeleteAlias20150331',
      'CreateEventSourceMapping', 'CreateEventSourceMapping20150331', 'UpdateEventSourceMapping', 'UpdateEventSourceMapping20150331', 'DeleteEventSourceMapping', 'DeleteEventSourceMapping20150331',
      'UpdateFunctionConfiguration', 'UpdateFunctionConfiguration20150331v2', 'AddPermission', 'AddPermission20150331v2', 'PutFunctionConcurrency', 'PutFunctionConcurrency20171031'),
    reason: '{eventName} on {requestParameters.functionName}: what the function is, who may call it or what triggers it changed (not its code).',
    nextStep: 'Check the change against the function\'s deployment history.',
    attack: ['T1648'],
    references: [
      { source: 'Panther', name: 'Lambda CRUD Actions' },
      { source: 'TrailDiscover', name: 'UpdateFunctionConfiguration' },
    ],
  },
  {
    id: 'TC-CHANGE-002',
    title: 'Container image pushed or repository changed',
    severity: 'low',
    category: 'execution',
    when: personCall('ecr.amazonaws.com', 'PutImage', 'BatchDeleteImage', 'CreateRepository', 'DeleteRepository', 'SetRepositoryPolicy', 'DeleteRepositoryPolicy', 'PutLifecyclePolicy', 'PutImageScanningConfiguration', 'PutImageTagMutability'),
    reason: '{eventName} on repository {requestParameters.repositoryName}: the images that services run, or who may pull them, changed.',
    nextStep: 'Check the image digest against the build system.',
    attack: ['T1525'],
    references: [
      { source: 'Panther', name: 'ECR CRUD Actions' },
      { source: 'TrailDiscover', name: 'PutImage' },
    ],
  },
  {
    id: 'TC-CHANGE-003',
    title: 'Instances started, stopped or changed',
    severity: 'low',
    category: 'execution',
    when: {
      all: [
        personCall(ec2, 'RunInstances', 'StartInstances', 'StopInstances', 'ModifyInstanceAttribute', 'ModifyInstanceMetadataOptions', 'ResetInstanceAttribute', 'RequestSpotInstances', 'ImportInstance', 'BundleInstance', 'CreateInstanceExportTask', 'DisassociateIamInstanceProfile', 'ModifyInstancePlacement'),
      ],
    },
    reason: '{eventName} on {requestParameters.instancesSet.items.instanceId|requestParameters.instanceId|requestParameters.instanceType}.',
    nextStep: 'Check the change was planned.',
    attack: ['T1578'],
    references: [
      { source: 'Panther', name: 'AWS Modify Cloud Compute Infrastructure' },
      { source: 'TrailDiscover', name: 'StopInstances' },
      { source: 'Panther', name: 'CloudTrail EC2 StopInstances' },
    ],
  },
  {
    id: 'TC-CHANGE-004',
    title: 'Instance metadata service opened to IMDSv1',
    severity: 'medium',
    category: 'secret-access',
    when: { all: [succeededCall(ec2, 'ModifyInstanceMetadataOptions'), { field: 'requestParameters.ModifyInstanceMetadataOptionsRequest.HttpTokens', equals: 'optional' }] },
    reason: 'ModifyInstanceMetadataOptions on {requestParameters.ModifyInstanceMetadataOptionsRequest.InstanceId} allows IMDSv1: its role credentials can be stolen through a request forgery.',
    nextStep: 'Require IMDSv2 (HttpTokens required) again.',
    attack: ['T1552.005'],
    references: [{ source: 'TrailDiscover', name: 'ModifyInstanceMetadataOptions' }],
  },
  {
    id: 'TC-CHANGE-005',
    title: 'Database snapshot created',
    severity: 'low',
    category: 'exfiltration',
    when: personCall(rds, 'CreateDBSnapshot', 'CreateDBClusterSnapshot', 'CopyDBSnapshot', 'CopyDBClusterSnapshot'),
    reason: '{eventName} made {requestParameters.dBSnapshotIdentifier|requestParameters.dBClusterSnapshotIdentifier|requestParameters.targetDBSnapshotIdentifier|requestParameters.targetDBClusterSnapshotIdentifier}: a full copy of the database that can be shared or restored elsewhere.',
    nextStep: 'Check who may restore or share the snapshot.',
    attack: ['T1578.001', 'T1537'],
    references: [
      { source: 'Panther', name: 'AWS RDS Manual/Public Snapshot Created' },
      { source: 'TrailDiscover', name: 'CreateDBSnapshot' },
    ],
  },
  {
    id: 'TC-CHANGE-006',
    title: 'Database activity stream stopped',
    severity: 'high',
    category: 'logging-tampering',
    when: succeededCall(rds, 'StopActivityStream'),
    reason: 'StopActivityStream on {requestParameters.resourceArn}: the database\'s activity is no longer streamed to monitoring.',
    nextStep: 'Restart the activity stream and review database activity since.',
    attack: ['T1562.008'],
    references: [{ source: 'TrailDiscover', name: 'StopActivityStream' }],
  },
  {
    id: 'TC-CHANGE-007',
    title: 'Database logs downloaded, or database stopped, rebooted or given a role',
    severity: 'low',
    category: 'destructive',
    when: personCall(rds, 'DownloadDBLogFilePortion', 'DownloadCompleteDBLogFile', 'RebootDBInstance', 'FailoverDBCluster', 'StopDBInstance', 'StopDBCluster', 'AddRoleToDBCluster', 'AddRoleToDBInstance'),
    reason: '{eventName} on {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier}.',
    nextStep: 'Check the change was planned.',
    attack: ['T1489', 'T1530'],
    references: [{ source: 'TrailDiscover', name: 'RebootDBInstance' }],
  },
  {
    id: 'TC-CHANGE-008',
    title: 'Role or group created',
    severity: 'low',
    category: 'privilege-change',
    when: personCall('iam.amazonaws.com', 'CreateRole', 'CreateGroup', 'CreateInstanceProfile'),
    reason: '{eventName} made {requestParameters.roleName|requestParameters.groupName|requestParameters.instanceProfileName} outside infrastructure as code.',
    nextStep: 'Check who may assume or join it, and what it may do.',
    attack: ['T1098', 'T1136.003'],
    references: [
      { source: 'Panther', name: 'IAM Entity Created Without CloudFormation' },
      { source: 'TrailDiscover', name: 'CreateRole' },
    ],
  },
  {
    id: 'TC-CHANGE-009',
    title: 'Own console password changed',
    severity: 'info',
    category: 'credential-creation',
    when: succeededCall('iam.amazonaws.com', 'ChangePassword'),
    reason: '{userIdentity.arn} changed its own console password.',
    nextStep: '',
    attack: ['T1098'],
    references: [{ source: 'Panther', name: 'New IAM Credentials Updated' }],
  },
  {
    id: 'TC-CHANGE-010',
    title: 'Bedrock guardrail deleted or changed',
    severity: 'medium',
    category: 'logging-tampering',
    when: personCall('bedrock.amazonaws.com', 'DeleteGuardrail', 'UpdateGuardrail'),
    reason: '{eventName} on {requestParameters.guardrailIdentifier}: what models may be asked or answer changed.',
    nextStep: 'Compare the guardrail with its previous version.',
    attack: ['T1562.001'],
    references: [{ source: 'TrailDiscover', name: 'DeleteGuardrail' }],
  },
  {
    id: 'TC-CHANGE-011',
    title: 'Database restored from a snapshot',
    severity: 'medium',
    category: 'data-exposure',
    when: { all: [personCall(rds, 'RestoreDBInstanceFromDBSnapshot', 'RestoreDBClusterFromSnapshot'), { not: isTrue('requestParameters.publiclyAccessible') }] },
    reason: '{eventName} made {requestParameters.dBInstanceIdentifier|requestParameters.dBClusterIdentifier} from snapshot {requestParameters.dBSnapshotIdentifier|requestParameters.snapshotIdentifier}.',
    nextStep: 'Check where the snapshot came from and who can reach the new database.',
    attack: ['T1578.002'],
    references: [{ source: 'Elastic', name: 'AWS RDS Snapshot Restored' }],
  },
];
