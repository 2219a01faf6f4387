import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { readJson, removeStaleTempFiles, writeJsonAtomic } from '../drafts/json-file';
import { ensurePrivateDir } from '../storage/private-files';
import type { ChatChannel } from './webhook-url';

/**
 * What became of each message, written before it is posted (promise 17's rule, for chat): a
 * message whose post went out and got no answer stays `sending`, and is not posted again until
 * the analyst says so. Entries name the message by a hash; the webhook URL is never stored.
 */
const LedgerEntry = z.object({
  messageId: z.string().regex(/^[a-f0-9]{64}$/),
  channel: z.enum(['slack', 'teams']),
  state: z.enum(['sending', 'sent']),
  at: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** The id of one message to one webhook: the same events summarised again to the same channel get the same id. */
export function messageIdOf(channel: ChatChannel, url: URL, body: unknown): string {
  return createHash('sha256').update(channel).update('\n').update(url.href).update('\n').update(JSON.stringify(body)).digest('hex');
}

/** The ledger under `<dataDir>/chat/sent`, private to the user (promise 20). */
export function createNotifyLedger(dataDir: string) {
  const dir = join(dataDir, 'chat', 'sent');
  let ready: Promise<void> | null = null;
  const prepare = () => (ready ??= ensurePrivateDir(dataDir, 'chat', 'sent').then(() => removeStaleTempFiles(dir)));
  const file = (id: string) => join(dir, `${LedgerEntry.shape.messageId.parse(id)}.json`);
  return {
    async get(id: string): Promise<LedgerEntry | null> {
      await prepare();
      const parsed = LedgerEntry.safeParse(await readJson(file(id)).catch(() => null));
      return parsed.success ? parsed.data : null;
    },
    async put(entry: LedgerEntry): Promise<void> {
      await prepare();
      await writeJsonAtomic(file(entry.messageId), LedgerEntry.parse(entry));
    },
    /** Forgets a message that was certainly not posted. */
    async remove(id: string): Promise<void> {
      await rm(file(id), { force: true });
    },
  };
}

export type NotifyLedger = ReturnType<typeof createNotifyLedger>;
