import { accessRules } from '../../../shared/rules/pack/access';
import { discoveryRules } from '../../../shared/rules/pack/discovery';
import { organizationRules } from '../../../shared/rules/pack/organization';
import { describeFamily } from './cases';
import { denied, eventOf, roleSession } from './records';

const iam = 'iam.amazonaws.com';
const s3 = 's3.amazonaws.com';
const signin = 'signin.amazonaws.com';
const consoleLogin = (fields: Record<string, unknown>) => eventOf(signin, 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', userAgent: 'Mozilla/5.0', ...fields });

describeFamily('access', accessRules, {
  'TC-LOGIN-001': {
    positive: [consoleLogin({ errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' }, additionalEventData: { MFAUsed: 'Yes' } })],
    negative: [consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } })],
  },
  'TC-LOGIN-002': {
    positive: [consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } })],
    negative: [
      consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } }),
      consoleLogin({ ...roleSession, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }),
    ],
  },
  'TC-LOGIN-008': {
    positive: [consoleLogin({ ...roleSession, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com' } })],
    negative: [
      consoleLogin({ userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_1/alice' }, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }),
      consoleLogin({ ...roleSession, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No', SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/okta' } }),
    ],
  },
  'TC-LOGIN-009': {
    positive: [consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } })],
    negative: [consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }), consoleLogin({ errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } })],
  },
  'TC-LOGIN-003': {
    positive: [eventOf(signin, 'CheckMfa', { responseElements: { CheckMfa: 'Failure' } })],
    negative: [eventOf(signin, 'CheckMfa', { responseElements: { CheckMfa: 'Success' } })],
  },
  'TC-LOGIN-004': {
    positive: [eventOf(signin, 'PasswordRecoveryRequested', { responseElements: { PasswordRecoveryRequested: 'Success' } })],
    negative: [eventOf(signin, 'PasswordRecoveryCompleted')],
  },
  'TC-LOGIN-005': {
    positive: [consoleLogin({ userIdentity: { type: 'FederatedUser', arn: 'arn:aws:sts::111122223333:federated-user/stratus' }, responseElements: { ConsoleLogin: 'Success' } })],
    negative: [consoleLogin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } })],
  },
  'TC-LOGIN-006': {
    positive: [eventOf(signin, 'SwitchRole', { ...roleSession, responseElements: { SwitchRole: 'Success' } })],
    negative: [eventOf(signin, 'SwitchRole', { errorCode: 'Failure', responseElements: { SwitchRole: 'Failure' } })],
  },
  'TC-LOGIN-007': {
    positive: [eventOf('sts.amazonaws.com', 'AssumeRoleWithSAML', { userIdentity: { type: 'SAMLUser', principalId: 'okta:alice', userName: 'alice@example.com' }, requestParameters: { roleArn: 'arn:aws:iam::111122223333:role/okta-admin', principalArn: 'arn:aws:iam::111122223333:saml-provider/okta' } })],
    negative: [eventOf('sts.amazonaws.com', 'AssumeRoleWithSAML', { errorCode: 'InvalidIdentityToken', userIdentity: { type: 'SAMLUser' } })],
  },
  'TC-DENY-001': {
    positive: [eventOf(s3, 'PutObject', denied), eventOf('ec2.amazonaws.com', 'RunInstances', { errorCode: 'Client.UnauthorizedOperation' })],
    negative: [
      eventOf(s3, 'PutObject'),
      eventOf(iam, 'ListUsers', denied),
      eventOf('ec2.amazonaws.com', 'RunInstances', { errorCode: 'InvalidParameterValue' }),
      eventOf('sqs.amazonaws.com', 'SendMessage', { ...denied, sourceIPAddress: 'sns.amazonaws.com', userIdentity: { type: 'AWSService', invokedBy: 'sns.amazonaws.com' } }),
    ],
  },
  'TC-RECON-001': {
    positive: [
      eventOf(iam, 'ListUsers', denied),
      eventOf(iam, 'GetAccountAuthorizationDetails', { errorCode: 'AccessDeniedException' }),
      eventOf('dynamodb.amazonaws.com', 'ListTables', denied),
    ],
    negative: [eventOf(iam, 'ListUsers'), eventOf(s3, 'PutObject', denied), eventOf(iam, 'ListRoles', { ...denied, userAgent: 'aws-internal/3 aws-sdk-java/1.12.500' })],
  },
  'TC-ROOT-001': {
    positive: [eventOf(iam, 'ListUsers', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' } })],
    negative: [
      eventOf(iam, 'ListUsers'),
      eventOf(s3, 'GetObject', { userIdentity: { type: 'Root', invokedBy: 'cloudtrail.amazonaws.com' } }),
      consoleLogin({ userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' }, errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } }),
      eventOf(iam, 'CreateServiceLinkedRole', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' }, requestParameters: { aWSServiceName: 'guardduty.amazonaws.com' } }),
    ],
  },
  'TC-ROOT-002': {
    positive: [eventOf(iam, 'CreateAccessKey', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' }, responseElements: { accessKey: { accessKeyId: 'AKIAROOTEXAMPLE00000' } } })],
    negative: [eventOf(iam, 'CreateAccessKey', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' }, requestParameters: { userName: 'bob' } })],
  },
  'TC-TOOL-001': {
    positive: [eventOf('sts.amazonaws.com', 'GetCallerIdentity', { userAgent: 'TruffleHog' }), eventOf(iam, 'ListUsers', { userAgent: 'aws-cli/1.22.34 Python/3.9.2 Linux/5.10.0-kali7-amd64 botocore/1.23.34' })],
    negative: [eventOf('sts.amazonaws.com', 'GetCallerIdentity', { userAgent: 'aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5' })],
  },
});

describeFamily('discovery', discoveryRules, {
  'TC-RECON-002': {
    positive: [eventOf(iam, 'GetAccountAuthorizationDetails', { requestParameters: { filter: ['User', 'Role'] } })],
    negative: [eventOf(iam, 'GetUser')],
  },
  'TC-RECON-003': {
    positive: [eventOf(iam, 'GetAccountPasswordPolicy')],
    negative: [eventOf(iam, 'GetAccountPasswordPolicy', { eventType: 'AwsServiceEvent', userIdentity: { type: 'AWSService', invokedBy: 'config.amazonaws.com' } })],
  },
  'TC-RECON-004': {
    positive: [eventOf('account.amazonaws.com', 'GetAlternateContact', { requestParameters: { alternateContactType: 'SECURITY' } })],
    negative: [eventOf('account.amazonaws.com', 'ListRegions')],
  },
  'TC-RECON-005': {
    positive: [eventOf('ses.amazonaws.com', 'GetSendQuota', roleSession), eventOf('ses.amazonaws.com', 'ListIdentities')],
    negative: [eventOf('ses.amazonaws.com', 'GetSendQuota', { userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForTrustedAdvisor/TrustedAdvisor' } })],
  },
  'TC-RECON-006': {
    positive: [eventOf(s3, 'ListBuckets'), eventOf(iam, 'ListRoles'), eventOf('ec2.amazonaws.com', 'DescribeSecurityGroups', { requestParameters: { securityGroupSet: {}, securityGroupIdSet: {} } })],
    negative: [
      eventOf(s3, 'ListBuckets', { userAgent: '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488]', sessionCredentialFromConsole: 'true' }),
      eventOf(iam, 'ListRoles', denied),
      eventOf('ec2.amazonaws.com', 'DescribeSecurityGroups', { requestParameters: { securityGroupSet: {}, filterSet: { items: [{ name: 'vpc-id', valueSet: { items: [{ value: 'vpc-1' }] } }] } } }),
    ],
  },
  'TC-RECON-007': {
    positive: [eventOf('ec2.amazonaws.com', 'DescribeInstanceAttribute', { requestParameters: { instanceId: 'i-1', attribute: 'userData' } })],
    negative: [eventOf('ec2.amazonaws.com', 'DescribeInstanceAttribute', { requestParameters: { instanceId: 'i-1', attribute: 'instanceType' } })],
  },
});

describeFamily('organization', organizationRules, {
  'TC-ORG-001': {
    positive: [eventOf('organizations.amazonaws.com', 'LeaveOrganization')],
    negative: [eventOf('organizations.amazonaws.com', 'LeaveOrganization', denied)],
  },
  'TC-ORG-005': {
    positive: [eventOf('organizations.amazonaws.com', 'LeaveOrganization', denied)],
    negative: [eventOf('organizations.amazonaws.com', 'LeaveOrganization'), eventOf('organizations.amazonaws.com', 'DescribeOrganization', denied)],
  },
  'TC-ORG-002': {
    positive: [eventOf('organizations.amazonaws.com', 'DisablePolicyType', { requestParameters: { rootId: 'r-1', policyType: 'SERVICE_CONTROL_POLICY' } })],
    negative: [eventOf('organizations.amazonaws.com', 'EnablePolicyType', { requestParameters: { policyType: 'SERVICE_CONTROL_POLICY' } })],
  },
  'TC-ORG-003': {
    positive: [eventOf('organizations.amazonaws.com', 'CreateAccount', { requestParameters: { accountName: 'x', email: 'x@example.com' } })],
    negative: [eventOf('organizations.amazonaws.com', 'ListAccounts')],
  },
  'TC-ORG-004': {
    positive: [eventOf('account.amazonaws.com', 'EnableRegion', { requestParameters: { RegionName: 'ap-east-1' } })],
    negative: [eventOf('account.amazonaws.com', 'DisableRegion', { requestParameters: { RegionName: 'ap-east-1' } })],
  },
});
