import { describe, expect, it } from 'vitest';

import { labelText } from '../../../shared/console-actions/action';
import { consoleSignatures } from '../../../shared/console-actions/catalogue';
import { groupActions } from '../../../shared/console-actions/group-actions';
import { events, type Call } from './builder';
import { bursts } from './bursts';

const byId = new Map(consoleSignatures.map((signature) => [signature.id, signature]));
const matched = (calls: readonly Call[], agent: 'console' | 'cli' = 'console') =>
  groupActions(events(calls, { agent })).actions.map((action) => action.signatureId);

describe('console-action signatures on recorded console bursts', () => {
  it.each(bursts.map((burst) => [burst.signatureId, burst] as const))('%s matches its burst, with its label', (_, burst) => {
    const { actions } = groupActions(events(burst.calls));
    const action = actions.find((candidate) => candidate.signatureId === burst.signatureId);
    expect(action, `actions found: ${actions.map((a) => a.signatureId).join(', ')}`).toBeDefined();
    expect(labelText(action!)).toBe(burst.label);
  });

  it.each(bursts.map((burst) => [burst.signatureId, burst] as const))('%s does not match the same calls from the AWS CLI', (_, burst) => {
    expect(matched(burst.calls, 'cli')).toEqual([]);
  });

  const withOthers = bursts.filter((burst) => byId.get(burst.signatureId)!.required.length > 1);
  it.each(withOthers.map((burst) => [burst.signatureId, burst] as const))('%s does not match when a required call is missing', (_, burst) => {
    const signature = byId.get(burst.signatureId)!;
    for (const key of signature.required) {
      const without = burst.calls.filter((call) => call.key !== key);
      expect(matched(without), `without ${key}`).not.toContain(burst.signatureId);
    }
  });

  it.each(withOthers.map((burst) => [burst.signatureId, burst] as const))('%s does not match when its calls are spread beyond the window', (_, burst) => {
    const signature = byId.get(burst.signatureId)!;
    const anchors = new Set(signature.anchor);
    // Every call but the anchors' happens ten minutes later: the same calls, not one page.
    const spread = burst.calls.map((call) => (anchors.has(call.key) ? call : { ...call, at: call.at + 600_000 }));
    expect(matched(spread)).not.toContain(burst.signatureId);
  });
});
