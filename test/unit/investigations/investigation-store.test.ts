import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { emptyFilters } from '../../../shared/filters/filter-state';
import { rulePack } from '../../../shared/rules/rule-pack';
import { createInvestigationStore } from '../../../main/services/investigations/investigation-store';

const query = {
  profile: 'demo',
  regions: ['us-east-1'],
  identity: { kind: 'user' as const, userName: 'jmorales' },
  start: '2026-11-17T00:00:00Z',
  end: '2026-12-01T00:00:00Z',
  followSessions: true,
};
const fields = { name: 'jmorales', query, fetchId: 'f-1', filters: emptyFilters, selection: ['e-1', 'e-2'], notes: 'seen by the SOC' };

function clock() {
  let t = Date.parse('2026-12-01T10:00:00Z');
  return () => new Date((t += 1000));
}

describe('the investigation store', () => {
  it('saves, reopens and replaces an investigation, recording the rule pack that flagged it', async () => {
    const store = createInvestigationStore(mkdtempSync(join(tmpdir(), 'trailcase-inv-')), clock());
    const saved = await store.save(fields);
    expect(await store.get(saved.id)).toEqual({ ...saved, rulePackVersion: rulePack.version });
    const replaced = await store.save({ ...fields, id: saved.id, notes: 'escalated' });
    expect(replaced.createdAt).toBe(saved.createdAt);
    expect((await store.get(saved.id)).notes).toBe('escalated');
    expect(await store.list()).toHaveLength(1);
  });

  it('lists newest first and skips a damaged file instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailcase-inv-'));
    const store = createInvestigationStore(dir, clock());
    const older = await store.save({ ...fields, name: 'older' });
    const newer = await store.save({ ...fields, name: 'newer' });
    writeFileSync(join(dir, 'investigations', 'damaged.json'), '{"id": "damaged", "name": ');
    expect((await store.list()).map((item) => item.id)).toEqual([newer.id, older.id]);
    expect((await store.list())[0]).toMatchObject({ name: 'newer', selected: 2 });
  });

  it('refuses an id that could name a path, and a save of an id that no longer exists', async () => {
    const store = createInvestigationStore(mkdtempSync(join(tmpdir(), 'trailcase-inv-')), clock());
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.remove('../../etc/passwd')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(store.save({ ...fields, id: 'gone-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
