import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { InvestigationInput } from '../../../shared/api/investigation-contract';
import { emptyFilters } from '../../../shared/filters/filter-state';
import { createInvestigationStore } from '../../../main/services/investigations/investigation-store';

const query = {
  profile: 'demo',
  regions: ['us-east-1'],
  identity: { kind: 'user' as const, userName: 'jmorales' },
  start: '2026-11-17T00:00:00Z',
  end: '2026-12-01T00:00:00Z',
  followSessions: true,
};
const fields = { name: 'jmorales', query, fetchId: 'f-1', filters: emptyFilters, selection: [], notes: '' };
const mute = { ruleId: 'TC-EXEC-005', identity: 'arn:aws:iam::111122223333:user/jmorales', reason: 'billing-sync deploys nightly', until: '2026-12-31T00:00:00Z' };

describe('mutes kept with the investigation', () => {
  it('saves the mutes and the baseline fetch, keeps them when a later save does not name them, replaces them when it does', async () => {
    const store = createInvestigationStore(mkdtempSync(join(tmpdir(), 'trailcase-mutes-')));
    const saved = await store.save({ ...fields, mutes: [mute], baselineFetchId: 'f-base' });
    expect((await store.get(saved.id)).mutes).toEqual([mute]);
    await store.save({ ...fields, id: saved.id, notes: 'later' });
    expect(await store.get(saved.id)).toMatchObject({ mutes: [mute], baselineFetchId: 'f-base', notes: 'later' });
    await store.save({ ...fields, id: saved.id, mutes: [], baselineFetchId: null });
    expect(await store.get(saved.id)).toMatchObject({ mutes: [], baselineFetchId: null });
  });

  it('refuses a mute without a reason or with an expiry that is not a time', () => {
    expect(InvestigationInput.safeParse({ ...fields, mutes: [mute] }).success).toBe(true);
    expect(InvestigationInput.safeParse({ ...fields, mutes: [{ ...mute, reason: '  ' }] }).success).toBe(false);
    expect(InvestigationInput.safeParse({ ...fields, mutes: [{ ...mute, until: 'next week' }] }).success).toBe(false);
  });
});
