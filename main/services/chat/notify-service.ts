import { ApiError } from '../../../shared/api/errors';
import type { SlackMessage } from '../../../shared/chat/slack-blocks';
import type { TeamsMessage } from '../../../shared/chat/teams-card';
import { quoteServiceText } from '../cloudtrail/lookup-errors';
import { realSleep } from '../jira/retry-after';
import type { Sleep } from '../jira/retry-after';
import type { NotifyLedger } from './notify-ledger';
import { messageIdOf } from './notify-ledger';
import { postToWebhook } from './post-webhook';
import type { PostOutcome } from './post-webhook';
import { channelName, describeWebhook } from './webhook-url';
import type { ChatChannel } from './webhook-url';

export interface NotifyRequest {
  channel: ChatChannel;
  url: URL;
  message: SlackMessage | TeamsMessage;
  /** The analyst checked the channel and wants the same message posted again. */
  sendAgain?: boolean;
}

export interface NotifyOptions {
  ledger: NotifyLedger;
  sleep?: Sleep;
  /** Posts refused with 429 are tried again this many times in all. */
  attempts?: number;
  /** A Retry-After longer than this is not waited for. */
  maxWaitSeconds?: number;
  post?: (channel: ChatChannel, url: URL, message: SlackMessage | TeamsMessage) => Promise<PostOutcome>;
}

function refusal(channel: ChatChannel, url: URL, status: number, text: string): ApiError {
  const said = text ? ` (${quoteServiceText(text.slice(0, 200))})` : '';
  const name = channelName(channel);
  if (status === 404 || status === 410 || status === 403) {
    return new ApiError('ACCESS_DENIED', `${name} refused the webhook at ${describeWebhook(url)}: status ${status}${said}. It was removed or disabled: create a new one and set it again.`);
  }
  return new ApiError('INTERNAL', `${name} refused the message: status ${status}${said}. Nothing was posted; report this with the message from --dry-run.`);
}

/**
 * Posts a message once (promise 17's rule, for chat). The ledger entry is written before the
 * post; a 429 is waited out and tried again (the platform refused it, so nothing was posted); an
 * answer lost after the request went out leaves the entry `sending`, and the same message is
 * not posted again until the analyst checks the channel and asks for it. Returns the message id.
 */
export async function notifyOnce(request: NotifyRequest, options: NotifyOptions): Promise<{ messageId: string; alreadySent: boolean }> {
  const { channel, url, message } = request;
  const { ledger } = options;
  const sleep = options.sleep ?? realSleep;
  const post = options.post ?? postToWebhook;
  const messageId = messageIdOf(channel, url, message);
  const before = await ledger.get(messageId);
  if (before && !request.sendAgain) {
    if (before.state === 'sent') return { messageId, alreadySent: true };
    throw new ApiError('CONFLICT', `This message may already be in the ${channelName(channel)} channel: its post at ${before.at} got no answer. Check the channel; to post it again, send again (--send-again).`);
  }
  await ledger.put({ messageId, channel, state: 'sending', at: new Date().toISOString() });
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    const outcome = await post(channel, url, message);
    if (outcome.kind === 'sent') {
      await ledger.put({ messageId, channel, state: 'sent', at: new Date().toISOString() });
      return { messageId, alreadySent: false };
    }
    if (outcome.kind === 'lost') {
      throw new ApiError('NETWORK', `The post to ${channelName(channel)} got no answer; the message may be in the channel. Check it before sending again (--send-again).`);
    }
    // Nothing was posted: the entry goes, so the same message can be sent later.
    if (outcome.kind === 'unreachable') {
      await ledger.remove(messageId);
      throw new ApiError('NETWORK', `Cannot reach ${describeWebhook(url)}; nothing was posted. Check the network and try again.`);
    }
    if (outcome.kind === 'refused') {
      await ledger.remove(messageId);
      throw refusal(channel, url, outcome.status, outcome.text);
    }
    const wait = outcome.retryAfterSeconds ?? 5;
    if (attempt >= attempts || wait > (options.maxWaitSeconds ?? 120)) {
      await ledger.remove(messageId);
      throw new ApiError('THROTTLED', `${channelName(channel)} is limiting posts; it asked to wait ${Math.ceil(wait)} s. Nothing was posted; try again in a moment.`);
    }
    await sleep(wait * 1000);
  }
}
