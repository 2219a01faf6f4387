import { describe, expect, it } from 'vitest';

import { analyze } from '../analysis/analysis-fixtures';
import { groupFlags, groupLine } from '../../../shared/baseline/groups';
import { aliceBaseline, at, enricher, stranger, updateBillingSync } from './baseline-fixtures';
import { lambdaHit } from './baseline-fixtures';

const hit = { ruleId: 'R1', severity: 'high' as const, title: 'Lambda changed' };

describe('flag groups', () => {
  it('groups repeated flags by rule, call and resource, with count, span, routine and ids', () => {
    const day = (n: number) => Date.parse('2026-11-18T09:00:00Z') + n * 86_400_000;
    const items = [
      ...Array.from({ length: 12 }, (_, i) => ({ eventID: `u${i}`, time: day(i + (i > 10 ? 2 : 0)), eventName: 'UpdateFunctionConfiguration', resource: 'arn:aws:lambda:us-east-1:111122223333:function:billing-sync', flags: [hit], routine: true })),
      { eventID: 'x1', time: day(3), eventName: 'UpdateFunctionConfiguration', resource: 'payments-export', flags: [hit, hit], routine: false },
    ];
    const groups = groupFlags(items);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ ruleId: 'R1', eventName: 'UpdateFunctionConfiguration', count: 12, routine: true, routineCount: 12, first: '2026-11-18T09:00:00.000Z', last: '2026-12-01T09:00:00.000Z' });
    expect(groups[0]!.eventIds).toEqual(items.slice(0, 12).map((item) => item.eventID));
    expect(groupLine(groups[0]!)).toBe('UpdateFunctionConfiguration on billing-sync, 12 times, 18 Nov – 1 Dec, routine for this identity');
    expect(groups[1]).toMatchObject({ resource: 'payments-export', count: 1, routine: false, eventIds: ['x1'] });
    expect(groupLine(groups[1]!)).toBe('UpdateFunctionConfiguration on payments-export, once, 21 Nov');
  });

  it('a group mixing routine and new events is not routine, and says how many are', () => {
    const [group] = groupFlags([
      { eventID: 'a', time: 0, eventName: 'E', resource: '', flags: [hit], routine: true },
      { eventID: 'b', time: 1, eventName: 'E', resource: '', flags: [hit], routine: false },
    ]);
    expect(group).toMatchObject({ routine: false, routineCount: 1, count: 2 });
    expect(groupLine(group!)).toBe('E, 2 times, 1 Jan, 1 of them routine');
  });

  it('the analysis carries its groups', () => {
    const analysis = analyze([updateBillingSync(at(31, 10)), updateBillingSync(at(32, 10)), updateBillingSync(at(33, 10), { sourceIPAddress: stranger })], {
      enricher,
      baselineRecords: aliceBaseline(),
      flagsOf: () => [lambdaHit()],
    });
    expect(analysis.groups).toEqual([
      expect.objectContaining({ ruleId: 'TC-LAMBDA-CONFIG', resource: 'billing-sync', count: 3, routine: false, routineCount: 2, severity: 'high', eventIds: analysis.events.map((event) => event.eventID) }),
    ]);
  });
});
