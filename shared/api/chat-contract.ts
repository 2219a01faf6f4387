import { z } from 'zod';

import { Empty, Id } from './primitives';

const Channel = z.enum(['slack', 'teams']);

/** A channel's webhook as the renderer may see it: whether there is one and its origin, never the URL. */
const ChannelStatus = z.object({
  configured: z.boolean(),
  /** `https://hooks.slack.com/…`: enough to recognise it, not to post with it. */
  hint: z.string().nullable(),
  source: z.enum(['saved', 'environment', 'none']),
});

export const ChatStatus = z.object({
  slack: ChannelStatus,
  teams: ChannelStatus,
  /** False when saved webhooks are kept in memory for this session only. */
  persistent: z.boolean(),
  warning: z.string().nullable(),
});
export type ChatStatus = z.infer<typeof ChatStatus>;

const IssueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'a Jira issue key such as SEC-12');
const Selection = z.object({ channel: Channel, fetchId: Id, eventIds: z.array(z.string().max(400)).min(1).max(100_000), issueKey: IssueKey.nullable().optional() });
const PreviewLine = z.object({ kind: z.enum(['title', 'heading', 'text', 'item', 'note', 'button']), text: z.string() });

/** Chat notifications (Slack incoming webhooks, Teams Workflows webhooks): webhooks are secrets kept by the host. */
export const chatContract = {
  getChatStatus: { input: Empty, output: ChatStatus },
  saveChatWebhook: { input: z.object({ channel: Channel, url: z.string().min(1).max(2000) }), output: ChatStatus },
  forgetChatWebhook: { input: z.object({ channel: Channel }), output: ChatStatus },
  previewChatMessage: { input: Selection, output: z.object({ lines: z.array(PreviewLine) }) },
  sendToChat: {
    input: Selection.extend({ sendAgain: z.boolean().optional() }),
    output: z.object({ messageId: z.string(), alreadySent: z.boolean() }),
  },
} as const;
