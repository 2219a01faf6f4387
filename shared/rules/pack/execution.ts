import type { RiskRule } from '../rule';
import { succeededCall } from './helpers';

/** Running code on resources, and destroying them. */
export const executionRules: readonly RiskRule[] = [
  {
    id: 'TC-EXEC-001',
    title: 'Command or shell run on instances',
    severity: 'high',
    category: 'execution',
    when: { any: [succeededCall('ssm.amazonaws.com', 'SendCommand', 'StartSession'), succeededCall('ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey', 'SendSerialConsoleSSHPublicKey')] },
    reason: '{eventName} ran on {requestParameters.instanceIds|requestParameters.target|requestParameters.instanceId}.',
    nextStep: 'Read the command document and its output; check what the instance did next.',
    references: [
      { source: 'Elastic', name: 'AWS SSM `SendCommand` Execution by Rare User' },
      { source: 'Elastic', name: 'AWS SSM Session Started to EC2 Instance' },
      { source: 'SigmaHQ', name: 'AWS SSM Command Executed' },
    ],
  },
  {
    id: 'TC-EXEC-002',
    title: 'Instance start-up script or function code changed',
    severity: 'high',
    category: 'execution',
    when: {
      any: [
        { all: [succeededCall('ec2.amazonaws.com', 'ModifyInstanceAttribute'), { field: 'requestParameters.userData', exists: true }] },
        succeededCall('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', 'UpdateFunctionCode', 'CreateFunction20150331', 'CreateFunction', 'AddLayerVersionPermission', 'UpdateFunctionConfiguration20150331v2'),
      ],
    },
    reason: '{eventName} on {requestParameters.instanceId|requestParameters.functionName}: code that runs later was changed.',
    nextStep: 'Compare the new code or user data with the deployed version.',
    references: [
      { source: 'SigmaHQ', name: 'AWS EC2 Startup Shell Script Change' },
      { source: 'Elastic', name: 'AWS Lambda Function Created or Updated' },
    ],
  },
  {
    id: 'TC-DESTROY-001',
    title: 'Resources destroyed',
    severity: 'high',
    category: 'destructive',
    when: {
      any: [
        succeededCall('ec2.amazonaws.com', 'TerminateInstances', 'DeleteSnapshot', 'DeleteVolume', 'DeleteVpc'),
        succeededCall('rds.amazonaws.com', 'DeleteDBInstance', 'DeleteDBCluster', 'DeleteDBSnapshot', 'DeleteDBClusterSnapshot'),
        succeededCall('s3.amazonaws.com', 'DeleteBucket'),
        succeededCall('backup.amazonaws.com', 'DeleteBackupVault', 'DeleteRecoveryPoint'),
        succeededCall('dynamodb.amazonaws.com', 'DeleteTable', 'DeleteBackup'),
      ],
    },
    reason: '{eventName} destroyed {requestParameters.instancesSet|requestParameters.dBInstanceIdentifier|requestParameters.bucketName|requestParameters.tableName|requestParameters.snapshotId}.',
    nextStep: 'Check the change was planned and that backups exist.',
    references: [
      { source: 'Elastic', name: 'AWS RDS DB Instance or Cluster Deleted' },
      { source: 'Elastic', name: 'AWS EC2 Snapshot Deleted' },
      { source: 'SigmaHQ', name: 'AWS EC2 Disable EBS Encryption' },
    ],
  },
];
