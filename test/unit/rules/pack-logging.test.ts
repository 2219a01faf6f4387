import { loggingRules } from '../../../shared/rules/pack/logging';
import { monitoringRules } from '../../../shared/rules/pack/monitoring';
import { describeFamily } from './cases';
import { denied, eventOf, roleSession, viaCloudFormation } from './records';

const cloudtrail = 'cloudtrail.amazonaws.com';
const guardduty = 'guardduty.amazonaws.com';
const trailArn = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail';

describeFamily('logging', loggingRules, {
  'TC-LOG-001': {
    positive: [eventOf(cloudtrail, 'StopLogging', { requestParameters: { name: trailArn } }), eventOf(cloudtrail, 'DeleteTrail', { requestParameters: { name: 'org-trail' } })],
    negative: [eventOf(cloudtrail, 'StartLogging', { requestParameters: { name: trailArn } }), eventOf(cloudtrail, 'StopLogging', { errorCode: 'InvalidTrailNameException' }), eventOf('example.amazonaws.com', 'StopLogging')],
  },
  'TC-LOG-002': {
    positive: [
      eventOf(cloudtrail, 'PutEventSelectors', { requestParameters: { trailName: 'org-trail', eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: false, dataResources: [], excludeManagementEventSources: [] }] } }),
      eventOf(cloudtrail, 'PutEventSelectors', { requestParameters: { trailName: 'org-trail', eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, excludeManagementEventSources: ['kms.amazonaws.com'] }] } }),
      eventOf(cloudtrail, 'PutEventSelectors', { requestParameters: { trailName: 'org-trail', advancedEventSelectors: [{ name: 'S3 only', fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] }] } }),
    ],
    negative: [
      eventOf(cloudtrail, 'PutEventSelectors', { requestParameters: { trailName: 'org-trail', eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] }] } }),
      eventOf(cloudtrail, 'GetEventSelectors', { requestParameters: { trailName: 'org-trail' } }),
      eventOf(cloudtrail, 'PutEventSelectors', {
        requestParameters: {
          trailName: 'org-trail',
          advancedEventSelectors: [
            { name: 'Management', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
            { name: 'S3 writes', fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'readOnly', equals: ['false'] }] },
          ],
        },
      }),
    ],
  },
  'TC-LOG-003': {
    positive: [eventOf('config.amazonaws.com', 'StopConfigurationRecorder', { requestParameters: { configurationRecorderName: 'default' } }), eventOf('config.amazonaws.com', 'DeleteDeliveryChannel')],
    negative: [eventOf('config.amazonaws.com', 'StartConfigurationRecorder'), eventOf('config.amazonaws.com', 'StopConfigurationRecorder', denied)],
  },
  'TC-LOG-006': {
    positive: [eventOf(cloudtrail, 'UpdateTrail', { requestParameters: { name: 'org-trail', isMultiRegionTrail: false } })],
    negative: [eventOf(cloudtrail, 'DescribeTrails'), eventOf(cloudtrail, 'UpdateTrail', denied)],
  },
  'TC-LOG-007': {
    positive: [eventOf(cloudtrail, 'PutInsightSelectors', { requestParameters: { trailName: 'org-trail', insightSelectors: [] } })],
    negative: [eventOf(cloudtrail, 'PutInsightSelectors', { requestParameters: { trailName: 'org-trail', insightSelectors: [{ insightType: 'ApiCallRateInsight' }] } })],
  },
  'TC-LOG-008': {
    positive: [eventOf(cloudtrail, 'DeleteEventDataStore', { requestParameters: { eventDataStore: 'arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/eds-1' } })],
    negative: [eventOf(cloudtrail, 'CreateEventDataStore'), eventOf(cloudtrail, 'DeleteEventDataStore', denied)],
  },
  'TC-LOG-009': {
    positive: [eventOf(cloudtrail, 'CreateTrail', { requestParameters: { name: 'copy', s3BucketName: 'outside-bucket' } })],
    negative: [eventOf(cloudtrail, 'CreateTrail', { ...viaCloudFormation, requestParameters: { name: 'org-trail', s3BucketName: 'logs' } })],
  },
  'TC-LOG-010': {
    positive: [eventOf('ec2.amazonaws.com', 'DeleteFlowLogs', { requestParameters: { DeleteFlowLogsRequest: { FlowLogId: { content: 'fl-0123456789abcdef0', tag: 1 } } } })],
    negative: [eventOf('ec2.amazonaws.com', 'CreateFlowLogs'), eventOf('ec2.amazonaws.com', 'DeleteFlowLogs', { errorCode: 'Client.UnauthorizedOperation' })],
  },
  'TC-LOG-011': {
    positive: [
      eventOf('route53resolver.amazonaws.com', 'DeleteResolverQueryLogConfig', { requestParameters: { resolverQueryLogConfigId: 'rqlc-5aa596fe3bd84ec6' } }),
      eventOf('route53resolver.amazonaws.com', 'DisassociateResolverQueryLogConfig', { requestParameters: { resolverQueryLogConfigId: 'rqlc-1', resourceId: 'vpc-1' } }),
      eventOf('route53.amazonaws.com', 'DeleteQueryLoggingConfig', { requestParameters: { id: 'q-1' } }),
    ],
    negative: [eventOf('route53resolver.amazonaws.com', 'ListResolverQueryLogConfigs')],
  },
  'TC-LOG-012': {
    positive: [eventOf('s3.amazonaws.com', 'PutBucketLogging', { requestParameters: { bucketName: 'data', logging: '', BucketLoggingStatus: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } } })],
    negative: [eventOf('s3.amazonaws.com', 'PutBucketLogging', { requestParameters: { bucketName: 'data', logging: '', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'data/' } } } })],
  },
  'TC-LOG-014': {
    positive: [eventOf('config.amazonaws.com', 'DeleteConfigRule', { requestParameters: { configRuleName: 'root-mfa-enabled' } })],
    negative: [eventOf('config.amazonaws.com', 'PutConfigRule', { requestParameters: { configRule: { configRuleName: 'root-mfa-enabled' } } })],
  },
  'TC-LOG-013': {
    positive: [eventOf('bedrock.amazonaws.com', 'DeleteModelInvocationLoggingConfiguration')],
    negative: [eventOf('bedrock.amazonaws.com', 'PutModelInvocationLoggingConfiguration')],
  },
});

