import { describe, expect, it } from 'vitest';

import { analyze, callAt } from '../analysis/analysis-fixtures';
import type { NormalizedEvent } from '../../../shared/records/types';
import { aliceBaseline, at, enricher, home, homeNet, stranger, updateBillingSync } from './baseline-fixtures';
import { lambdaHit } from './baseline-fixtures';

const flagLambda = (event: NormalizedEvent) => (event.eventName.startsWith('UpdateFunctionConfiguration') ? [lambdaHit('medium')] : []);

describe('routine or not', () => {
  it('marks routine a flag on what the identity does often, the same way, from its usual places, and keeps it', () => {
    const analysis = analyze([updateBillingSync(at(31, 10)), updateBillingSync(at(31, 14), { sourceIPAddress: homeNet })], {
      enricher,
      baselineRecords: aliceBaseline(),
      flagsOf: flagLambda,
    });
    expect(analysis.events.map((event) => event.routine)).toEqual([true, true]);
    expect(analysis.events[0]!.flags).toEqual([expect.objectContaining({ ruleId: 'TC-LAMBDA-CONFIG', severity: 'medium' })]);
    expect(analysis.events[0]!.flags[0]!.raisedFrom).toBeUndefined();
    expect(analysis.counts).toMatchObject({ flagged: 2, routine: 2, raised: 0 });
  });

  it('raises a flag on something new and says why; a flag on another resource is not routine', () => {
    const analysis = analyze(
      [
        updateBillingSync(at(31, 10), { sourceIPAddress: stranger }),
        updateBillingSync(at(31, 11), { requestParameters: { functionName: 'payments-export' } }),
        updateBillingSync(at(31, 12), { userAgent: 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0' }),
      ],
      { enricher, baselineRecords: aliceBaseline(), flagsOf: flagLambda },
    );
    const [fromStranger, otherFunction, newClient] = analysis.events;
    expect(fromStranger!.routine).toBe(false);
    expect(fromStranger!.flags[0]).toMatchObject({ severity: 'high', raisedFrom: 'medium' });
    expect(fromStranger!.flags[0]!.reason).toContain('New for this identity: address, network (ASN), country.');
    expect(otherFunction!.routine).toBe(false);
    expect(otherFunction!.flags[0]).toMatchObject({ severity: 'medium' });
    expect(newClient!.flags[0]).toMatchObject({ severity: 'high', raisedFrom: 'medium' });
    expect(newClient!.flags[0]!.reason).toContain('client');
    expect(analysis.counts).toMatchObject({ flagged: 3, routine: 0, raised: 2 });
  });

  it('keeps the severity for a new address in the usual network, saying it is new', () => {
    const analysis = analyze([updateBillingSync(at(31, 10), { sourceIPAddress: '81.2.69.199' })], {
      enricher: { ...enricher, lookup: (ip, ms) => ({ ...enricher.lookup(home, ms), ip }) },
      baselineRecords: aliceBaseline(),
      flagsOf: flagLambda,
    });
    expect(analysis.events[0]!.routine).toBe(false);
    expect(analysis.events[0]!.flags[0]).toMatchObject({ severity: 'medium' });
    expect(analysis.events[0]!.flags[0]!.reason).toContain('New for this identity: address.');
  });

  it('does not call rare actions routine', () => {
    const analysis = analyze([callAt(at(31, 15), 'ec2.amazonaws.com', 'DescribeRegions', { sourceIPAddress: home })], {
      enricher,
      baselineRecords: aliceBaseline(),
      flagsOf: () => [lambdaHit('low')],
    });
    expect(analysis.events[0]!.new).toEqual([]);
    expect(analysis.events[0]!.routine).toBe(false);
  });
});
