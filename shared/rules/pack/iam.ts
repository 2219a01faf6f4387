import type { Condition } from '../condition';
import type { RiskRule } from '../rule';
import { allowsEveryone, allowsEverything, isTrue, namesOtherAccount, notByAwsService, personCall, succeeded, succeededCall } from './helpers';

const iam = 'iam.amazonaws.com';

/** Policy names that grant (or are named as granting) administration. */
const adminName = '(?:admin|poweruser|fullaccess|organizationaccountaccessrole|break-?glass)';

/** The AWS managed policies that grant administration, or the means to grant it to oneself. */
const administratorAccess: Condition = { field: 'requestParameters.policyArn', endsWith: ':policy/AdministratorAccess' };
const iamFullAccess: Condition = { field: 'requestParameters.policyArn', endsWith: ':policy/IAMFullAccess' };

/** IAM privilege changes: what an identity may do, and who may become it. */
export const iamRules: readonly RiskRule[] = [
  {
    id: 'TC-IAM-001',
    title: 'AdministratorAccess attached',
    severity: 'critical',
    category: 'privilege-change',
    when: {
      all: [
        succeededCall(iam, 'AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy'),
        administratorAccess,
      ],
    },
    reason: '{eventName} attached {requestParameters.policyArn} to {requestParameters.userName|requestParameters.roleName|requestParameters.groupName}: full control of the account.',
    nextStep: 'Confirm the change was approved; otherwise detach the policy and rotate the credentials involved.',
    attack: ['T1098.003'],
    references: [
      { source: 'Elastic', name: 'AWS IAM AdministratorAccess Policy Attached to User' },
      { source: 'Elastic', name: 'AWS IAM AdministratorAccess Policy Attached to Role' },
      { source: 'Elastic', name: 'AWS IAM AdministratorAccess Policy Attached to Group' },
      { source: 'Panther', name: 'IAM Policy Modified' },
      { source: 'Stratus Red Team', name: 'Create an administrative IAM User' },
      { source: 'TrailDiscover', name: 'AttachUserPolicy' },
    ],
  },
  {
    id: 'TC-IAM-020',
    title: 'IAMFullAccess attached',
    severity: 'high',
    category: 'privilege-change',
    when: { all: [succeededCall(iam, 'AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy'), iamFullAccess] },
    reason: '{eventName} attached {requestParameters.policyArn} to {requestParameters.userName|requestParameters.roleName|requestParameters.groupName}: it may now grant itself any permission.',
    nextStep: 'Confirm the change was approved; otherwise detach the policy.',
    attack: ['T1098.003'],
    references: [
      { source: 'Panther', name: 'IAM Policy Modified' },
      { source: 'TrailDiscover', name: 'AttachRolePolicy' },
    ],
  },
  {
    id: 'TC-IAM-002',
    title: 'IAM permissions changed',
    severity: 'medium',
    category: 'privilege-change',
    when: {
      all: [
        personCall(iam, 'AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy', 'PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy', 'CreatePolicy', 'CreatePolicyVersion', 'SetDefaultPolicyVersion', 'UpdateAssumeRolePolicy', 'AddUserToGroup', 'PutUserPermissionsBoundary', 'PutRolePermissionsBoundary', 'DeleteUserPermissionsBoundary', 'DeleteRolePermissionsBoundary', 'DetachUserPolicy', 'DetachRolePolicy', 'DetachGroupPolicy', 'DeleteUserPolicy', 'DeleteRolePolicy', 'DeleteGroupPolicy', 'DeletePolicy', 'DeletePolicyVersion', 'AddRoleToInstanceProfile'),
        { not: administratorAccess },
      ],
    },
    reason: '{eventName} changed what {requestParameters.userName|requestParameters.roleName|requestParameters.groupName|requestParameters.policyArn|requestParameters.policyName} may do.',
    nextStep: 'Review the policy document and who approved the change.',
    attack: ['T1098'],
    references: [
      { source: 'Panther', name: 'IAM Policy Modified' },
      { source: 'Elastic', name: 'AWS IAM User Addition to Group' },
      { source: 'Elastic', name: 'AWS IAM Assume Role Policy Update' },
      { source: 'TrailDiscover', name: 'PutUserPolicy' },
      { source: 'Panther', name: 'IAM Change' },
    ],
  },
  {
    id: 'TC-IAM-008',
    title: 'Policy grants every action on every resource',
    severity: 'critical',
    category: 'privilege-change',
    when: {
      all: [
        succeededCall(iam, 'PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy', 'CreatePolicy', 'CreatePolicyVersion'),
        allowsEverything('requestParameters.policyDocument'),
      ],
    },
    reason: '{eventName} wrote a policy allowing "*" on "*" for {requestParameters.userName|requestParameters.roleName|requestParameters.groupName|requestParameters.policyArn|requestParameters.policyName}: full administrator rights.',
    nextStep: 'Remove the policy unless an administrator made it on purpose, and review what the identity did with it.',
    attack: ['T1098.003'],
    references: [
      { source: 'SigmaHQ', name: 'AWS IAM Managed Policy Version Created or Default Version Set' },
      { source: 'Panther', name: 'IAM Policy Modified' },
      { source: 'TrailDiscover', name: 'PutUserPolicy' },
      { source: 'Splunk', name: 'AWS Create Policy Version to allow all resources' },
    ],
  },
  {
    id: 'TC-IAM-009',
    title: 'Managed policy version made default',
    severity: 'high',
    category: 'privilege-change',
    when: {
      all: [
        {
          any: [
            { all: [succeededCall(iam, 'CreatePolicyVersion'), isTrue('requestParameters.setAsDefault')] },
            succeededCall(iam, 'SetDefaultPolicyVersion'),
          ],
        },
        notByAwsService,
      ],
    },
    reason: '{eventName} on {requestParameters.policyArn} changed which version of the policy is in force (version {requestParameters.versionId|responseElements.policyVersion.versionId}).',
    nextStep: 'Compare the new default version with the previous one.',
    attack: ['T1098.003'],
    references: [
      { source: 'SigmaHQ', name: 'AWS IAM Managed Policy Version Created or Default Version Set' },
      { source: 'TrailDiscover', name: 'SetDefaultPolicyVersion' },
    ],
  },
  {
    id: 'TC-IAM-010',
    title: 'Role trusts another account or everyone',
    severity: 'critical',
    category: 'privilege-change',
    when: {
      any: [
        { all: [succeededCall(iam, 'UpdateAssumeRolePolicy'), { any: [namesOtherAccount('requestParameters.policyDocument'), allowsEveryone('requestParameters.policyDocument')] }] },
        { all: [succeededCall(iam, 'CreateRole'), { any: [namesOtherAccount('requestParameters.assumeRolePolicyDocument'), allowsEveryone('requestParameters.assumeRolePolicyDocument')] }] },
      ],
    },
    reason: '{eventName} on role {requestParameters.roleName} lets principals outside this account (or anyone) assume it: a backdoor into the account.',
    nextStep: 'Read the trust policy; remove outside principals that are not known partners.',
    attack: ['T1098.003', 'T1078.004'],
    references: [
      { source: 'Elastic', name: 'AWS IAM Assume Role Policy Update' },
      { source: 'Stratus Red Team', name: 'Backdoor an IAM Role' },
      { source: 'Stratus Red Team', name: 'Create a backdoored IAM Role' },
      { source: 'TrailDiscover', name: 'UpdateAssumeRolePolicy' },
    ],
  },
  {
    id: 'TC-IAM-011',
    title: 'Permissions boundary removed',
    severity: 'high',
    category: 'privilege-change',
    when: succeededCall(iam, 'DeleteUserPermissionsBoundary', 'DeleteRolePermissionsBoundary'),
    reason: '{eventName} lifted the limit on what {requestParameters.userName|requestParameters.roleName} may do.',
    nextStep: 'Restore the boundary unless its removal was approved.',
    attack: ['T1098'],
    references: [{ source: 'TrailDiscover', name: 'DeleteUserPermissionsBoundary' }],
  },
  {
    id: 'TC-IAM-012',
    title: 'User added to an administrators group',
    severity: 'high',
    category: 'privilege-change',
    when: { all: [succeededCall(iam, 'AddUserToGroup'), { field: 'requestParameters.groupName', matches: adminName, flags: 'i' }] },
    reason: 'AddUserToGroup put {requestParameters.userName} in group {requestParameters.groupName}, whose name suggests administrator rights.',
    nextStep: 'Confirm the membership was approved; otherwise remove it.',
    attack: ['T1098.003'],
    references: [
      { source: 'Elastic', name: 'AWS IAM User Addition to Group' },
      { source: 'TrailDiscover', name: 'AddUserToGroup' },
    ],
  },
  {
    id: 'TC-IAM-013',
    title: 'Administrator-like role assumed',
    severity: 'medium',
    category: 'privilege-change',
    when: {
      all: [
        succeededCall('sts.amazonaws.com', 'AssumeRole'),
        { field: 'requestParameters.roleArn', matches: `:role/.*${adminName}`, flags: 'i' },
        notByAwsService,
      ],
    },
    reason: '{userIdentity.arn} assumed {requestParameters.roleArn} (session {requestParameters.roleSessionName}): a role whose name suggests administrator rights.',
    nextStep: 'Check that this identity normally uses the role, and what the session did.',
    attack: ['T1078.004', 'T1548'],
    references: [{ source: 'TrailDiscover', name: 'AssumeRole' }],
  },
  {
    id: 'TC-IAM-014',
    title: 'MFA device deactivated or deleted',
    severity: 'high',
    category: 'privilege-change',
    when: succeededCall(iam, 'DeactivateMFADevice', 'DeleteVirtualMFADevice'),
    reason: '{eventName} removed MFA device {requestParameters.serialNumber} of {requestParameters.userName}: the account can now be used with a password or key alone.',
    nextStep: 'Ask the user; re-register MFA and check sign-ins since.',
    attack: ['T1556.006'],
    references: [
      { source: 'Elastic', name: 'AWS IAM Deactivation of MFA Device' },
      { source: 'TrailDiscover', name: 'DeactivateMFADevice' },
      { source: 'Splunk', name: 'AWS Multi-Factor Authentication Disabled' },
    ],
  },
  {
    id: 'TC-IAM-015',
    title: 'Account password policy weakened or deleted',
    severity: 'medium',
    category: 'privilege-change',
    when: {
      any: [
        personCall(iam, 'DeleteAccountPasswordPolicy'),
        { all: [personCall(iam, 'UpdateAccountPasswordPolicy'), { field: 'requestParameters.minimumPasswordLength', atMost: 11 }] },
      ],
    },
    reason: '{eventName}: passwords in this account may now be weaker (minimum length {requestParameters.minimumPasswordLength}).',
    nextStep: 'Restore the organisation\'s password policy.',
    attack: ['T1556'],
    references: [
      { source: 'TrailDiscover', name: 'DeleteAccountPasswordPolicy' },
      { source: 'Splunk', name: 'AWS Password Policy Changes' },
    ],
  },
  {
    id: 'TC-IAM-016',
    title: 'AWS quarantined an exposed access key',
    severity: 'high',
    category: 'privilege-change',
    when: {
      any: [
        { all: [succeededCall(iam, 'AttachUserPolicy'), { field: 'requestParameters.policyArn', matches: ':policy/AWSCompromisedKeyQuarantine' }] },
        { all: [succeededCall(iam, 'PutUserPolicy'), { field: 'requestParameters.policyName', equals: 'AWSExposedCredentialPolicy_DO_NOT_REMOVE' }] },
      ],
    },
    reason: '{eventName} put {requestParameters.policyArn|requestParameters.policyName} on {requestParameters.userName}: AWS found this user\'s access key exposed (for example in a public repository).',
    nextStep: 'Treat the key as compromised: rotate it and review everything it did.',
    attack: ['T1078.004'],
    references: [
      { source: 'Elastic', name: 'AWS IAM CompromisedKeyQuarantine Policy Attached to User' },
      { source: 'Panther', name: 'AWS Compromised IAM Key Quarantine' },
      { source: 'Panther', name: 'AWS Access Key Uploaded to Github' },
    ],
  },
  {
    id: 'TC-IAM-017',
    title: 'Instance profile attached to an instance',
    severity: 'medium',
    category: 'privilege-change',
    when: personCall('ec2.amazonaws.com', 'AssociateIamInstanceProfile', 'ReplaceIamInstanceProfileAssociation'),
    reason: '{eventName} gave instance {requestParameters.AssociateIamInstanceProfileRequest.InstanceId|requestParameters.instanceId} the role of {requestParameters.AssociateIamInstanceProfileRequest.IamInstanceProfile.Arn|requestParameters.iamInstanceProfile.arn|requestParameters.ReplaceIamInstanceProfileAssociationRequest.IamInstanceProfile.Arn}: code on it acts with that role.',
    nextStep: 'Check who can run code on the instance and what the role allows.',
    attack: ['T1098.003'],
    references: [{ source: 'TrailDiscover', name: 'AssociateIamInstanceProfile' }],
  },
  {
    id: 'TC-IAM-018',
    title: 'Identity Center permission set or assignment changed',
    severity: 'medium',
    category: 'privilege-change',
    when: {
      all: [
        succeededCall('sso.amazonaws.com', 'CreatePermissionSet', 'PutInlinePolicyToPermissionSet', 'AttachManagedPolicyToPermissionSet', 'AttachCustomerManagedPolicyReferenceToPermissionSet', 'CreateAccountAssignment', 'UpdatePermissionSet', 'ProvisionPermissionSet'),
        succeeded,
      ],
    },
    reason: '{eventName} on {requestParameters.permissionSetArn|requestParameters.name}: who may sign in to which account, with what rights, changed.',
    nextStep: 'Review the permission set and its assignments.',
    attack: ['T1098.003'],
    references: [{ source: 'TrailDiscover', name: 'CreateAccountAssignment' }],
  },
];
