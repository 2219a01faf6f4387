import { describe, expect, it } from 'vitest';

import { analyze, events } from '../analysis/analysis-fixtures';
import { createIntelLookup, prepareEvents } from '../../../shared/analysis/analysis-event';
import { frequencyOf } from '../../../shared/baseline/frequency';
import { buildIdentityBaseline } from '../../../shared/baseline/identity-baseline';
import { aliceBaseline, at, elsewhere, enricher, home, homeNet, stranger, updateBillingSync } from './baseline-fixtures';
import { callAt } from '../analysis/analysis-fixtures';

const alice = 'arn:aws:iam::111122223333:user/alice';
const built = () => buildIdentityBaseline(prepareEvents(events(aliceBaseline()), () => [], createIntelLookup(enricher)));

describe('baseline statistics', () => {
  it('labels by share of active days: frequent from 40 % (and 2 days), occasional from 10 %, rare below', () => {
    expect(frequencyOf(12, 30)).toBe('frequent');
    expect(frequencyOf(11, 30)).toBe('occasional');
    expect(frequencyOf(3, 30)).toBe('occasional');
    expect(frequencyOf(2, 30)).toBe('rare');
    expect(frequencyOf(1, 1)).toBe('occasional');
    expect(frequencyOf(0, 30)).toBe('rare');
  });

  it('gives first seen, last seen, calls, days and a label per value of the identity', () => {
    const stats = built().stats();
    expect(stats.days).toBe(30);
    const own = stats.identities.find((identity) => identity.identity === alice)!.own;
    expect(own.activeDays).toBe(30);
    const address = (value: string) => own.fields.sourceIP.find((item) => item.value === value);
    expect(address(home)).toMatchObject({ first: at(0, 10), last: at(29, 10), count: 30, days: 30, label: 'frequent' });
    expect(address(homeNet)).toMatchObject({ first: at(0, 11), last: at(25, 11), count: 6, days: 6, label: 'occasional' });
    expect(address(elsewhere)).toMatchObject({ count: 1, days: 1, label: 'rare' });
    expect(own.fields.asn.find((item) => item.value === '64500')).toMatchObject({ label: 'frequent', count: 36 });
    expect(own.fields.userAgentFamily.map((item) => item.value)).toEqual(['aws-cli']);
    expect(own.fields.action.find((item) => item.value === 'UpdateFunctionConfiguration20150331v2 billing-sync')).toMatchObject({ label: 'frequent', count: 30 });
  });

  it('keeps calls AWS services made on the identity’s behalf apart, with their own figures', () => {
    const stats = built().stats();
    const alice0 = stats.identities.find((identity) => identity.identity === alice)!;
    expect(alice0.onBehalf.events).toBe(2);
    expect(alice0.onBehalf.services).toEqual([expect.objectContaining({ value: 'cloudformation.amazonaws.com', count: 2, days: 2, first: at(4, 12), last: at(9, 12) })]);
    expect(alice0.own.fields.region.map((item) => item.value)).toEqual(['us-east-1']);
    expect(alice0.own.fields.eventName.map((item) => item.value)).not.toContain('CreateRole');
    expect(alice0.onBehalf.fields.region.map((item) => item.value)).toEqual(['ap-south-1']);
  });

  it('names in `new` only what the baseline never showed, and never for calls made on the identity’s behalf', () => {
    const analysis = analyze(
      [
        updateBillingSync(at(31, 10)),
        updateBillingSync(at(31, 11), { userAgent: 'aws-cli/2.15.30 Python/3.12.1 Linux/6.8 exe/x86_64 prompt/off command/lambda.update-function-configuration' }),
        callAt(at(31, 12), 'iam.amazonaws.com', 'CreateRole', { sourceIPAddress: 'cloudformation.amazonaws.com', userAgent: 'cloudformation.amazonaws.com', awsRegion: 'eu-north-1' }),
        callAt(at(31, 13), 'iam.amazonaws.com', 'CreateAccessKey', { sourceIPAddress: stranger, userAgent: 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0', awsRegion: 'eu-north-1' }),
      ],
      { enricher, baselineRecords: aliceBaseline() },
    );
    expect(analysis.events.map((event) => event.new)).toEqual([[], [], [], ['sourceIP', 'asn', 'country', 'userAgent', 'eventName', 'region']]);
    expect(analysis.baselineStats?.events).toBe(aliceBaseline().length);
  });

  it('without a baseline has no statistics, nothing new and nothing routine', () => {
    const analysis = analyze([updateBillingSync(at(31, 10))], { enricher });
    expect(analysis.baselineStats).toBeNull();
    expect(analysis.events[0]).toMatchObject({ new: [], routine: false });
  });
});
