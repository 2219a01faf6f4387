import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { ensurePrivateDir, tightenTree, writePrivateFile } from '../storage/private-files';
import { readJson, removeStaleTempFiles, writeJsonAtomic } from './json-file';

/**
 * A submission in flight, written before anything is sent to Jira (promise 17). `stage` says how
 * far it got: `creating` (the create may or may not have reached Jira; look it up by label
 * before sending again), `created` (the issue exists; only the attachment is left).
 */
export const PendingSubmission = z.object({
  submissionId: z.string().regex(/^[\w-]{1,80}$/),
  site: z.string(),
  label: z.string(),
  projectKey: z.string(),
  summary: z.string(),
  /** The fields of the create request exactly as they will be (or were) sent. */
  fields: z.record(z.string(), z.unknown()),
  attachmentName: z.string(),
  stage: z.enum(['creating', 'created']),
  issueId: z.string().nullable(),
  issueKey: z.string().nullable(),
  createdAt: z.string(),
  lastError: z.string().nullable(),
});
export type PendingSubmission = z.infer<typeof PendingSubmission>;

/** Pending submissions and the events file each will attach, under `<dataDir>/jira/pending`. */
export function createPendingStore(dataDir: string) {
  const dir = join(dataDir, 'jira', 'pending');
  let ready: Promise<void> | null = null;
  // The whole jira folder is tightened: the connection store's files (site, email, defaults) live there too.
  const prepare = () =>
    (ready ??= ensurePrivateDir(dataDir, 'jira', 'pending')
      .then(() => tightenTree(join(dataDir, 'jira')))
      .then(() => removeStaleTempFiles(dir)));
  const entryFile = (id: string) => join(dir, `${PendingSubmission.shape.submissionId.parse(id)}.json`);
  const doneFile = (id: string) => join(dir, 'done', `${PendingSubmission.shape.submissionId.parse(id)}.json`);
  const eventsFile = (id: string) => join(dir, `${PendingSubmission.shape.submissionId.parse(id)}.events.json`);

  async function get(id: string): Promise<PendingSubmission | null> {
    await prepare();
    const parsed = PendingSubmission.safeParse(await readJson(entryFile(id)).catch(() => null));
    return parsed.success ? parsed.data : null;
  }

  async function remove(id: string): Promise<void> {
    await rm(entryFile(id), { force: true });
    await rm(eventsFile(id), { force: true });
  }

  return {
    get,
    async put(entry: PendingSubmission): Promise<void> {
      await prepare();
      await writeJsonAtomic(entryFile(entry.submissionId), PendingSubmission.parse(entry));
    },
    async list(): Promise<PendingSubmission[]> {
      await prepare();
      const names = (await readdir(dir)).filter((name) => /^[\w-]+\.json$/.test(name) && !name.endsWith('.events.json'));
      const entries = await Promise.all(names.map((name) => get(name.slice(0, -'.json'.length))));
      return entries.filter((entry): entry is PendingSubmission => entry !== null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    /** Keeps the events file to attach, so an upload can be retried after a restart. */
    async putEvents(id: string, content: string): Promise<void> {
      await prepare();
      await writePrivateFile(eventsFile(id), content);
    },
    async getEvents(id: string): Promise<string | null> {
      return readFile(eventsFile(id), 'utf8').catch(() => null);
    },
    /**
     * Remembers how a finished submission ended, so the same submission id sent again (a second
     * click, an answer lost between host and page) returns that result instead of a new issue.
     */
    async finish(id: string, result: unknown): Promise<void> {
      await writeJsonAtomic(doneFile(id), result);
      await remove(id);
    },
    async finished(id: string): Promise<unknown> {
      return readJson(doneFile(id)).catch(() => null);
    },
    delete: remove,
  };
}

export type PendingStore = ReturnType<typeof createPendingStore>;