describeFamily('monitoring', monitoringRules, {
  'TC-LOG-004': {
    positive: [
      eventOf(guardduty, 'DeleteDetector', { requestParameters: { detectorId: 'd-1' } }),
      eventOf(guardduty, 'UpdateDetector', { requestParameters: { detectorId: 'd-1', enable: false } }),
      eventOf(guardduty, 'DisassociateFromAdministratorAccount', { requestParameters: { detectorId: 'd-1' } }),
    ],
    negative: [eventOf(guardduty, 'UpdateDetector', { requestParameters: { detectorId: 'd-1', enable: true, findingPublishingFrequency: 'SIX_HOURS' } }), eventOf(guardduty, 'DeleteDetector', denied)],
  },
  'TC-MON-001': {
    positive: [
      eventOf(guardduty, 'CreateIPSet', { requestParameters: { detectorId: 'd-1', name: 'trusted', format: 'TXT', location: 'https://s3.amazonaws.com/x/ips.txt', activate: true } }),
      eventOf(guardduty, 'CreateFilter', { requestParameters: { detectorId: 'd-1', name: 'quiet', action: 'ARCHIVE' } }),
    ],
    negative: [eventOf(guardduty, 'CreateFilter', { requestParameters: { detectorId: 'd-1', name: 'view', action: 'NOOP' } }), eventOf(guardduty, 'ListIPSets')],
  },
  'TC-MON-002': {
    positive: [eventOf('wafv2.amazonaws.com', 'UpdateIPSet', { requestParameters: { name: 'allow-list', addresses: ['198.51.100.0/24'] } })],
    negative: [eventOf('wafv2.amazonaws.com', 'UpdateIPSet', { ...viaCloudFormation, requestParameters: { name: 'allow-list' } })],
  },
  'TC-MON-003': {
    positive: [
      eventOf('securityhub.amazonaws.com', 'DisableSecurityHub'),
      eventOf('securityhub.amazonaws.com', 'UpdateStandardsControl', { requestParameters: { StandardsControlArn: 'arn:aws:securityhub:us-east-1:111122223333:control/cis/1.1', ControlStatus: 'DISABLED' } }),
      eventOf('access-analyzer.amazonaws.com', 'DeleteAnalyzer', { requestParameters: { analyzerName: 'org' } }),
    ],
    negative: [eventOf('securityhub.amazonaws.com', 'UpdateStandardsControl', { requestParameters: { ControlStatus: 'ENABLED' } }), eventOf('securityhub.amazonaws.com', 'EnableSecurityHub')],
  },
  'TC-MON-004': {
    positive: [
      eventOf('securityhub.amazonaws.com', 'BatchUpdateFindings', { requestParameters: { FindingIdentifiers: [{ Id: 'f-1' }], Workflow: { Status: 'SUPPRESSED' } } }),
      eventOf('securityhub.amazonaws.com', 'DeleteInsight', { requestParameters: { InsightArn: 'arn:aws:securityhub:::insight/1' } }),
    ],
    negative: [
      eventOf('securityhub.amazonaws.com', 'GetFindings'),
      eventOf('securityhub.amazonaws.com', 'BatchUpdateFindings', { userIdentity: { type: 'AWSService', invokedBy: 'securityhub.amazonaws.com' }, sourceIPAddress: 'securityhub.amazonaws.com' }),
    ],
  },
  'TC-MON-005': {
    positive: [
      eventOf('macie2.amazonaws.com', 'UpdateMacieSession', { requestParameters: { status: 'PAUSED' } }),
      eventOf('macie2.amazonaws.com', 'DisableMacie'),
      eventOf('macie.amazonaws.com', 'UpdateMacieSession', { requestParameters: { findingPublishingFrequency: 'SIX_HOURS' } }),
    ],
    negative: [eventOf('macie2.amazonaws.com', 'ListMembers', { requestParameters: { maxResults: '1', onlyAssociated: 'true' } })],
  },
  'TC-MON-006': {
    positive: [eventOf('detective.amazonaws.com', 'DeleteGraph', { requestParameters: { graphArn: 'arn:aws:detective:us-east-1:111122223333:graph:abc' } })],
    negative: [eventOf('detective.amazonaws.com', 'CreateGraph')],
  },
  'TC-MON-007': {
    positive: [
      eventOf('wafv2.amazonaws.com', 'DisassociateWebACL', { sourceIPAddress: 'AWS Internal', userAgent: 'AWS Internal', ...roleSession, requestParameters: { resourceArn: 'arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/app/web/84dc' } }),
      eventOf('waf.amazonaws.com', 'DeleteWebACL', { requestParameters: { webACLId: 'acl-1' } }),
    ],
    negative: [eventOf('wafv2.amazonaws.com', 'ListWebACLs', { sourceIPAddress: 'AWS Internal' }), eventOf('wafv2.amazonaws.com', 'DeleteWebACL', denied)],
  },
  'TC-MON-008': {
    positive: [eventOf('wafv2.amazonaws.com', 'UpdateWebACL', { requestParameters: { name: 'web', id: 'a-1' } })],
    negative: [eventOf('wafv2.amazonaws.com', 'UpdateWebACL', { ...viaCloudFormation, requestParameters: { name: 'web' } })],
  },
  'TC-MON-009': {
    positive: [eventOf('monitoring.amazonaws.com', 'DeleteAlarms', { requestParameters: { alarmNames: ['root-login'] } }), eventOf('monitoring.amazonaws.com', 'DisableAlarmActions', { requestParameters: { alarmNames: ['x'] } })],
    negative: [eventOf('monitoring.amazonaws.com', 'PutMetricAlarm', { requestParameters: { alarmName: 'root-login' } })],
  },
  'TC-MON-010': {
    positive: [eventOf('events.amazonaws.com', 'DisableRule', { requestParameters: { name: 'guardduty-to-slack' } })],
    negative: [eventOf('events.amazonaws.com', 'DeleteRule', { ...viaCloudFormation, requestParameters: { name: 'stack-rule' } }), eventOf('events.amazonaws.com', 'EnableRule')],
  },
  'TC-LOG-005': {
    positive: [eventOf('logs.amazonaws.com', 'DeleteLogGroup', { requestParameters: { logGroupName: '/aws/cloudtrail' } }), eventOf('logs.amazonaws.com', 'DeleteLogStream', { requestParameters: { logGroupName: '/aws/x', logStreamName: 's' } })],
    negative: [eventOf('logs.amazonaws.com', 'CreateLogGroup'), eventOf('logs.amazonaws.com', 'DeleteLogGroup', { ...viaCloudFormation, requestParameters: { logGroupName: '/aws/lambda/x' } })],
  },
  'TC-MON-011': {
    positive: [eventOf('logs.amazonaws.com', 'PutRetentionPolicy', { requestParameters: { logGroupName: '/aws/cloudtrail', retentionInDays: 1 } })],
    negative: [eventOf('logs.amazonaws.com', 'PutRetentionPolicy', { requestParameters: { logGroupName: '/aws/cloudtrail', retentionInDays: 365 } })],
  },
});
