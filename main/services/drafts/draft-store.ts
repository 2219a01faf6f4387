import { join } from 'node:path';

import { StoredDraft } from '../../../shared/api/ticket-contract';
import { ensurePrivateDir, tightenTree } from '../storage/private-files';
import { readJson, removeStaleTempFiles, writeJsonAtomic } from './json-file';

/** One saved version of a draft, as written to disk. */
interface DraftFile {
  savedAt: string;
  draft: StoredDraft;
}

/**
 * The analyst's drafts, one file per key (an investigation's fetch id, or `scratch`). Each save
 * replaces the file atomically, so a crash leaves the last complete version (promise 16).
 */
export function createDraftStore(dataDir: string) {
  const dir = join(dataDir, 'drafts');
  let ready: Promise<void> | null = null;
  const prepare = () =>
    (ready ??= ensurePrivateDir(dataDir, 'drafts')
      .then(() => tightenTree(dir))
      .then(() => removeStaleTempFiles(dir)));
  // Keys are validated by the api schema (`Id`); the check here keeps the store safe on its own.
  const fileOf = (key: string) => {
    if (!/^[\w-]{1,80}$/.test(key)) throw new Error(`Invalid draft key: ${key.slice(0, 40)}`);
    return join(dir, `${key}.json`);
  };

  return {
    /** Saves a draft; resolves once it is on disk. */
    async save(key: string, draft: StoredDraft): Promise<{ savedAt: string }> {
      await prepare();
      const savedAt = new Date().toISOString();
      const file: DraftFile = { savedAt, draft: StoredDraft.parse(draft) };
      await writeJsonAtomic(fileOf(key), file);
      return { savedAt };
    },
    /** The last saved version, or null when there is none or it cannot be read. */
    async load(key: string): Promise<{ draft: StoredDraft; savedAt: string } | null> {
      await prepare();
      try {
        const value = (await readJson(fileOf(key))) as Partial<DraftFile> | null;
        if (!value) return null;
        const draft = StoredDraft.safeParse(value.draft);
        return draft.success && typeof value.savedAt === 'string' ? { draft: draft.data, savedAt: value.savedAt } : null;
      } catch {
        return null;
      }
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
