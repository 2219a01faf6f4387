import type { ChatStatus } from '../../../shared/api/chat-contract';
import { ApiError } from '../../../shared/api/errors';
import { previewLines } from '../../../shared/chat/chat-preview';
import type { NormalizedEvent } from '../../../shared/records/types';
import type { DraftAnalysis } from '../../../shared/ticket/analysis-context';
import type { SecretStore } from '../secrets/secret-store';
import { buildChatMessage, jiraIssueLink } from './chat-message';
import { createNotifyLedger } from './notify-ledger';
import { notifyOnce } from './notify-service';
import { checkWebhookUrl, describeWebhook, webhookVariable } from './webhook-url';
import type { ChatChannel } from './webhook-url';

export interface ChatServiceOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  /** The selected events of a fetch (the ticket service's loader). */
  loadEvents(fetchId: string, eventIds: string[]): Promise<NormalizedEvent[]>;
  analysisOf?: (fetchId: string) => Promise<DraftAnalysis>;
  /** The configured Jira site, for the issue's link. */
  jiraSite(): Promise<string | null>;
}

interface Selection {
  channel: ChatChannel;
  fetchId: string;
  eventIds: string[];
  issueKey?: string | null | undefined;
}

const secretName = (channel: ChatChannel) => `chat-webhook:${channel}`;

/**
 * Chat for the app: webhooks kept as secrets in the host (safeStorage on the desktop; never sent
 * back to the page, only their origin), and the message built on the host from the stored
 * records, so the preview shows exactly what is posted.
 */
export function createChatService(options: ChatServiceOptions) {
  const ledger = createNotifyLedger(options.dataDir);

  async function webhook(channel: ChatChannel): Promise<{ url: URL | null; source: 'saved' | 'environment' | 'none' }> {
    const saved = await options.secrets.get(secretName(channel));
    if (saved) return { url: checkWebhookUrl(channel, saved), source: 'saved' };
    const fromEnv = options.env[webhookVariable[channel]];
    return fromEnv ? { url: checkWebhookUrl(channel, fromEnv), source: 'environment' } : { url: null, source: 'none' };
  }

  async function status(): Promise<ChatStatus> {
    const describe = async (channel: ChatChannel) => {
      const { url, source } = await webhook(channel).catch(() => ({ url: null, source: 'none' as const }));
      return { configured: url !== null, hint: url ? describeWebhook(url) : null, source };
    };
    return { slack: await describe('slack'), teams: await describe('teams'), persistent: options.secrets.persistent, warning: options.secrets.warning };
  }

  async function message(selection: Selection) {
    const events = await options.loadEvents(selection.fetchId, selection.eventIds);
    const analysis = options.analysisOf ? await options.analysisOf(selection.fetchId).catch(() => null) : null;
    const site = selection.issueKey ? await options.jiraSite() : null;
    const issue = selection.issueKey && site ? jiraIssueLink(site, selection.issueKey) : null;
    return buildChatMessage(selection.channel, events, { analysis, issue });
  }

  return {
    status,
    async save(channel: ChatChannel, url: string): Promise<ChatStatus> {
      checkWebhookUrl(channel, url.trim());
      await options.secrets.set(secretName(channel), url.trim());
      return status();
    },
    async forget(channel: ChatChannel): Promise<ChatStatus> {
      await options.secrets.delete(secretName(channel));
      return status();
    },
    async preview(selection: Selection) {
      return { lines: previewLines(await message(selection)) };
    },
    async send(selection: Selection & { sendAgain?: boolean | undefined }) {
      const { url } = await webhook(selection.channel);
      if (!url) {
        throw new ApiError('CREDENTIALS_MISSING', `No ${selection.channel === 'slack' ? 'Slack' : 'Teams'} webhook is saved: paste the channel's incoming webhook URL first.`);
      }
      return notifyOnce({ channel: selection.channel, url, message: await message(selection), sendAgain: selection.sendAgain ?? false }, { ledger });
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
