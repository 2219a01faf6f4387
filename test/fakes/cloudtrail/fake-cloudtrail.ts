import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { FakeEvent } from './fake-events';
import { pageOf } from './fake-paging';
import { handleSts } from './fake-sts';

/** A deliberate failure of one call. */
export type Fault = '500' | 'reset' | 'truncate' | 'hang' | 'expired' | 'denied' | 'unrecognized' | 'throttle';

/** One request as the fake saw it. */
export interface FakeCall {
  at: number;
  accessKeyId: string;
  region: string;
  target: string;
  body: Record<string, unknown> | null;
  status: number;
  fault?: Fault;
  /** Refused for the rate: like AWS's token buckets, a refused call takes no share of it. */
  throttled?: boolean;
  /** The client closed the connection before the answer was sent (an aborted request). */
  closedByClient?: boolean;
  /** The events of the page answered (200). */
  eventIds?: string[];
}

export interface FakeOptions {
  events?: FakeEvent[];
  /** Calls allowed per second per account and region (the real limit is 2); 0 disables it. */
  callsPerSecond?: number;
  /**
   * The account of an access key, as AWS knows it; by default each key is its own account.
   * Two keys of one account share the account's 2 calls a second, as in AWS.
   */
  accountOf?: (accessKeyId: string) => string;
  latencyMs?: number;
  fault?: (call: FakeCall, index: number) => Fault | undefined;
  /** Text of AccessDenied faults (can be hostile). */
  deniedMessage?: string;
  /** Each page repeats the last event of the page before, as CloudTrail can at equal timestamps. */
  repeatAcrossPages?: boolean;
}

const targets = new Set(['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents', 'CloudTrail_20131101.LookupEvents']);
const attributeKeys = new Set([
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
]);

/**
 * A CloudTrail LookupEvents endpoint over HTTP speaking AWS JSON 1.1, as the real service does:
 * SigV4 header required, one lookup attribute, MaxResults 1 to 50, newest first, NextToken bound
 * to its query, ThrottlingException (HTTP 400) above the per key and region rate, and faults.
 */
export async function startFakeCloudTrail(options: FakeOptions = {}) {
  const state: State = { events: [...(options.events ?? [])], calls: [], options, changed: new Set() };
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void handle(request, response, state).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls: state.calls,
    events: state.events,
    /** LookupEvents calls (not STS), in arrival order. */
    lookups: () => state.calls.filter((call) => targets.has(call.target)),
    /** Resolves once the LookupEvents log satisfies `check` (checked at each arrival, answer and close). */
    until(check: (lookups: FakeCall[]) => boolean): Promise<void> {
      return new Promise((resolve) => {
        const test = () => {
          if (!check(state.calls.filter((call) => targets.has(call.target)))) return;
          state.changed.delete(test);
          resolve();
        };
        state.changed.add(test);
        test();
      });
    },
    setOptions(changes: Partial<FakeOptions>) {
      Object.assign(state.options, changes);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeCloudTrail = Awaited<ReturnType<typeof startFakeCloudTrail>>;

type State = { events: FakeEvent[]; calls: FakeCall[]; options: FakeOptions; changed: Set<() => void> };

function notify(state: State): void {
  for (const listener of [...state.changed]) listener();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'x-amzn-RequestId': createHash('md5').update(text).digest('hex'),
  });
  response.end(text);
}

const error = (type: string, message: string) => ({ __type: type, message });

