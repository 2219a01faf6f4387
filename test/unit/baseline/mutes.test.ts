import { describe, expect, it } from 'vitest';

import { analyze } from '../analysis/analysis-fixtures';
import { applyMutes, createMuteLookup, muteActive } from '../../../shared/baseline/mutes';
import type { Mute } from '../../../shared/baseline/mutes';
import { aliceBaseline, at, enricher, updateBillingSync } from './baseline-fixtures';
import { lambdaHit } from './baseline-fixtures';

const alice = 'arn:aws:iam::111122223333:user/alice';
const mute: Mute = { ruleId: 'TC-LAMBDA-CONFIG', identity: alice, reason: 'billing-sync deploys nightly (CHG-1234)', until: '2026-12-15T00:00:00Z' };
const now = Date.parse('2026-12-01T00:00:00Z');

describe('mutes', () => {
  it('applies until the expiry and not after', () => {
    expect(muteActive(mute, now)).toBe(true);
    expect(muteActive(mute, Date.parse('2026-12-15T00:00:00Z'))).toBe(false);
    expect(muteActive({ ...mute, until: 'not a date' }, now)).toBe(false);
  });

  it('marks the rule’s flags for that identity only, keeping every flag', () => {
    const flags = [{ ruleId: 'TC-LAMBDA-CONFIG' }, { ruleId: 'OTHER' }];
    const lookup = createMuteLookup([mute], now);
    const mine = applyMutes(flags, alice, lookup);
    expect(mine.flags).toEqual([{ ruleId: 'TC-LAMBDA-CONFIG', muted: { reason: mute.reason, until: mute.until } }, { ruleId: 'OTHER' }]);
    expect(mine.muted).toBe(1);
    expect(applyMutes(flags, 'arn:aws:iam::111122223333:user/bob', lookup)).toEqual({ flags, muted: 0 });
  });

  it('the analysis shows muted flags as muted and counts them; an expired mute is listed as no longer in force', () => {
    const records = [updateBillingSync(at(61, 10)), updateBillingSync(at(62, 10))];
    const options = { enricher, baselineRecords: aliceBaseline(), flagsOf: () => [lambdaHit()] };
    const muted = analyze(records, { ...options, mutes: [mute], now });
    expect(muted.events.every((event) => event.flags.length === 1 && event.flags[0]!.muted?.reason === mute.reason)).toBe(true);
    expect(muted.counts.muted).toBe(2);
    expect(muted.groups[0]).toMatchObject({ mutedCount: 2, count: 2 });
    expect(muted.mutes).toEqual([{ ...mute, active: true }]);

    const later = analyze(records, { ...options, mutes: [mute], now: Date.parse('2027-01-01T00:00:00Z') });
    expect(later.events.every((event) => event.flags[0]!.muted === undefined)).toBe(true);
    expect(later.counts.muted).toBe(0);
    expect(later.mutes).toEqual([{ ...mute, active: false }]);
  });
});
