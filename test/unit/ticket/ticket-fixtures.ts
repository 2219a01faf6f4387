import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord } from '../../../shared/records/types';
import type { RuleHit } from '../../../shared/rules/types';
import type { NormalizedEvent } from '../../../shared/records/types';

let counter = 0;

/** A CloudTrail record of an IAM user's call, with any field overridden. */
export function recordOf(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  counter += 1;
  return {
    eventVersion: '1.09',
    eventTime: new Date(Date.UTC(2026, 10, 1, 10, 0, counter % 60)).toISOString().replace('.000Z', 'Z'),
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListUsers',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0',
    eventID: `evt-${counter}`,
    readOnly: true,
    recipientAccountId: '111122223333',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: 'arn:aws:iam::111122223333:user/alice',
      accountId: '111122223333',
      accessKeyId: 'AKIAEXAMPLEKEY123456',
      userName: 'alice',
    },
    ...overrides,
  };
}

/** Normalises records as the fetch service would. */
export function eventsOf(records: Array<CloudTrailRecord | string>): NormalizedEvent[] {
  return records.map((record) => normalizeEvent(record, { region: 'us-east-1' }));
}

/** A flag function that flags the named events with one hit each. */
export function flagNamed(names: Record<string, Partial<RuleHit>>) {
  return (event: NormalizedEvent): RuleHit[] => {
    const hit = names[event.eventName];
    if (!hit) return [];
    return [
      {
        ruleId: 'test.rule',
        title: 'Test rule',
        severity: 'high',
        category: 'logging-tampering',
        reason: `${event.eventName} was called`,
        nextStep: '',
        attack: [],
        ...hit,
      },
    ];
  };
}

export const noFlags = (): RuleHit[] => [];

/** The hostile corpus of promise 8. */
export const hostileStrings = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</pre><script>alert(1)</script>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '[~accountid:5b10ac8d82e05b22cc7d4ef5]',
  '[x|https://evil.test]',
  '{noformat}evil{noformat}',
  '[click](https://evil.test) ![img](https://evil.test/x.png) @here',
  'https://evil.test/autolink',
  'abc\u202Eexe.txt',
  'zero\u200Bwidth\u200D',
  '\u001b[31mred\u001b[0m',
  'nul\u0000byte',
  'lone\uD800surrogate\uDC00x',
  'x'.repeat(200_000),
  'line\nbreak\r\ttab',
  '`code` and ```fence``` | pipe',
  '',
];
