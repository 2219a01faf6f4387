import { IncomingWebhook } from '@slack/webhook';

import type { SlackMessage } from '../../../shared/chat/slack-blocks';
import type { TeamsMessage } from '../../../shared/chat/teams-card';
import type { ChatChannel } from './webhook-url';

/**
 * How one post ended. `lost` means the request went out and no answer came back: the message may
 * be in the channel, so it is never sent again on its own. `unreachable` means nothing was sent.
 */
export type PostOutcome =
  | { kind: 'sent' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  | { kind: 'refused'; status: number; text: string }
  | { kind: 'lost' }
  | { kind: 'unreachable' };

const notSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);

function retryAfter(value: unknown): number | null {
  const seconds = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function errorCode(error: unknown): string {
  const seen = error as { code?: unknown; cause?: { code?: unknown }; original?: { code?: unknown } };
  return String(seen.original?.code ?? seen.cause?.code ?? seen.code ?? '');
}

/**
 * Posts through `@slack/webhook` (no retries, no redirects, no proxy). Only the status, Slack's
 * short error text and Retry-After are read from a failure: the error objects carry the URL,
 * which must not reach a message or a log.
 */
async function postSlack(url: URL, message: SlackMessage, timeoutMs: number): Promise<PostOutcome> {
  try {
    await new IncomingWebhook(url.href, { timeout: timeoutMs }).send(message);
    return { kind: 'sent' };
  } catch (error) {
    const response = (error as { original?: { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } } }).original?.response;
    if (response?.status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfter(response.headers?.['retry-after']) };
    if (response?.status) return { kind: 'refused', status: response.status, text: typeof response.data === 'string' ? response.data : '' };
    return notSent.has(errorCode(error)) ? { kind: 'unreachable' } : { kind: 'lost' };
  }
}

/** Posts the card to a Workflows webhook with plain fetch (Microsoft ships no webhook client). */
async function postTeams(url: URL, message: TeamsMessage, timeoutMs: number): Promise<PostOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    if (response.status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfter(response.headers.get('retry-after')) };
    if (response.status >= 200 && response.status < 300) return { kind: 'sent' };
    return { kind: 'refused', status: response.status, text };
  } catch (error) {
    return notSent.has(errorCode(error)) ? { kind: 'unreachable' } : { kind: 'lost' };
  }
}

/** One post of a built message to its channel. */
export function postToWebhook(channel: ChatChannel, url: URL, message: SlackMessage | TeamsMessage, timeoutMs = 15_000): Promise<PostOutcome> {
  return channel === 'slack' ? postSlack(url, message as SlackMessage, timeoutMs) : postTeams(url, message as TeamsMessage, timeoutMs);
}
