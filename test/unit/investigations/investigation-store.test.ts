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

describe('saved investigations and the autosave', () => {
  const withEvents = { ...fields, events: 215, since: '7d' };

  it('keeps one autosave per identity and range, replaced by each autosave, apart from those saved by name', async () => {
    const store = createInvestigationStore(mkdtempSync(join(tmpdir(), 'trailcase-inv-')), clock());
    const named = await store.save({ ...withEvents, name: 'jmorales incident' });
    const first = await store.autosave({ ...withEvents, name: 'jmorales · last 7 days' });
    const second = await store.autosave({ ...withEvents, name: 'jmorales · last 7 days', selection: [] });
    expect(second!.id).toBe(first!.id);
    expect(second).toMatchObject({ kind: 'autosave', selection: [], createdAt: first!.createdAt });
    expect(await store.get(named.id)).toMatchObject({ kind: 'saved', name: 'jmorales incident', selection: ['e-1', 'e-2'] });
    const other = await store.autosave({ ...withEvents, name: 'jmorales · last 24 hours', since: '24h' });
    expect(other!.id).not.toBe(first!.id);
    expect((await store.list()).map((item) => [item.kind, item.name])).toEqual([
      ['autosave', 'jmorales · last 24 hours'],
      ['autosave', 'jmorales · last 7 days'],
      ['saved', 'jmorales incident'],
    ]);
  });

  it('keeps no autosave of a fetch without events', async () => {
    const store = createInvestigationStore(mkdtempSync(join(tmpdir(), 'trailcase-inv-')), clock());
    expect(await store.autosave({ ...withEvents, events: 0 })).toBeNull();
    expect(await store.autosave({ ...withEvents, fetchId: null })).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('never saves over an autosave by its id, and keeps the sort order', async () => {
    const store = createInvestigationStore(mkdtempSync(join(tmpdir(), 'trailcase-inv-')), clock());
    const auto = await store.autosave({ ...withEvents, sorting: [{ id: 'eventName', desc: false }] });
    expect((await store.get(auto!.id)).sorting).toEqual([{ id: 'eventName', desc: false }]);
    await expect(store.save({ ...withEvents, id: auto!.id })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('reads files of the version before, telling autosaves (default name, no notes) from named ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailcase-inv-'));
    const store = createInvestigationStore(dir, clock());
    await store.list();
    const old = { query, fetchId: 'f-1', filters: emptyFilters, selection: ['e-1'], notes: '', createdAt: '2026-11-30T10:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z' };
    writeFileSync(join(dir, 'investigations', 'old-default.json'), JSON.stringify({ ...old, id: 'old-default', name: 'jmorales · 2026-11-30 10:00 UTC' }));
    writeFileSync(join(dir, 'investigations', 'old-named.json'), JSON.stringify({ ...old, id: 'old-named', name: 'Case 4711' }));
    writeFileSync(join(dir, 'investigations', 'old-notes.json'), JSON.stringify({ ...old, id: 'old-notes', name: 'jmorales · 2026-11-30 10:00 UTC', notes: 'escalated' }));
    expect(await store.get('old-default')).toMatchObject({ kind: 'autosave', selection: ['e-1'] });
    expect(await store.get('old-named')).toMatchObject({ kind: 'saved', name: 'Case 4711' });
    expect(await store.get('old-notes')).toMatchObject({ kind: 'saved' });
    expect(await store.list()).toHaveLength(3);
    const resaved = await store.save({ ...fields, id: 'old-named', name: 'Case 4711' });
    expect(resaved).toMatchObject({ id: 'old-named', kind: 'saved', createdAt: old.createdAt });
  });
});
