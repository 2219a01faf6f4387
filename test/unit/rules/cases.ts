import { describe, expect, it } from 'vitest';

import { flagEvent } from '../../../shared/rules/engine';
import type { RiskRule } from '../../../shared/rules/rule';
import type { NormalizedEvent } from '../../../shared/records/types';

/** For one rule: records it must flag and records it must leave alone. */
export interface RuleCases {
  positive: NormalizedEvent[];
  negative: NormalizedEvent[];
}

function ruleIdsOf(event: NormalizedEvent): string[] {
  return flagEvent(event).map((hit) => hit.ruleId);
}

/** Checks a family: every rule has cases, and each flags its positives and leaves its negatives alone. */
export function describeFamily(name: string, rules: readonly RiskRule[], cases: Record<string, RuleCases>): void {
  describe(`${name} rules`, () => {
    it('have a positive and a negative case each', () => {
      expect(Object.keys(cases).sort()).toEqual(rules.map((rule) => rule.id).sort());
      for (const { positive, negative } of Object.values(cases)) {
        expect(positive.length).toBeGreaterThan(0);
        expect(negative.length).toBeGreaterThan(0);
      }
    });

    for (const [ruleId, { positive, negative }] of Object.entries(cases)) {
      it(`${ruleId} flags its positive records`, () => {
        for (const event of positive) expect(ruleIdsOf(event), event.eventName).toContain(ruleId);
      });
      it(`${ruleId} leaves its negative records alone`, () => {
        for (const event of negative) expect(ruleIdsOf(event), event.eventName).not.toContain(ruleId);
      });
    }
  });
}
