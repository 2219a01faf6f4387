import { describe, expect, it } from 'vitest';

import { containmentContract } from '../../../shared/api/containment-contract';

const run = containmentContract.containmentRun.input;
const valid = {
  profile: 'responder',
  kind: 'user',
  name: 'jmorales',
  actions: ['deactivate-keys', 'deny-all'],
  expectedUniqueId: 'AIDATJ4MORALES7XK2Q',
  confirmation: 'jmorales',
};

describe('the containment api refuses input a page should not send (promise 3)', () => {
  it('takes a well-formed run', () => {
    expect(run.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown action', { actions: ['delete-user'] }],
    ['no action', { actions: [] }],
    ['a name with markup', { name: '<img src=x onerror=alert(1)>' }],
    ['a 200 KB name', { name: 'a'.repeat(200_000) }],
    ['a key id that is not one', { accessKeyIds: ['AKIA../../etc'] }],
    ['no unique id from the preview', { expectedUniqueId: undefined }],
    ['a unique id that is not IAM’s', { expectedUniqueId: 'jmorales' }],
    ['a profile with a path', { profile: '../../.aws/credentials ' }],
    ['a kind that is not user or role', { kind: 'group' }],
    ['an extra key', { endpoint: 'https://evil.test' }],
  ])('refuses %s', (_what, change) => {
    expect(run.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('refuses a __proto__ key, and pollutes nothing', () => {
    const hostile = JSON.parse(`{"profile":"p","kind":"user","name":"a","actions":["deny-all"],"expectedUniqueId":"AIDATJ4MORALES7XK2Q","confirmation":"a","__proto__":{"polluted":1}}`) as unknown;
    expect(run.safeParse(hostile).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an undo of a record id that is not one, and a preview without a name', () => {
    expect(containmentContract.containmentUndo.input.safeParse({ id: '../audit.jsonl', confirmation: 'x' }).success).toBe(false);
    expect(containmentContract.containmentPreview.input.safeParse({ profile: 'p', kind: 'user', actions: ['deny-all'] }).success).toBe(false);
  });
});
