import type { RiskRule } from '../rule';
import { succeededCall } from './helpers';

/** Logging and monitoring tampering: the attacker blinding the defenders. */
export const loggingRules: readonly RiskRule[] = [
  {
    id: 'TC-LOG-001',
    title: 'CloudTrail logging stopped or trail deleted',
    severity: 'critical',
    category: 'logging-tampering',
    when: succeededCall('cloudtrail.amazonaws.com', 'StopLogging', 'DeleteTrail'),
    reason: '{eventName} on trail {requestParameters.name}: activity after this may not be recorded.',
    nextStep: 'Restart logging on the trail (StartLogging) and check what happened while it was off.',
    references: [
      { source: 'SigmaHQ', name: 'AWS CloudTrail Important Change' },
      { source: 'Panther', name: 'CloudTrail Stopped' },
      { source: 'Elastic', name: 'AWS CloudTrail Log Suspended' },
      { source: 'Elastic', name: 'AWS CloudTrail Log Deleted' },
    ],
  },
  {
    id: 'TC-LOG-002',
    title: 'CloudTrail trail or event selectors changed',
    severity: 'high',
    category: 'logging-tampering',
    when: succeededCall('cloudtrail.amazonaws.com', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors'),
    reason: '{eventName} on trail {requestParameters.trailName|requestParameters.name}: what the trail records may have been narrowed.',
    nextStep: 'Compare the trail settings with the expected baseline.',
    references: [
      { source: 'SigmaHQ', name: 'AWS CloudTrail Important Change' },
      { source: 'Elastic', name: 'AWS CloudTrail Log Updated' },
    ],
  },
  {
    id: 'TC-LOG-003',
    title: 'AWS Config recording stopped or removed',
    severity: 'high',
    category: 'logging-tampering',
    when: succeededCall('config.amazonaws.com', 'StopConfigurationRecorder', 'DeleteConfigurationRecorder', 'DeleteDeliveryChannel'),
    reason: '{eventName}: configuration changes are no longer recorded.',
    nextStep: 'Restart the configuration recorder and review changes made since.',
    references: [
      { source: 'SigmaHQ', name: 'AWS Config Disabling Channel/Recorder' },
      { source: 'Elastic', name: 'AWS Config Resource Deletion' },
      { source: 'Panther', name: 'AWS Config Service Disabled' },
    ],
  },
  {
    id: 'TC-LOG-004',
    title: 'GuardDuty detector deleted or disconnected',
    severity: 'high',
    category: 'logging-tampering',
    when: succeededCall('guardduty.amazonaws.com', 'DeleteDetector', 'DisassociateFromMasterAccount', 'DisassociateFromAdministratorAccount', 'StopMonitoringMembers', 'DeleteMembers', 'CreateIPSet', 'UpdateIPSet'),
    reason: '{eventName}: threat detection may no longer see this account.',
    nextStep: 'Re-enable GuardDuty and check its findings for the period.',
    references: [
      { source: 'SigmaHQ', name: 'AWS GuardDuty Important Change' },
      { source: 'Elastic', name: 'AWS GuardDuty Detector Deletion' },
    ],
  },
  {
    id: 'TC-LOG-005',
    title: 'CloudWatch log group or stream deleted',
    severity: 'medium',
    category: 'logging-tampering',
    when: succeededCall('logs.amazonaws.com', 'DeleteLogGroup', 'DeleteLogStream'),
    reason: '{eventName} on {requestParameters.logGroupName}: stored logs were destroyed.',
    nextStep: 'Check whether the log group held security-relevant logs and whether copies exist.',
    references: [
      { source: 'Elastic', name: 'AWS CloudWatch Log Group Deletion' },
      { source: 'Elastic', name: 'AWS CloudWatch Log Stream Deletion' },
    ],
  },
];
