import type { Condition } from '../condition';
import type { RiskRule } from '../rule';
import { call, failed, namesOtherAccount, notByAwsService, personCall, succeededCall } from './helpers';

const ec2 = 'ec2.amazonaws.com';
const lambda = 'lambda.amazonaws.com';

/** GPU, FPGA and machine-learning accelerator families: what cryptominers ask for. */
const acceleratedType: Condition = { field: 'requestParameters.instanceType', matches: '^(?:p\\d|g\\d|inf\\d|trn\\d|dl\\d|f\\d|vt\\d|gr\\d)[a-z0-9-]*\\.', flags: 'i' };

/** Instance sizes of 4xlarge and up, or bare metal. */
const largeType: Condition = { field: 'requestParameters.instanceType', matches: '\\.(?:(?:[4-9]|\\d{2,3})xlarge|metal(?:-\\d+xl)?)$', flags: 'i' };

/** Running code on resources: commands, sessions, start-up scripts, functions, instances. */
export const executionRules: readonly RiskRule[] = [
  {
    id: 'TC-EXEC-001',
    title: 'Command or shell run on instances',
    severity: 'high',
    category: 'execution',
    when: { all: [succeededCall('ssm.amazonaws.com', 'SendCommand', 'StartSession'), notByAwsService] },
    reason: '{eventName} ran on {requestParameters.instanceIds|requestParameters.targets|requestParameters.target} (document {requestParameters.documentName}).',
    nextStep: 'Read the command document and its output; check what the instance did next.',
    attack: ['T1651'],
    references: [
      { source: 'Elastic', name: 'AWS SSM `SendCommand` Execution by Rare User' },
      { source: 'Elastic', name: 'AWS SSM Session Started to EC2 Instance' },
      { source: 'Stratus Red Team', name: 'Usage of ssm:SendCommand on multiple instances' },
      { source: 'Stratus Red Team', name: 'Usage of ssm:StartSession on multiple instances' },
      { source: 'TrailDiscover', name: 'SendCommand' },
    ],
  },
  {
    id: 'TC-EXEC-003',
    title: 'SSH key pushed to an instance',
    severity: 'high',
    category: 'execution',
    when: succeededCall('ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey', 'SendSerialConsoleSSHPublicKey'),
    reason: '{eventName} let the holder of a key log in to {requestParameters.instanceId} as {requestParameters.instanceOSUser} for the next minute.',
    nextStep: 'Check the instance\'s SSH logs and what was run.',
    attack: ['T1021.004', 'T1098.004'],
    references: [
      { source: 'Stratus Red Team', name: 'Usage of EC2 Instance Connect on multiple instances' },
      { source: 'Stratus Red Team', name: 'Usage of EC2 Serial Console to push SSH public key' },
      { source: 'TrailDiscover', name: 'SendSSHPublicKey' },
    ],
  },
  {
    id: 'TC-EXEC-002',
    title: 'Instance start-up script changed',
    severity: 'high',
    category: 'execution',
    when: { all: [succeededCall(ec2, 'ModifyInstanceAttribute'), { field: 'requestParameters.userData', exists: true }] },
    reason: 'ModifyInstanceAttribute replaced the user data of {requestParameters.instanceId}: the script runs as root at the next start.',
    nextStep: 'Read the new user data and compare it with the deployed version.',
    attack: ['T1059', 'T1037'],
    references: [
      { source: 'SigmaHQ', name: 'AWS EC2 Startup Shell Script Change' },
      { source: 'Stratus Red Team', name: 'Execute Commands on EC2 Instance via User Data' },
      { source: 'TrailDiscover', name: 'ModifyInstanceAttribute' },
    ],
  },
  {
    id: 'TC-EXEC-004',
    title: 'Lambda function code created or replaced',
    severity: 'low',
    category: 'execution',
    when: personCall(lambda, 'CreateFunction', 'CreateFunction20150331', 'UpdateFunctionCode', 'UpdateFunctionCode20150331', 'UpdateFunctionCode20150331v2'),
    reason: '{eventName} on {requestParameters.functionName}: new code will run with the role {requestParameters.role|responseElements.role}.',
    nextStep: 'Compare the new code with the deployed version and check who may invoke it.',
    attack: ['T1648', 'T1525'],
    references: [
      { source: 'Elastic', name: 'AWS Lambda Function Created or Updated' },
      { source: 'Stratus Red Team', name: 'Overwrite Lambda Function Code' },
      { source: 'TrailDiscover', name: 'UpdateFunctionCode' },
      { source: 'Panther', name: 'Lambda Code Updated by User' },
    ],
  },
  {
    id: 'TC-EXEC-005',
    title: 'Lambda function layers or role changed',
    severity: 'medium',
    category: 'execution',
    when: {
      all: [
        personCall(lambda, 'UpdateFunctionConfiguration', 'UpdateFunctionConfiguration20150331v2'),
        { any: [{ field: 'requestParameters.layers', exists: true }, { field: 'requestParameters.role', exists: true }] },
      ],
    },
    reason: 'UpdateFunctionConfiguration on {requestParameters.functionName} set layers {requestParameters.layers} or role {requestParameters.role}: the function\'s configuration changed (its own code did not), and a layer adds code that runs with it.',
    nextStep: 'Check where each layer comes from and what the role allows.',
    attack: ['T1525', 'T1098'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Attached Malicious Lambda Layer' },
      { source: 'Stratus Red Team', name: 'Add a Malicious Lambda Extension' },
      { source: 'Elastic', name: 'AWS Lambda Layer Added to Existing Function' },
    ],
  },
  {
    id: 'TC-EXEC-006',
    title: 'Lambda layer from another account attached',
    severity: 'high',
    category: 'execution',
    when: {
      all: [
        succeededCall(lambda, 'UpdateFunctionConfiguration', 'UpdateFunctionConfiguration20150331v2', 'CreateFunction', 'CreateFunction20150331'),
        namesOtherAccount('requestParameters.layers'),
      ],
    },
    reason: '{eventName} on {requestParameters.functionName} uses a layer owned by another account ({requestParameters.layers}): code outside this account\'s control now runs in the function.',
    nextStep: 'Remove the layer unless it is a known vendor\'s.',
    attack: ['T1525'],
    references: [{ source: 'SigmaHQ', name: 'AWS Attached Malicious Lambda Layer' }],
  },
  {
    id: 'TC-EXEC-007',
    title: 'Lambda layer published or shared',
    severity: 'low',
    category: 'execution',
    when: personCall(lambda, 'PublishLayerVersion', 'PublishLayerVersion20181031', 'AddLayerVersionPermission', 'AddLayerVersionPermission20181031'),
    reason: '{eventName} on layer {requestParameters.layerName} (principal {requestParameters.principal}): code functions can include.',
    nextStep: 'Check which functions use the layer.',
    attack: ['T1525'],
    references: [{ source: 'TrailDiscover', name: 'PublishLayerVersion' }],
  },
  {
    id: 'TC-EXEC-008',
    title: 'GPU or accelerated instances launched or attempted',
    severity: 'high',
    category: 'execution',
    when: { all: [call(ec2, 'RunInstances', 'RequestSpotInstances'), acceleratedType] },
    reason: '{eventName} asked for {requestParameters.instanceType} instances (up to {requestParameters.instancesSet.items.maxCount}), whether or not it succeeded: a type prized for cryptomining.',
    nextStep: 'Confirm someone needs GPU capacity; otherwise terminate the instances and disable the caller.',
    attack: ['T1496.001', 'T1578.002'],
    references: [
      { source: 'Stratus Red Team', name: 'Launch Unusual EC2 instances' },
      { source: 'TrailDiscover', name: 'RunInstances' },
    ],
  },
  {
    id: 'TC-EXEC-009',
    title: 'Failed launch of large or many instances',
    severity: 'high',
    category: 'execution',
    when: {
      all: [
        call(ec2, 'RunInstances'),
        failed,
        { not: { field: 'errorCode', equals: 'Client.DryRunOperation' } },
        { any: [largeType, { field: 'requestParameters.instancesSet.items.maxCount', atLeast: 4 }] },
        notByAwsService,
      ],
    },
    reason: 'RunInstances of {requestParameters.instanceType} (up to {requestParameters.instancesSet.items.maxCount}) failed with {errorCode}: a credential testing how much compute it can take.',
    nextStep: 'Find who made the call; a stolen key used for cryptomining often fails like this first.',
    attack: ['T1496.001', 'T1578.002'],
    references: [
      { source: 'Stratus Red Team', name: 'Launch Unusual EC2 instances' },
      { source: 'TrailDiscover', name: 'RunInstances' },
    ],
  },
  {
    id: 'TC-EXEC-010',
    title: 'Many or large instances launched',
    severity: 'medium',
    category: 'execution',
    when: {
      all: [
        succeededCall(ec2, 'RunInstances'),
        { any: [{ field: 'requestParameters.instancesSet.items.maxCount', atLeast: 10 }, { all: [largeType, { field: 'requestParameters.instancesSet.items.maxCount', atLeast: 4 }] }] },
        notByAwsService,
      ],
    },
    reason: 'RunInstances started up to {requestParameters.instancesSet.items.maxCount} instances of {requestParameters.instanceType} at once.',
    nextStep: 'Confirm the capacity was planned.',
    attack: ['T1496.001', 'T1578.002'],
    references: [{ source: 'TrailDiscover', name: 'RunInstances' }],
  },
  {
    id: 'TC-EXEC-011',
    title: 'Notebook, dev endpoint or job code set to run with a role',
    severity: 'medium',
    category: 'execution',
    when: {
      any: [
        personCall('glue.amazonaws.com', 'CreateDevEndpoint', 'UpdateDevEndpoint', 'CreateJob', 'UpdateJob'),
        personCall('sagemaker.amazonaws.com', 'CreateNotebookInstance', 'UpdateNotebookInstance', 'CreateNotebookInstanceLifecycleConfig', 'UpdateNotebookInstanceLifecycleConfig', 'CreateProcessingJob', 'CreateTrainingJob'),
      ],
    },
    reason: '{eventName} on {eventSource} ({requestParameters.endpointName|requestParameters.notebookInstanceName|requestParameters.notebookInstanceLifecycleConfigName|requestParameters.name|requestParameters.jobName}) sets code that runs with a service role ({requestParameters.roleArn|requestParameters.role|requestParameters.job.role}): whoever writes that code gets the role\'s permissions.',
    nextStep: 'Check what the role allows and whether the caller may normally use it.',
    attack: ['T1648', 'T1098'],
    references: [
      { source: 'SigmaHQ', name: 'AWS Glue Development Endpoint Activity' },
      { source: 'TrailDiscover', name: 'CreateDevEndpoint' },
      { source: 'Stratus Red Team', name: 'Create/Update SageMaker Lifecycle Configuration for Privilege Escalation' },
    ],
  },
  {
    id: 'TC-EXEC-012',
    title: 'Container task reads its role credentials',
    severity: 'high',
    category: 'execution',
    when: {
      all: [
        succeededCall('ecs.amazonaws.com', 'RegisterTaskDefinition', 'RunTask'),
        { any: [{ field: 'requestParameters', includes: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' }, { field: 'requestParameters', includes: '169.254.170.2' }] },
      ],
    },
    reason: '{eventName} ({requestParameters.family|requestParameters.taskDefinition}) runs a command that fetches the task role\'s credentials from the container credentials endpoint.',
    nextStep: 'Read the task definition\'s command and find where the credentials were sent.',
    attack: ['T1552.005', 'T1610'],
    references: [{ source: 'SigmaHQ', name: 'AWS ECS Task Definition That Queries The Credential Endpoint' }],
  },
];
