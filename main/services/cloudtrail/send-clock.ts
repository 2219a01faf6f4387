import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** Set by the SDK's retry step on every request, unique per call. */
const INVOCATION_HEADER = 'amz-sdk-invocation-id';

const waiting = new Map<string, () => void>();
let subscribed = false;

function onRequestStart(message: unknown): void {
  const request = (message as { request?: ClientRequest }).request;
  const id = request?.getHeader(INVOCATION_HEADER);
  if (!request || typeof id !== 'string') return;
  const onSent = waiting.get(id);
  if (!onSent) return;
  waiting.delete(id);
  request.once('finish', onSent);
}

/**
 * Calls `onSent` when the request of this invocation has really been handed to its socket
 * ('finish' of Node's ClientRequest), which can be well after the SDK's last middleware ran: a
 * new connection opens on a later turn, and a turn can be held up by the store writing another
 * region's page. CloudTrail counts a call when it arrives, so the rate limiter's clock must
 * start no earlier than this. Returns a function that forgets the registration.
 */
export function whenSent(invocationId: string, onSent: () => void): () => void {
  if (!subscribed) {
    subscribed = true;
    subscribe('http.client.request.start', onRequestStart);
  }
  waiting.set(invocationId, onSent);
  return () => waiting.delete(invocationId);
}
