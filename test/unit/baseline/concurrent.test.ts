import { describe, expect, it } from 'vitest';

import { analyze, callAt, findingOf } from '../analysis/analysis-fixtures';
import { aliceBaseline, at, elsewhere, enricher, home, stranger, updateBillingSync } from './baseline-fixtures';

const fromStranger = (time: string) => callAt(time, 'iam.amazonaws.com', 'CreateAccessKey', { sourceIPAddress: stranger, requestParameters: { userName: 'alice' } });

describe('concurrent activity', () => {
  it('finds the usual address active within the hour of calls from a new one, naming both sets', () => {
    const records = [updateBillingSync(at(31, 10, 0)), fromStranger(at(31, 10, 40)), fromStranger(at(31, 10, 45)), updateBillingSync(at(31, 18, 0))];
    const analysis = analyze(records, { enricher, baselineRecords: aliceBaseline() });
    const finding = findingOf(analysis, 'concurrent-sessions');
    expect(finding).toMatchObject({ severity: 'high', attack: ['T1078.004'] });
    expect(finding!.parties).toEqual({ usual: [records[0]!.eventID], new: [records[1]!.eventID, records[2]!.eventID] });
    expect(finding!.eventIDs).toEqual(records.slice(0, 3).map((record) => record.eventID));
    expect(finding!.summary).toContain(stranger);
    expect(finding!.summary).toContain(home);
  });

  it('says nothing when the new address acts hours apart from the usual one, or the other address was seen before', () => {
    const apart = analyze([updateBillingSync(at(31, 8)), fromStranger(at(31, 12))], { enricher, baselineRecords: aliceBaseline() });
    expect(findingOf(apart, 'concurrent-sessions')).toBeUndefined();
    const known = analyze([updateBillingSync(at(31, 10)), callAt(at(31, 10, 20), 'ec2.amazonaws.com', 'DescribeRegions', { sourceIPAddress: elsewhere })], {
      enricher,
      baselineRecords: aliceBaseline(),
    });
    expect(findingOf(known, 'concurrent-sessions')).toBeUndefined();
  });

  it('needs a baseline: without one there is no usual address', () => {
    const analysis = analyze([updateBillingSync(at(31, 10)), fromStranger(at(31, 10, 5))], { enricher });
    expect(findingOf(analysis, 'concurrent-sessions')).toBeUndefined();
  });
});
