import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted answer for the next posts to one channel. */
export type WebhookFault =
  /** Answers 429 with Retry-After, without delivering (the platform refused it). */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** Delivers the message, then drops the connection: the sender never learns it arrived. */
  | { kind: 'lost-answer' }
  /** Answers with a status and body, without delivering. */
  | { kind: 'status'; status: number; body: string };

export interface DeliveredMessage {
  channel: 'slack' | 'teams';
  body: unknown;
}

/** The one webhook of each channel that exists; any other path is a removed or unknown hook (404 no_service). */
const SLACK_PATH = '/services/T0FAKE/B0FAKE/fakeSecret0123456789';
const TEAMS_PATH = '/workflows/0123abcd/triggers/manual/paths/invoke';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Every text a Block Kit message holds, with where it sits, for the limit checks. */
function slackTexts(value: unknown, path = ''): Array<{ path: string; text: string }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => slackTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.text === 'string' ? [{ path: `${path}.text`, text: record.text }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => (key === 'text' && typeof child === 'string' ? [] : slackTexts(child, `${path}.${key}`)))];
}

/** Slack's answer to an incoming-webhook post: `ok`, or the error texts Slack sends (400 invalid_blocks, no_text, invalid_payload). */
function judgeSlack(text: string): { status: number; body: string } {
  let payload: { text?: unknown; blocks?: unknown };
  try {
    payload = JSON.parse(text) as typeof payload;
  } catch {
    return { status: 400, body: 'invalid_payload' };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return { status: 400, body: 'invalid_payload' };
  if (payload.blocks === undefined && (typeof payload.text !== 'string' || payload.text === '')) return { status: 400, body: 'no_text' };
  if (payload.blocks !== undefined) {
    if (!Array.isArray(payload.blocks) || payload.blocks.length > 50) return { status: 400, body: 'invalid_blocks' };
    for (const block of payload.blocks as Array<{ type?: unknown; text?: { text?: unknown } }>) {
      if (block.type === 'header' && typeof block.text?.text === 'string' && block.text.text.length > 150) return { status: 400, body: 'invalid_blocks' };
    }
    if (slackTexts(payload.blocks).some((entry) => entry.text.length > 3000 || entry.text.length === 0)) return { status: 400, body: 'invalid_blocks' };
  }
  if (typeof payload.text === 'string' && payload.text.length > 40_000) return { status: 400, body: 'msg_too_long' };
  return { status: 200, body: 'ok' };
}

/** What a Workflows webhook answers: 202, or Power Automate's error shapes for a body it cannot take. */
function judgeTeams(text: string): { status: number; body: string } {
  if (Buffer.byteLength(text) > 28 * 1024) {
    return { status: 413, body: JSON.stringify({ error: { code: 'MessageSizeLimitExceeded', message: 'The request content size exceeds the limit of 28 KB.' } }) };
  }
  let payload: { type?: unknown; attachments?: Array<{ contentType?: unknown; content?: { type?: unknown } }> };
  try {
    payload = JSON.parse(text) as typeof payload;
  } catch {
    return { status: 400, body: JSON.stringify({ error: { code: 'InvalidRequestContent', message: 'The input body for trigger manual of type Request must be of type JSON, but was of type application/octet-stream.' } }) };
  }
  const card = payload?.attachments?.[0];
  if (payload?.type !== 'message' || card?.contentType !== 'application/vnd.microsoft.card.adaptive' || card.content?.type !== 'AdaptiveCard') {
    return { status: 400, body: JSON.stringify({ error: { code: 'TriggerInputSchemaMismatch', message: "The input body for trigger 'manual' of type 'Request' did not match its schema definition." } }) };
  }
  return { status: 202, body: '' };
}

/**
 * Slack incoming webhooks and Teams Workflows webhooks as the platforms answer them: Slack's
 * limits (50 blocks, 3,000 characters a text, 150 a header) and error texts, Teams' 28 KB and
 * schema errors, scripted 429s with Retry-After and answers lost after delivery. Each URL's path
 * is its secret; the fake logs paths of refused posts but never prints them.
 */
export async function startFakeWebhooks() {
  const delivered: DeliveredMessage[] = [];
  const attempts: Array<{ channel: 'slack' | 'teams' | null; status: number | 'dropped' }> = [];
  const faults: Record<'slack' | 'teams', WebhookFault[]> = { slack: [], teams: [] };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      const text = await readBody(request);
      const channel = request.method !== 'POST' ? null : path === SLACK_PATH ? 'slack' : path === TEAMS_PATH ? 'teams' : null;
      if (!channel) {
        attempts.push({ channel, status: 404 });
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
        return;
      }
      const fault = faults[channel].shift();
      if (fault?.kind === 'rate-limited') {
        attempts.push({ channel, status: 429 });
        response.writeHead(429, { 'content-type': 'text/plain', 'retry-after': String(fault.retryAfterSeconds) }).end(channel === 'slack' ? 'rate_limited' : '');
        return;
      }
      if (fault?.kind === 'status') {
        attempts.push({ channel, status: fault.status });
        response.writeHead(fault.status, { 'content-type': 'text/plain' }).end(fault.body);
        return;
      }
      const answer = channel === 'slack' ? judgeSlack(text) : judgeTeams(text);
      if (answer.status < 300) delivered.push({ channel, body: JSON.parse(text) as unknown });
      if (fault?.kind === 'lost-answer' && answer.status < 300) {
        attempts.push({ channel, status: 'dropped' });
        request.socket.destroy();
        return;
      }
      attempts.push({ channel, status: answer.status });
      response.writeHead(answer.status, { 'content-type': channel === 'slack' ? 'text/plain' : 'application/json' }).end(answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    slackUrl: `${base}${SLACK_PATH}`,
    // A Workflows URL carries its signature in the query, as Power Automate issues them.
    teamsUrl: `${base}${TEAMS_PATH}?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=fakeTeamsSig0123456789`,
    base,
    delivered,
    attempts,
    failNext(channel: 'slack' | 'teams', ...next: WebhookFault[]): void {
      faults[channel].push(...next);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeWebhooks = Awaited<ReturnType<typeof startFakeWebhooks>>;
