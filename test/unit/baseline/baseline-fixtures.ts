import { callAt, fakeEnricher } from '../analysis/analysis-fixtures';
import type { CloudTrailRecord } from '../../../shared/records/types';
import type { RuleHit } from '../../../shared/rules/types';

/** `day` days after 1 Oct 2026, at `hour`:`minute` UTC, as an ISO time. */
export const at = (day: number, hour = 10, minute = 0): string =>
  new Date(Date.parse('2026-10-01T00:00:00Z') + day * 86_400_000 + hour * 3_600_000 + minute * 60_000).toISOString();

export const home = '81.2.69.160';
export const homeNet = '81.2.69.161';
export const stranger = '89.160.20.112';
export const elsewhere = '175.16.199.5';

/** Home addresses in AS64500 (GB); the stranger in AS64666 (RO). */
export const enricher = fakeEnricher({
  [home]: { asn: 64500, asOrg: 'Home ISP', country: 'GB' },
  [homeNet]: { asn: 64500, asOrg: 'Home ISP', country: 'GB' },
  [stranger]: { asn: 64666, asOrg: 'Elsewhere Hosting', country: 'RO' },
  [elsewhere]: { asn: 64777, asOrg: 'Travel Wi-Fi', country: 'FR' },
});

export const updateBillingSync = (time: string, fields: Partial<CloudTrailRecord> = {}): CloudTrailRecord =>
  callAt(time, 'lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', { sourceIPAddress: home, requestParameters: { functionName: 'billing-sync', timeout: 60 }, ...fields });

/**
 * Alice's 30 working days: every day the billing-sync update from home with the CLI, a ListUsers
 * from the home network on one day in five, one DescribeRegions from elsewhere on day 3, and
 * CloudFormation acting on her behalf (invokedBy) in ap-south-1 on two days.
 */
export function aliceBaseline(): CloudTrailRecord[] {
  const records: CloudTrailRecord[] = [];
  for (let day = 0; day < 30; day++) {
    records.push(updateBillingSync(at(day, 10)));
    if (day % 5 === 0) records.push(callAt(at(day, 11), 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: homeNet }));
  }
  records.push(callAt(at(3, 15), 'ec2.amazonaws.com', 'DescribeRegions', { sourceIPAddress: elsewhere }));
  for (const day of [4, 9]) {
    records.push(
      callAt(at(day, 12), 'iam.amazonaws.com', 'CreateRole', {
        userIdentity: { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice', invokedBy: 'cloudformation.amazonaws.com' },
        sourceIPAddress: 'cloudformation.amazonaws.com',
        userAgent: 'cloudformation.amazonaws.com',
        awsRegion: 'ap-south-1',
        requestParameters: { roleName: 'stack-role' },
      }),
    );
  }
  return records;
}

/** The rule hit every test event carries, as the engine gives it. */
export const lambdaHit = (severity: RuleHit['severity'] = 'medium'): RuleHit =>
  ({ ruleId: 'TC-LAMBDA-CONFIG', title: 'Lambda function configuration changed', severity, category: 'privilege-change', reason: 'A function configuration changed.', nextStep: '', attack: ['T1546'] }) as RuleHit;
