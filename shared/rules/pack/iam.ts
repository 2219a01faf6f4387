import type { RiskRule } from '../rule';
import { succeeded, succeededCall } from './helpers';

const iam = 'iam.amazonaws.com';

/** IAM privilege changes, credential creation, and user and key deletion. */
export const iamRules: readonly RiskRule[] = [
  {
    id: 'TC-IAM-001',
    title: 'AdministratorAccess attached',
    severity: 'critical',
    category: 'privilege-change',
    when: {
      all: [
        succeededCall(iam, 'AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy'),
        { field: 'requestParameters.policyArn', endsWith: ':policy/AdministratorAccess' },
      ],
    },
    reason: '{eventName} attached {requestParameters.policyArn} to {requestParameters.userName|requestParameters.roleName|requestParameters.groupName}.',
    nextStep: 'Confirm the change was approved; otherwise detach the policy and rotate the credentials involved.',
    references: [
      { source: 'Elastic', name: 'AWS IAM AdministratorAccess Policy Attached to User' },
      { source: 'Elastic', name: 'AWS IAM AdministratorAccess Policy Attached to Role' },
      { source: 'Elastic', name: 'AWS IAM AdministratorAccess Policy Attached to Group' },
      { source: 'Panther', name: 'IAM Policy Modified' },
    ],
  },
  {
    id: 'TC-IAM-002',
    title: 'IAM policy or role trust changed',
    severity: 'high',
    category: 'privilege-change',
    when: {
      all: [
        succeededCall(iam, 'AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy', 'PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy', 'CreatePolicyVersion', 'SetDefaultPolicyVersion', 'UpdateAssumeRolePolicy', 'AddUserToGroup', 'PutUserPermissionsBoundary', 'DeleteUserPermissionsBoundary', 'DeleteRolePermissionsBoundary'),
        { not: { field: 'requestParameters.policyArn', endsWith: ':policy/AdministratorAccess' } },
      ],
    },
    reason: '{eventName} changed what {requestParameters.userName|requestParameters.roleName|requestParameters.groupName|requestParameters.policyArn} may do.',
    nextStep: 'Review the policy document and who approved the change.',
    references: [
      { source: 'Panther', name: 'IAM Policy Modified' },
      { source: 'Elastic', name: 'AWS IAM Group Creation' },
      { source: 'Elastic', name: 'AWS IAM User Addition to Group' },
      { source: 'Elastic', name: 'AWS IAM Assume Role Policy Update' },
    ],
  },
  {
    id: 'TC-IAM-003',
    title: 'Access key created',
    severity: 'high',
    category: 'credential-creation',
    when: succeededCall(iam, 'CreateAccessKey'),
    reason: 'CreateAccessKey made key {responseElements.accessKey.accessKeyId} for {responseElements.accessKey.userName}: a new long-term credential.',
    nextStep: 'Find who uses the new key (search its access key id) and deactivate it if not expected.',
    references: [
      { source: 'SigmaHQ', name: 'AWS IAM Backdoor Users Keys' },
      { source: 'Elastic', name: 'AWS IAM User Created Access Keys For Another User' },
      { source: 'Panther', name: 'AWS IAM Access Key Created' },
    ],
  },
  {
    id: 'TC-IAM-004',
    title: 'Access key created for another user',
    severity: 'critical',
    category: 'credential-creation',
    when: {
      all: [
        succeededCall(iam, 'CreateAccessKey'),
        { field: 'requestParameters.userName', exists: true },
        { not: { field: 'requestParameters.userName', equalsField: 'userIdentity.userName' } },
      ],
    },
    reason: '{userIdentity.arn} created an access key for a different user, {requestParameters.userName}: a common persistence step.',
    nextStep: 'Deactivate the key unless the owner of that user confirms it.',
    references: [
      { source: 'SigmaHQ', name: 'AWS IAM Backdoor Users Keys' },
      { source: 'Elastic', name: 'AWS IAM User Created Access Keys For Another User' },
    ],
  },
  {
    id: 'TC-IAM-005',
    title: 'Console password or user created',
    severity: 'high',
    category: 'credential-creation',
    when: succeededCall(iam, 'CreateLoginProfile', 'UpdateLoginProfile', 'CreateUser', 'CreateServiceSpecificCredential', 'UploadSSHPublicKey'),
    reason: '{eventName} for {requestParameters.userName}: a new way to sign in.',
    nextStep: 'Confirm the user or password was expected; otherwise remove it.',
    references: [
      { source: 'Elastic', name: 'AWS IAM Login Profile Added to User' },
      { source: 'Panther', name: 'AWS User Login Profile Created or Modified' },
      { source: 'SigmaHQ', name: 'AWS User Login Profile Was Modified' },
    ],
  },
  {
    id: 'TC-IAM-006',
    title: 'User, key or MFA device removed',
    severity: 'medium',
    category: 'identity-deletion',
    when: succeededCall(iam, 'DeleteUser', 'DeleteAccessKey', 'DeleteLoginProfile', 'DeactivateMFADevice', 'DeleteVirtualMFADevice', 'DeleteRole', 'DeleteSSHPublicKey'),
    reason: '{eventName} on {requestParameters.userName|requestParameters.roleName|requestParameters.accessKeyId}: an identity or its credential is gone.',
    nextStep: 'Check whether the deletion covers tracks or locks out the rightful owner.',
    references: [
      { source: 'Elastic', name: 'AWS IAM Deactivation of MFA Device' },
      { source: 'Elastic', name: 'AWS IAM User Deletion' },
      { source: 'Panther', name: 'AWS IAM MFA Device Deactivated' },
    ],
  },
  {
    id: 'TC-IAM-007',
    title: 'Temporary credentials issued',
    severity: 'info',
    category: 'credential-creation',
    when: { all: [{ field: 'eventSource', equals: 'sts.amazonaws.com' }, { field: 'eventName', oneOf: ['GetSessionToken', 'GetFederationToken'] }, succeeded] },
    reason: '{eventName} issued temporary credentials; what they did is linked through the session.',
    nextStep: '',
    references: [{ source: 'Elastic', name: 'AWS STS Temporary Credentials via GetSessionToken' }],
  },
];
