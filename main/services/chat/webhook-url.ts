import { ApiError } from '../../../shared/api/errors';

export type ChatChannel = 'slack' | 'teams';

const loopback = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A webhook URL is a secret that can post to a channel (promise 6): it is checked here once and
 * never printed. It must be https (plain http only on this machine, for local tests) and carry
 * no user name or password.
 */
export function checkWebhookUrl(channel: ChatChannel, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError('CONFIG_INVALID', `The ${channelName(channel)} webhook URL is not a URL; paste the whole URL the channel gave you.`);
  }
  const local = url.protocol === 'http:' && loopback.has(url.hostname);
  if ((url.protocol !== 'https:' && !local) || url.username || url.password) {
    throw new ApiError('CONFIG_INVALID', `The ${channelName(channel)} webhook URL must start with https:// (and hold no user name or password).`);
  }
  return url;
}

/** What may be said of a webhook in messages: its origin only. */
export function describeWebhook(url: URL): string {
  return `${url.origin}/…`;
}

export function channelName(channel: ChatChannel): string {
  return channel === 'slack' ? 'Slack' : 'Teams';
}

/** The environment variable that holds each channel's webhook (DESIGN 2.2). */
export const webhookVariable: Record<ChatChannel, string> = {
  slack: 'TRAILCASE_SLACK_WEBHOOK_URL',
  teams: 'TRAILCASE_TEAMS_WEBHOOK_URL',
};