async function handle(request: IncomingMessage, response: ServerResponse, state: State): Promise<void> {
  // The service counts a call when it arrives, not when this process got round to its body.
  const arrived = Date.now();
  const text = await readBody(request);
  if (request.method === 'GET' && request.url === '/__stats') {
    // For a fake run in another process (the benchmark): what it served.
    const lookups = state.calls.filter((c) => targets.has(c.target));
    return send(response, 200, { lookups: lookups.length, throttled: lookups.filter((c) => c.throttled).length });
  }
  if (request.method === 'GET' && request.url === '/__calls')
    return send(
      response,
      200,
      state.calls.filter((c) => targets.has(c.target)),
    );
  if (request.method === 'GET' && request.url === '/__events')
    return send(
      response,
      200,
      state.events.map((event) => ({ eventId: event.eventId, username: event.username, region: event.region, time: event.time })),
    );
  const auth = String(request.headers.authorization ?? '');
  const credential =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(auth);
  const target = String(request.headers['x-amz-target'] ?? '');
  const call: FakeCall = {
    at: arrived,
    accessKeyId: credential?.[1] ?? '',
    region: credential?.[2] ?? '',
    target,
    body: null,
    status: 200,
  };
  state.calls.push(call);
  response.on('close', () => {
    if (!response.writableFinished && call.status !== 0) call.closedByClient = true;
    notify(state);
  });
  notify(state);
  if (credential?.[3] === 'sts') return handleSts(text, call, response);
  const reply = (status: number, body: unknown) => {
    call.status = status;
    send(response, status, body);
  };
  if (!credential) return reply(400, error('MissingAuthenticationTokenException', 'Missing Authentication Token'));
  if (!targets.has(target)) return reply(400, error('UnknownOperationException', 'Unknown operation'));
  if (!/^application\/x-amz-json-1\.1/.test(String(request.headers['content-type'])))
    return reply(400, error('SerializationException', 'Wrong content type'));
  try {
    call.body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return reply(400, error('SerializationException', 'Malformed body'));
  }
  const { callsPerSecond = 2, latencyMs = 0, accountOf = (key: string) => key } = state.options;
  if (callsPerSecond > 0) {
    const account = accountOf(call.accessKeyId ?? '');
    const recent = state.calls.filter(
      (c) =>
        c !== call &&
        !c.throttled &&
        accountOf(c.accessKeyId ?? '') === account &&
        c.region === call.region &&
        targets.has(c.target) &&
        c.at > call.at - 1000,
    );
    if (recent.length >= callsPerSecond) {
      call.throttled = true;
      return reply(400, error('ThrottlingException', 'Rate exceeded'));
    }
  }
  const fault = state.options.fault?.(call, state.calls.filter((c) => targets.has(c.target)).length - 1);
  if (fault) call.fault = fault;
  if (latencyMs > 0 || fault === 'hang')
    await new Promise((resolve) => setTimeout(resolve, fault === 'hang' ? 3_600_000 : latencyMs).unref());
  switch (fault) {
    case '500':
      return reply(500, error('InternalFailure', 'We encountered an internal error. Please try again.'));
    case 'reset':
      call.status = 0;
      return void request.socket.destroy();
    case 'throttle':
      return reply(400, error('ThrottlingException', 'Rate exceeded'));
    case 'expired':
      return reply(400, error('ExpiredTokenException', 'The security token included in the request is expired'));
    case 'unrecognized':
      return reply(400, error('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    case 'denied':
      return reply(
        400,
        error('AccessDeniedException', state.options.deniedMessage ?? 'User is not authorized to perform: cloudtrail:LookupEvents'),
      );
    default:
      break;
  }
  const result = lookup(state.events, call, state.options.repeatAcrossPages ?? false);
  if ('__type' in result) return reply(400, result);
  if (fault === 'truncate') {
    call.status = 200;
    const body = JSON.stringify(result);
    response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': String(Buffer.byteLength(body)) });
    response.write(body.slice(0, Math.floor(body.length / 2)));
    return void setTimeout(() => request.socket.destroy(), 10);
  }
  call.eventIds = (result.Events as Array<{ EventId: string }>).map((event) => event.EventId);
  reply(200, result);
}

function queryKey(body: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify([body.LookupAttributes, body.StartTime, body.EndTime, body.MaxResults ?? 50, body.EventCategory]))
    .digest('hex')
    .slice(0, 24);
}

function lookup(events: FakeEvent[], call: FakeCall, repeatAcrossPages: boolean): Record<string, unknown> {
  const body = call.body!;
  const attributes = (body.LookupAttributes ?? []) as Array<{ AttributeKey?: string; AttributeValue?: string }>;
  if (!Array.isArray(attributes) || attributes.length > 1)
    return error('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  const attribute = attributes[0];
  if (attribute && (!attributeKeys.has(attribute.AttributeKey ?? '') || typeof attribute.AttributeValue !== 'string'))
    return error('InvalidLookupAttributesException', 'The lookup attribute is not valid.');
  const max = body.MaxResults === undefined ? 50 : Number(body.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 50) return error('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  const start = body.StartTime === undefined ? 0 : Number(body.StartTime) * 1000;
  const end = body.EndTime === undefined ? Date.now() : Number(body.EndTime) * 1000;
  if (start > end) return error('InvalidTimeRangeException', 'StartTime must be before EndTime.');
  let offset = 0;
  if (body.NextToken !== undefined) {
    const [key, at] = String(body.NextToken).split(':');
    if (key !== queryKey(body) || !/^\d+$/.test(at ?? '')) return error('InvalidNextTokenException', 'Invalid NextToken.');
    offset = Number(at);
  }
  const hits = events
    .filter((event) => event.region === call.region && event.time >= start && event.time <= end)
    .filter(
      (event) =>
        !attribute ||
        (attribute.AttributeKey === 'Username'
          ? event.username === attribute.AttributeValue
          : attribute.AttributeKey === 'AccessKeyId'
            ? event.accessKeyId === attribute.AttributeValue
            : attribute.AttributeKey === 'EventName'
              ? event.eventName === attribute.AttributeValue
              : false),
    );
  const { page, nextOffset } = pageOf(hits, offset, max, repeatAcrossPages);
  const result: Record<string, unknown> = {
    Events: page.map((event) => ({
      EventId: event.eventId,
      EventName: event.eventName,
      ReadOnly: 'true',
      AccessKeyId: event.accessKeyId,
      EventTime: event.time / 1000,
      EventSource: event.eventSource,
      Username: event.username,
      Resources: [],
      CloudTrailEvent: event.raw,
    })),
  };
  if (nextOffset !== null) result.NextToken = `${queryKey(body)}:${nextOffset}`;
  return result;
}
