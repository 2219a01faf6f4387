import { describe, expect, it } from 'vitest';

import { labelText } from '../../../shared/console-actions/action';
import { describeActions } from '../../../shared/console-actions/describe';
import { groupActions } from '../../../shared/console-actions/group-actions';
import { normalizeEvent } from '../../../shared/records/normalize';
import { events, record } from './builder';

const hostile = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '[~accountid:5b10a2844c20165700ede21g]',
  '[x|https://evil.test]',
  '\u202Eexe.txt',
  '\u001b[31mred',
  '{{constructor.constructor("alert(1)")()}}',
];

describe('labels from hostile resource names (promise 8)', () => {
  it.each(hostile)('keeps %j as one value part, literally', (name) => {
    const { actions } = groupActions(events([{ key: 'iam:CreateAccessKey', at: 0, params: { userName: name } }]));
    expect(actions[0]!.label).toEqual([
      { kind: 'text', text: 'Created access key for ' },
      { kind: 'value', text: name },
    ]);
    expect(labelText(actions[0]!)).toBe(`Created access key for ${name}`);
    expect(describeActions(actions)[0]).toContain(name);
  });

  it('shortens a 200 KB name in the label', () => {
    const { actions } = groupActions(events([{ key: 'secretsmanager:GetSecretValue', at: 0, params: { secretId: 'A'.repeat(200_000) } }]));
    const value = actions[0]!.label.find((part) => part.kind === 'value')!;
    expect(value.text.length).toBeLessThanOrEqual(160);
    expect(value.text.endsWith('…')).toBe(true);
  });

  it('reads no inherited property: a __proto__ key gives the fallback', () => {
    const raw = JSON.stringify(record({ key: 'iam:CreateAccessKey', at: 0 })).replace('"requestParameters":null', '"requestParameters":{"__proto__":{"userName":"polluted"}}');
    const { actions } = groupActions([normalizeEvent(raw)]);
    expect(labelText(actions[0]!)).toBe('Created access key for their own user');
    expect(({} as Record<string, unknown>).userName).toBeUndefined();
  });
});
