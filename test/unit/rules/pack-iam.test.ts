import { credentialRules } from '../../../shared/rules/pack/credentials';
import { iamRules } from '../../../shared/rules/pack/iam';
import { describeFamily } from './cases';
import { denied, eventOf, roleSession, viaCloudFormation } from './records';

const iam = 'iam.amazonaws.com';
const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
const readOnly = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const starPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const s3Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/*' }] });
const trust = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

describeFamily('IAM privilege', iamRules, {
  'TC-IAM-001': {
    positive: [
      eventOf(iam, 'AttachUserPolicy', { requestParameters: { userName: 'mallory', policyArn: admin } }),
      eventOf(iam, 'AttachRolePolicy', { requestParameters: { roleName: 'r', policyArn: admin } }),
    ],
    negative: [eventOf(iam, 'AttachUserPolicy', { requestParameters: { userName: 'bob', policyArn: readOnly } }), eventOf(iam, 'AttachUserPolicy', { ...denied, requestParameters: { policyArn: admin } })],
  },
  'TC-IAM-020': {
    positive: [eventOf(iam, 'AttachRolePolicy', { requestParameters: { roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' } })],
    negative: [eventOf(iam, 'AttachRolePolicy', { requestParameters: { roleName: 'r', policyArn: readOnly } })],
  },
  'TC-IAM-002': {
    positive: [eventOf(iam, 'PutUserPolicy', { requestParameters: { userName: 'bob', policyName: 'p', policyDocument: s3Policy } }), eventOf(iam, 'AttachUserPolicy', { requestParameters: { userName: 'bob', policyArn: readOnly } })],
    negative: [
      eventOf(iam, 'AttachUserPolicy', { requestParameters: { policyArn: admin } }),
      eventOf(iam, 'GetUserPolicy'),
      eventOf(iam, 'PutRolePolicy', { ...viaCloudFormation, requestParameters: { roleName: 'stack-role', policyName: 'p', policyDocument: s3Policy } }),
    ],
  },
  'TC-IAM-008': {
    positive: [
      eventOf(iam, 'PutUserPolicy', { requestParameters: { userName: 'bob', policyName: 'all', policyDocument: starPolicy } }),
      eventOf(iam, 'CreatePolicyVersion', { requestParameters: { policyArn: 'arn:aws:iam::111122223333:policy/app', setAsDefault: true, policyDocument: JSON.stringify({ Statement: { Effect: 'Allow', Action: ['*:*'], Resource: ['*'] } }) } }),
    ],
    negative: [
      eventOf(iam, 'PutUserPolicy', { requestParameters: { userName: 'bob', policyName: 'p', policyDocument: s3Policy } }),
      eventOf(iam, 'PutRolePolicy', { requestParameters: { roleName: 'r', policyDocument: JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }) } }),
    ],
  },
  'TC-IAM-009': {
    positive: [
      eventOf(iam, 'CreatePolicyVersion', { requestParameters: { policyArn: 'arn:aws:iam::111122223333:policy/app', setAsDefault: true, policyDocument: s3Policy } }),
      eventOf(iam, 'SetDefaultPolicyVersion', { requestParameters: { policyArn: 'arn:aws:iam::111122223333:policy/app', versionId: 'v1' } }),
    ],
    negative: [
      eventOf(iam, 'CreatePolicyVersion', { requestParameters: { policyArn: 'arn:aws:iam::111122223333:policy/app', setAsDefault: false, policyDocument: s3Policy } }),
      eventOf(iam, 'SetDefaultPolicyVersion', { ...viaCloudFormation, requestParameters: { policyArn: 'arn:aws:iam::111122223333:policy/app', versionId: 'v2' } }),
    ],
  },
  'TC-IAM-010': {
    positive: [
      eventOf(iam, 'UpdateAssumeRolePolicy', { requestParameters: { roleName: 'ops', policyDocument: trust({ AWS: 'arn:aws:iam::444455556666:root' }) } }),
      eventOf(iam, 'CreateRole', { requestParameters: { roleName: 'backdoor', assumeRolePolicyDocument: trust({ AWS: '*' }) } }),
    ],
    negative: [
      eventOf(iam, 'CreateRole', { requestParameters: { roleName: 'lambda', assumeRolePolicyDocument: trust({ Service: 'lambda.amazonaws.com' }) } }),
      eventOf(iam, 'UpdateAssumeRolePolicy', { requestParameters: { roleName: 'ops', policyDocument: trust({ AWS: 'arn:aws:iam::111122223333:role/admin' }) } }),
    ],
  },
  'TC-IAM-011': {
    positive: [eventOf(iam, 'DeleteRolePermissionsBoundary', { requestParameters: { roleName: 'dev' } })],
    negative: [eventOf(iam, 'PutRolePermissionsBoundary', { requestParameters: { roleName: 'dev', permissionsBoundary: 'arn:aws:iam::111122223333:policy/b' } })],
  },
  'TC-IAM-012': {
    positive: [eventOf(iam, 'AddUserToGroup', { requestParameters: { userName: 'mallory', groupName: 'Administrators' } })],
    negative: [eventOf(iam, 'AddUserToGroup', { requestParameters: { userName: 'bob', groupName: 'developers' } })],
  },
  'TC-IAM-013': {
    positive: [
      eventOf('sts.amazonaws.com', 'AssumeRole', { requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole', roleSessionName: 'x' } }),
      eventOf('sts.amazonaws.com', 'AssumeRole', { requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/prod-admin', roleSessionName: 'x' } }),
    ],
    negative: [
      eventOf('sts.amazonaws.com', 'AssumeRole', { requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/reader', roleSessionName: 'x' } }),
      eventOf('sts.amazonaws.com', 'AssumeRole', { userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }, sourceIPAddress: 'ec2.amazonaws.com', requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/admin-instance' } }),
    ],
  },
  'TC-IAM-014': {
    positive: [eventOf(iam, 'DeactivateMFADevice', { requestParameters: { userName: 'bob', serialNumber: 'arn:aws:iam::111122223333:mfa/bob' } }), eventOf(iam, 'DeleteVirtualMFADevice')],
    negative: [eventOf(iam, 'ListMFADevices'), eventOf(iam, 'DeactivateMFADevice', denied)],
  },
  'TC-IAM-015': {
    positive: [eventOf(iam, 'DeleteAccountPasswordPolicy'), eventOf(iam, 'UpdateAccountPasswordPolicy', { requestParameters: { minimumPasswordLength: 6 } })],
    negative: [eventOf(iam, 'UpdateAccountPasswordPolicy', { requestParameters: { minimumPasswordLength: 14 } })],
  },
  'TC-IAM-016': {
    positive: [
      eventOf(iam, 'AttachUserPolicy', { userIdentity: { type: 'AWSService', invokedBy: 'iam.amazonaws.com' }, requestParameters: { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2' } }),
      eventOf(iam, 'PutUserPolicy', { requestParameters: { userName: 'bob', policyName: 'AWSExposedCredentialPolicy_DO_NOT_REMOVE' } }),
    ],
    negative: [eventOf(iam, 'AttachUserPolicy', { requestParameters: { userName: 'bob', policyArn: readOnly } })],
  },
  'TC-IAM-017': {
    positive: [eventOf('ec2.amazonaws.com', 'AssociateIamInstanceProfile', { requestParameters: { AssociateIamInstanceProfileRequest: { InstanceId: 'i-1', IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/admin' } } } })],
    negative: [eventOf('ec2.amazonaws.com', 'DescribeIamInstanceProfileAssociations')],
  },
  'TC-IAM-018': {
    positive: [eventOf('sso.amazonaws.com', 'CreateAccountAssignment', { requestParameters: { permissionSetArn: 'arn:aws:sso:::permissionSet/ps-1', targetId: '111122223333' } })],
    negative: [eventOf('sso.amazonaws.com', 'ListPermissionSets')],
  },
});

describeFamily('credentials', credentialRules, {
  'TC-IAM-003': {
    positive: [eventOf(iam, 'CreateAccessKey', { responseElements: { accessKey: { accessKeyId: 'AKIAEXAMPLE0000000', userName: 'alice', status: 'Active' } } })],
    negative: [eventOf(iam, 'ListAccessKeys'), eventOf(iam, 'CreateAccessKey', denied)],
  },
  'TC-IAM-004': {
    positive: [eventOf(iam, 'CreateAccessKey', { requestParameters: { userName: 'bob' } }), eventOf(iam, 'CreateAccessKey', { ...roleSession, requestParameters: { userName: 'bob' } })],
    negative: [eventOf(iam, 'CreateAccessKey', { requestParameters: { userName: 'alice' } }), eventOf(iam, 'CreateAccessKey')],
  },
  'TC-IAM-005': {
    positive: [eventOf(iam, 'CreateLoginProfile', { requestParameters: { userName: 'bob', passwordResetRequired: false } }), eventOf(iam, 'CreateUser', { requestParameters: { userName: 'svc' } })],
    negative: [eventOf(iam, 'GetLoginProfile', { requestParameters: { userName: 'bob' } }), eventOf(iam, 'CreateUser', { ...viaCloudFormation, requestParameters: { userName: 'user', path: '/' } })],
  },
  'TC-IAM-019': {
    positive: [eventOf(iam, 'UpdateLoginProfile', { requestParameters: { userName: 'bob', passwordResetRequired: false } }), eventOf(iam, 'UpdateLoginProfile', { ...roleSession, requestParameters: { userName: 'bob', passwordResetRequired: false } })],
    negative: [
      eventOf(iam, 'UpdateLoginProfile', { requestParameters: { userName: 'alice' } }),
      eventOf(iam, 'UpdateLoginProfile', { ...denied, requestParameters: { userName: 'bob' } }),
      eventOf(iam, 'UpdateLoginProfile', { requestParameters: { userName: 'bob', passwordResetRequired: true } }),
      eventOf(iam, 'UpdateLoginProfile', { ...roleSession, requestParameters: { userName: 'session', passwordResetRequired: false } }),
    ],
  },
  'TC-IAM-006': {
    positive: [eventOf(iam, 'DeleteUser', { requestParameters: { userName: 'bob' } }), eventOf(iam, 'DeleteRole', { requestParameters: { roleName: 'r' } })],
    negative: [eventOf(iam, 'ListUsers'), eventOf(iam, 'DeleteUser', denied), eventOf(iam, 'DeleteRole', { ...viaCloudFormation, requestParameters: { roleName: 'stack-role' } })],
  },
  'TC-IAM-007': {
    positive: [eventOf('sts.amazonaws.com', 'GetSessionToken')],
    negative: [eventOf('sts.amazonaws.com', 'GetCallerIdentity')],
  },
  'TC-CRED-001': {
    positive: [eventOf('sts.amazonaws.com', 'GetFederationToken', { requestParameters: { name: 'stratus', durationSeconds: 129600 } })],
    negative: [eventOf('sts.amazonaws.com', 'GetFederationToken', { ...denied, requestParameters: { name: 'x' } })],
  },
  'TC-CRED-002': {
    positive: [eventOf('signin.amazonaws.com', 'GetSigninToken', { ...roleSession, userAgent: 'python-requests/2.28.0' })],
    negative: [
      eventOf('signin.amazonaws.com', 'GetSigninToken', { userAgent: 'Jersey/${project.version}', userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123/user@example.com' } }),
      eventOf('signin.amazonaws.com', 'ConsoleLogin', { responseElements: { ConsoleLogin: 'Success' } }),
    ],
  },
  'TC-CRED-003': {
    positive: [eventOf(iam, 'CreateSAMLProvider', { requestParameters: { name: 'okta', sAMLMetadataDocument: '<md/>' } }), eventOf(iam, 'UpdateSAMLProvider', { requestParameters: { sAMLProviderArn: 'arn:aws:iam::111122223333:saml-provider/okta' } })],
    negative: [eventOf(iam, 'ListSAMLProviders')],
  },
  'TC-CRED-004': {
    positive: [eventOf('rolesanywhere.amazonaws.com', 'CreateTrustAnchor', { requestParameters: { name: 'ca', source: { sourceType: 'CERTIFICATE_BUNDLE' }, enabled: true } })],
    negative: [eventOf('rolesanywhere.amazonaws.com', 'ListTrustAnchors')],
  },
  'TC-CRED-006': {
    positive: [eventOf('sso-directory.amazonaws.com', 'EnableExternalIdPConfigurationForDirectory', { requestParameters: { directoryId: 'd-1' } })],
    negative: [eventOf('sso-directory.amazonaws.com', 'DescribeDirectory')],
  },
  'TC-CRED-007': {
    positive: [eventOf('cognito-idp.amazonaws.com', 'AdminSetUserPassword', { requestParameters: { userPoolId: 'us-east-1_abc', username: 'ceo@example.com', permanent: true } })],
    negative: [eventOf('cognito-idp.amazonaws.com', 'AdminGetUser', { requestParameters: { userPoolId: 'us-east-1_abc', username: 'ceo@example.com' } })],
  },
  'TC-CRED-008': {
    positive: [eventOf('cognito-identity.amazonaws.com', 'UpdateIdentityPool', { requestParameters: { identityPoolId: 'us-east-1:1', identityPoolName: 'app', allowUnauthenticatedIdentities: true } })],
    negative: [eventOf('cognito-identity.amazonaws.com', 'UpdateIdentityPool', { requestParameters: { identityPoolId: 'us-east-1:1', allowUnauthenticatedIdentities: false } })],
  },
  'TC-CRED-005': {
    positive: [eventOf('ec2.amazonaws.com', 'ImportKeyPair', { requestParameters: { keyName: 'k' } }), eventOf('ec2.amazonaws.com', 'CreateKeyPair', { requestParameters: { keyName: 'stratus' } })],
    negative: [eventOf('ec2.amazonaws.com', 'DescribeKeyPairs')],
  },
});
