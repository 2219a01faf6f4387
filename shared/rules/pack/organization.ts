import type { RiskRule } from '../rule';
import { call, failed, personCall, succeededCall } from './helpers';

const organizations = 'organizations.amazonaws.com';

/** AWS Organizations and account-level settings: leaving the organisation's guard rails, new accounts and regions. */
export const organizationRules: readonly RiskRule[] = [
  {
    id: 'TC-ORG-001',
    title: 'Account left the organization',
    severity: 'critical',
    category: 'organization',
    when: succeededCall(organizations, 'LeaveOrganization'),
    reason: 'LeaveOrganization succeeded: the account no longer falls under the organisation\'s policies or central logging.',
    nextStep: 'Recover the account into the organisation and review what was done while outside.',
    attack: ['T1666', 'T1562'],
    references: [
      { source: 'Stratus Red Team', name: 'Attempt to Leave the AWS Organization' },
      { source: 'TrailDiscover', name: 'LeaveOrganization' },
    ],
  },
  {
    id: 'TC-ORG-005',
    title: 'Refused attempt to leave the organization',
    severity: 'high',
    category: 'organization',
    when: { all: [call(organizations, 'LeaveOrganization'), failed] },
    reason: 'LeaveOrganization was refused with {errorCode}: someone tried to take the account out of the organisation\'s guard rails.',
    nextStep: 'Find who tried and treat their credential as suspect.',
    attack: ['T1666', 'T1562'],
    references: [
      { source: 'Stratus Red Team', name: 'Attempt to Leave the AWS Organization' },
      { source: 'TrailDiscover', name: 'LeaveOrganization' },
    ],
  },
  {
    id: 'TC-ORG-002',
    title: 'Organization guard rails removed',
    severity: 'high',
    category: 'organization',
    when: succeededCall(organizations, 'DisablePolicyType', 'DetachPolicy', 'DeletePolicy', 'UpdatePolicy', 'DeleteOrganization', 'RemoveAccountFromOrganization', 'DisableAWSServiceAccess', 'DeregisterDelegatedAdministrator'),
    reason: '{eventName} ({requestParameters.policyType|requestParameters.policyId|requestParameters.accountId|requestParameters.servicePrincipal}): what the organisation enforces on its accounts changed.',
    nextStep: 'Restore the policies or membership unless the change was approved.',
    attack: ['T1666', 'T1562'],
    references: [{ source: 'TrailDiscover', name: 'DisablePolicyType' }],
  },
  {
    id: 'TC-ORG-003',
    title: 'Account created or invited into the organization',
    severity: 'medium',
    category: 'organization',
    when: personCall(organizations, 'CreateAccount', 'CreateGovCloudAccount', 'InviteAccountToOrganization', 'AcceptHandshake'),
    reason: '{eventName} ({requestParameters.accountName|requestParameters.email|requestParameters.target.id|requestParameters.handshakeId}): an account joined or was made.',
    nextStep: 'Confirm the new account is known and enrolled in central logging.',
    attack: ['T1136.003', 'T1666'],
    references: [{ source: 'TrailDiscover', name: 'CreateAccount' }],
  },
  {
    id: 'TC-ORG-004',
    title: 'AWS region enabled',
    severity: 'medium',
    category: 'organization',
    when: personCall('account.amazonaws.com', 'EnableRegion'),
    reason: 'EnableRegion turned on {requestParameters.RegionName|requestParameters.regionName}: a region nobody watches is a place to hide resources.',
    nextStep: 'Confirm the region is needed and covered by logging and GuardDuty.',
    attack: ['T1535'],
    references: [
      { source: 'SigmaHQ', name: 'AWS EnableRegion Command Monitoring' },
      { source: 'TrailDiscover', name: 'EnableRegion' },
    ],
  },
];
