import { describe, expect, it } from 'vitest';

import { baselineDaysOf, baselineLine, baselineQueryOf } from '../../../shared/baseline/baseline-range';

const query = {
  profile: 'demo',
  regions: ['us-east-1', 'eu-west-1'],
  identity: { kind: 'user' as const, userName: 'jmorales' },
  start: '2026-11-24T00:00:00.000Z',
  end: '2026-12-01T00:00:00.000Z',
  followSessions: true,
};
const now = Date.parse('2026-12-01T00:00:00Z');

describe('the baseline range', () => {
  it('reaches back from the range start as far as LookupEvents keeps events (90 days from now)', () => {
    const baseline = baselineQueryOf(query, now)!;
    expect(baseline).toMatchObject({ profile: 'demo', regions: query.regions, identity: query.identity, followSessions: true, end: query.start });
    expect(baseline.start).toBe('2026-09-02T01:00:00.000Z');
    expect(baselineDaysOf(baseline)).toBe(83);
  });

  it('takes the full 90 days before an older range when they are still kept, and none when nothing is', () => {
    expect(baselineDaysOf(baselineQueryOf({ ...query, start: '2026-11-30T00:00:00.000Z' }, Date.parse('2027-01-01T00:00:00Z'))!)).toBe(58);
    expect(baselineQueryOf({ ...query, start: '2026-09-01T00:00:00.000Z' }, now)).toBeNull();
    const recent = baselineQueryOf({ ...query, start: '2026-11-30T23:00:00.000Z' }, Date.parse('2026-12-01T00:00:00Z'))!;
    expect(baselineDaysOf(recent)).toBe(90);
  });

  it('says "baseline: N days, M events" and warns under 14 days or without events', () => {
    expect(baselineLine(83, 12_408)).toEqual({ text: 'baseline: 83 days, 12,408 events', warning: null });
    expect(baselineLine(9, 340).warning).toMatch(/^Under 14 days/);
    expect(baselineLine(30, 0).warning).toMatch(/No earlier events/);
  });
});
