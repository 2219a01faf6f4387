import { afterEach, describe, expect, it } from 'vitest';

import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { fakeUser } from '../../fakes/iam/fake-iam-state';
import { containmentAccount, serviceOnFake } from './helpers';

let fake: FakeIam;
let close = () => {};
afterEach(async () => {
  close();
  await fake?.close();
});

async function setUp() {
  fake = await startFakeIam({ state: containmentAccount() });
  const made = serviceOnFake(fake);
  close = made.close;
  return made;
}

/** alice deleted and created again: the same name, another unique id, an Active key of her own. */
function recreateAlice(): void {
  fake.state.users = fake.state.users.filter((user) => user.userName !== 'alice');
  fake.state.users.push(
    fakeUser('alice', { userId: 'AIDAALICENEW0000002X', accessKeys: [{ accessKeyId: 'AKIAALICENEW00000009', status: 'Active', createDate: '2026-12-02T05:00:00Z' }] }),
  );
}

describe('a user created again under the same name is never acted on (promise 19)', () => {
  it('refuses a run whose previewed unique id is no longer the user’s', async () => {
    const { service } = await setUp();
    const preview = await service.preview({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deactivate-keys'] });
    recreateAlice();
    const outcome = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deactivate-keys'], expectedUniqueId: preview.identity.uniqueId });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/alice is now AIDAALICENEW0000002X, not AIDAALICEFAKE000001X as previewed.*Nothing was changed/);
    expect(fake.mutations()).toEqual([]);
  });

  it('refuses when the user is replaced between the read and the first call', async () => {
    const { service } = await setUp();
    let getUsers = 0;
    // The run reads alice (GetUser), plans, and checks her id again right before acting: replace her in between.
    fake.setOptions({ onRequest: (call) => void (call.action === 'GetUser' && ++getUsers === 2 && recreateAlice()) });
    const outcome = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deactivate-keys', 'deny-all'] });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/User alice now has unique id AIDAALICENEW0000002X, not AIDAALICEFAKE000001X as planned: it was deleted and created again/);
    expect(fake.mutations()).toEqual([]);
    expect(service.records().records[0]).toMatchObject({ id: outcome.id, status: 'refused', calls: [] });
  });

  it('refuses to undo on the new user, and leaves it as it is', async () => {
    const { service } = await setUp();
    const run = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deactivate-keys', 'deny-all'] });
    const sent = fake.mutations().length;
    recreateAlice();
    const undo = await service.undo(run.id);
    expect(undo.status).toBe('refused');
    expect(undo.message).toMatch(/now has unique id AIDAALICENEW0000002X/);
    expect(fake.mutations()).toHaveLength(sent);
    expect(fake.state.users.find((user) => user.userName === 'alice')!.accessKeys[0]!.status).toBe('Active');
  });

  it('refuses to act on a user that no longer exists, and says so', async () => {
    const { service } = await setUp();
    const run = await service.run({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deny-all'] });
    fake.state.users = fake.state.users.filter((user) => user.userName !== 'alice');
    const undo = await service.undo(run.id);
    expect(undo).toMatchObject({ status: 'refused', message: 'User alice (AIDAALICEFAKE000001X) no longer exists. Nothing was changed.' });
    await expect(service.preview({ profile: 'responder', kind: 'user', name: 'alice', actions: ['deny-all'] })).rejects.toThrow(
      'There is no user named alice in the account of profile responder.',
    );
  });
});
