import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { InvestigationKind, InvestigationSummary, MuteInput, SavedInvestigation, SortRule } from '../../../shared/api/investigation-contract';
import { rulePack } from '../../../shared/rules/rule-pack';
import { ApiError } from '../../../shared/api/errors';
import { Id } from '../../../shared/api/primitives';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { FilterState } from '../../../shared/filters/filter-state';
import { ensurePrivateDir, tightenTree, writePrivateFile } from '../storage/private-files';
import { autosaveIdOf, migrateInvestigation } from './investigation-migration';

/** What a save carries, already validated by the api schema. */
export interface InvestigationFields {
  id?: string;
  name: string;
  query: FetchQuery;
  fetchId: string | null;
  filters: FilterState;
  selection: string[];
  notes: string;
  /** Absent: the saved mutes are kept. */
  mutes?: MuteInput[];
  /** Absent: the saved baseline fetch is kept. */
  baselineFetchId?: string | null;
  sorting?: SortRule[];
  since?: string;
  events?: number;
}

/**
 * Saved investigations, one JSON file each under `<dataDir>/investigations`: those the analyst
 * saved by name (changed only by an explicit save) and one autosave per identity and range
 * (replaced by each autosave, never written without events). Files of older versions are read
 * as they are (`migrateInvestigation`), so nothing saved before is lost. Writes are atomic
 * (temp file, fsync, rename), so a crash leaves the previous or the new version, never half of
 * one. File names come only from ids that passed the `Id` schema (`[\w-]`), so no path escapes.
 * The folder is 0700 and each file 0600; ones left looser are tightened at first use (promise 20).
 */
export function createInvestigationStore(dataDir: string, now: () => Date = () => new Date()) {
  const folder = join(dataDir, 'investigations');
  let ready: Promise<void> | null = null;
  const prepare = () => (ready ??= ensurePrivateDir(dataDir, 'investigations').then(() => tightenTree(folder)));

  function fileOf(id: string): string {
    if (!Id.safeParse(id).success) throw new ApiError('BAD_INPUT', 'Not an investigation id.');
    return join(folder, `${id}.json`);
  }

  async function read(id: string): Promise<SavedInvestigation | null> {
    await prepare();
    let text: string;
    try {
      text = await readFile(fileOf(id), 'utf8');
    } catch {
      return null;
    }
    try {
      return migrateInvestigation(JSON.parse(text));
    } catch {
      return null;
    }
  }

  async function write(kind: InvestigationKind, id: string, fields: InvestigationFields, existing: SavedInvestigation | null): Promise<SavedInvestigation> {
    const stamp = now().toISOString();
    const saved: SavedInvestigation = {
      id,
      kind,
      name: fields.name,
      query: fields.query,
      fetchId: fields.fetchId,
      filters: fields.filters,
      selection: fields.selection,
      notes: fields.notes,
      rulePackVersion: rulePack.version,
      mutes: fields.mutes ?? existing?.mutes ?? [],
      baselineFetchId: fields.baselineFetchId !== undefined ? fields.baselineFetchId : (existing?.baselineFetchId ?? null),
      ...(fields.sorting ? { sorting: fields.sorting } : {}),
      ...(fields.since ? { since: fields.since } : {}),
      ...(fields.events !== undefined ? { events: fields.events } : {}),
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    };
    await prepare();
    await writePrivateFile(fileOf(saved.id), JSON.stringify(saved));
    return saved;
  }

  return {
    /** An explicit save: a new saved investigation (no id), or the saved one of that id replaced. */
    async save(fields: InvestigationFields): Promise<SavedInvestigation> {
      const existing = fields.id ? await read(fields.id) : null;
      if (fields.id && !existing) throw new ApiError('NOT_FOUND', 'That investigation no longer exists; save it as a new one.');
      if (existing && existing.kind !== 'saved') throw new ApiError('BAD_INPUT', 'An autosave is not saved over; save the investigation under a name.');
      return write('saved', existing?.id ?? randomUUID(), fields, existing);
    },

    /** Replaces the autosave slot of the fields' identity and range; keeps nothing for a fetch without events. */
    async autosave(fields: Omit<InvestigationFields, 'id'>): Promise<SavedInvestigation | null> {
      if (!fields.fetchId || !fields.events) return null;
      const id = autosaveIdOf(fields.query, fields.since);
      return write('autosave', id, fields, await read(id));
    },

    async get(id: string): Promise<SavedInvestigation> {
      const saved = await read(id);
      if (!saved) throw new ApiError('NOT_FOUND', 'No saved investigation with that id.');
      return saved;
    },

    /** Every readable investigation, newest first; damaged files are skipped, not fatal. */
    async list(): Promise<InvestigationSummary[]> {
      let names: string[];
      try {
        await prepare();
        names = await readdir(folder);
      } catch {
        return [];
      }
      const ids = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
      const all = await Promise.all(ids.filter((id) => Id.safeParse(id).success).map(read));
      return all
        .filter((item): item is SavedInvestigation => item !== null)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map(({ id, kind, name, query, fetchId, since, events, notes, updatedAt, selection }) => ({
          id,
          kind,
          name,
          query,
          fetchId,
          ...(since ? { since } : {}),
          ...(events !== undefined ? { events } : {}),
          notes: notes.slice(0, 300),
          updatedAt,
          selected: selection.length,
        }));
    },

    async remove(id: string): Promise<void> {
      await rm(fileOf(id), { force: true });
    },
  };
}

export type InvestigationStore = ReturnType<typeof createInvestigationStore>;
