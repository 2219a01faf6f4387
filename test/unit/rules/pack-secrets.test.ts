import { changeRules } from '../../../shared/rules/pack/changes';
import { secretRules } from '../../../shared/rules/pack/secrets';
import { describeFamily } from './cases';
import { denied, eventOf, viaCloudFormation } from './records';

const lambda = 'lambda.amazonaws.com';
const rds = 'rds.amazonaws.com';
const ec2 = 'ec2.amazonaws.com';

describeFamily('secrets', secretRules, {
  'TC-SECRET-001': {
    positive: [
      eventOf('secretsmanager.amazonaws.com', 'GetSecretValue', { requestParameters: { secretId: 'prod/db' } }),
      eventOf('ssm.amazonaws.com', 'GetParameters', { requestParameters: { names: ['/app/key'], withDecryption: true } }),
    ],
    negative: [eventOf('ssm.amazonaws.com', 'GetParameter', { requestParameters: { name: 'p', withDecryption: false } }), eventOf('secretsmanager.amazonaws.com', 'ListSecrets')],
  },
  'TC-SECRET-002': {
    positive: [eventOf('secretsmanager.amazonaws.com', 'BatchGetSecretValue', { requestParameters: { filters: [{ key: 'name', values: [''] }] } })],
    negative: [eventOf('secretsmanager.amazonaws.com', 'BatchGetSecretValue', denied)],
  },
  'TC-SECRET-003': {
    positive: [eventOf(ec2, 'GetPasswordData', { requestParameters: { instanceId: 'i-1' } }), eventOf(ec2, 'GetPasswordData', { errorCode: 'Client.UnauthorizedOperation', requestParameters: { instanceId: 'i-2' } })],
    negative: [eventOf(ec2, 'GetConsoleOutput', { requestParameters: { instanceId: 'i-1' } })],
  },
  'TC-SECRET-004': {
    positive: [eventOf(ec2, 'GetConsoleScreenshot', { requestParameters: { instanceId: 'i-1', wakeUp: true } })],
    negative: [eventOf(ec2, 'GetPasswordData', { requestParameters: { instanceId: 'i-1' } })],
  },
});

describeFamily('changes', changeRules, {
  'TC-CHANGE-001': {
    positive: [eventOf(lambda, 'DeleteFunction20150331', { requestParameters: { functionName: 'basic-node-task' } }), eventOf(lambda, 'DeleteFunction', { requestParameters: { functionName: 'basic-node-task' } })],
    negative: [eventOf(lambda, 'GetFunction20150331v2', { requestParameters: { functionName: 'f' } }), eventOf(lambda, 'DeleteFunction20150331', viaCloudFormation)],
  },
  'TC-CHANGE-003': {
    positive: [eventOf(ec2, 'StopInstances', { requestParameters: { instancesSet: { items: [{ instanceId: 'i-1' }] }, force: false } })],
    negative: [eventOf(ec2, 'StopInstances', { sourceIPAddress: 'autoscaling.amazonaws.com', userIdentity: { type: 'AWSService', invokedBy: 'autoscaling.amazonaws.com' } }), eventOf(ec2, 'DescribeInstanceStatus')],
  },
  'TC-CHANGE-004': {
    positive: [eventOf(ec2, 'ModifyInstanceMetadataOptions', { requestParameters: { ModifyInstanceMetadataOptionsRequest: { InstanceId: 'i-1', HttpTokens: 'optional' } } })],
    negative: [eventOf(ec2, 'ModifyInstanceMetadataOptions', { requestParameters: { ModifyInstanceMetadataOptionsRequest: { InstanceId: 'i-1', HttpTokens: 'required' } } })],
  },
  'TC-CHANGE-005': {
    positive: [eventOf(rds, 'CreateDBSnapshot', { requestParameters: { dBSnapshotIdentifier: 'manual-1', dBInstanceIdentifier: 'db' } })],
    negative: [eventOf(rds, 'CreateDBSnapshot', { userIdentity: { type: 'AWSService', invokedBy: 'backup.amazonaws.com' }, sourceIPAddress: 'backup.amazonaws.com' })],
  },
  'TC-CHANGE-006': {
    positive: [eventOf(rds, 'StopActivityStream', { requestParameters: { resourceArn: 'arn:aws:rds:us-east-1:111122223333:cluster:c' } })],
    negative: [eventOf(rds, 'StartActivityStream')],
  },
  'TC-CHANGE-007': {
    positive: [eventOf(rds, 'DownloadDBLogFilePortion', { requestParameters: { dBInstanceIdentifier: 'db', logFileName: 'error/postgres.log' } })],
    negative: [eventOf(rds, 'DescribeDBLogFiles')],
  },
  'TC-CHANGE-008': {
    positive: [eventOf('iam.amazonaws.com', 'CreateRole', { requestParameters: { roleName: 'manual', assumeRolePolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' } })],
    negative: [eventOf('iam.amazonaws.com', 'CreateRole', { ...viaCloudFormation, requestParameters: { roleName: 'stack-role' } })],
  },
  'TC-CHANGE-009': {
    positive: [eventOf('iam.amazonaws.com', 'ChangePassword', { userAgent: 'signin.amazonaws.com', userIdentity: { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', invokedBy: 'signin.amazonaws.com' } })],
    negative: [eventOf('iam.amazonaws.com', 'ChangePassword', { errorCode: 'PasswordPolicyViolation' })],
  },
  'TC-CHANGE-010': {
    positive: [eventOf('bedrock.amazonaws.com', 'DeleteGuardrail', { requestParameters: { guardrailIdentifier: 'g-1' } })],
    negative: [eventOf('bedrock.amazonaws.com', 'CreateGuardrail')],
  },
  'TC-CHANGE-013': {
    positive: [eventOf('lightsail.amazonaws.com', 'CreateInstances', { requestParameters: { instanceNames: ['miner-1'], bundleId: 'xlarge_3_0' } })],
    negative: [eventOf('lightsail.amazonaws.com', 'GetInstances')],
  },
  'TC-CHANGE-014': {
    positive: [eventOf('ses.amazonaws.com', 'DeleteIdentity', { requestParameters: { identity: 'mail.example.com' } })],
    negative: [eventOf('ses.amazonaws.com', 'VerifyDomainIdentity', { requestParameters: { domain: 'example.com' } })],
  },
  'TC-CHANGE-015': {
    positive: [eventOf(ec2, 'CreateImage', { requestParameters: { instanceId: 'i-1', name: 'copy-of-db', noReboot: true } })],
    negative: [eventOf(ec2, 'CreateImage', { errorCode: 'Client.DryRunOperation', requestParameters: { instanceId: 'i-1' } }), eventOf(ec2, 'DescribeImages')],
  },
  'TC-CHANGE-012': {
    positive: [eventOf('bedrock.amazonaws.com', 'InvokeModel', { requestParameters: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' } })],
    negative: [eventOf('bedrock.amazonaws.com', 'ListFoundationModels')],
  },
  'TC-CHANGE-011': {
    positive: [eventOf(rds, 'RestoreDBInstanceFromDBSnapshot', { requestParameters: { dBInstanceIdentifier: 'copy', dBSnapshotIdentifier: 'arn:aws:rds:us-east-1:444455556666:snapshot:shared', publiclyAccessible: false } })],
    negative: [eventOf(rds, 'RestoreDBInstanceFromDBSnapshot', { requestParameters: { dBInstanceIdentifier: 'copy', publiclyAccessible: true } })],
  },
});
