import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { IamHandler } from './fake-iam-find';
import { jobHandlers } from './fake-iam-jobs';
import type { IamJobs } from './fake-iam-jobs';
import { readHandlers } from './fake-iam-reads';
import { simulateHandler } from './fake-iam-simulate';
import { fakeIamState } from './fake-iam-state';
import type { FakeIamState } from './fake-iam-state';
import { ENTITY_MUTATIONS, writeHandlers } from './fake-iam-writes';
import { errorXml, IamFault, successXml } from './fake-iam-xml';

/** One request as the fake saw it: the action and every form parameter (Action and Version included). */
export interface IamCall {
  at: number;
  action: string;
  params: Record<string, string>;
  accessKeyId: string;
  status: number;
  code?: string;
}

export interface FakeIamOptions {
  state?: FakeIamState;
  /** Delay before each answer (ms), for the benchmark. */
  latencyMs?: number;
  /** Actions answered with AccessDenied (403), as for a profile whose policy lacks them. */
  denied?: string[] | ((call: IamCall) => boolean);
  /** Each GetServiceLastAccessedDetails job answers IN_PROGRESS this many times first (default 1). */
  lastAccessedPolls?: number;
  /** How long a credential report takes to generate (ms, default 0). */
  reportDelayMs?: number;
  /** The fake's clock (default: the real one), to age the credential report. */
  now?: () => Date;
  /** Awaited after a request is logged and before it is answered: a test may change the state, or hold the answer. */
  onRequest?: (call: IamCall) => void | Promise<void>;
}

const handlers: Record<string, IamHandler> = { ...readHandlers, ...writeHandlers, SimulatePrincipalPolicy: simulateHandler };

/**
 * IAM over HTTP in the Query protocol, as the real service answers: POST form-encoded
 * `Action=…&Version=2010-05-08`, XML results in `<ActionResponse>`/`<ActionResult>` with a
 * RequestId, `<ErrorResponse>` errors with IAM's codes and HTTP statuses, Marker/IsTruncated
 * paging, the credential report's states and the services-last-accessed job. Every call is logged.
 */
export async function startFakeIam(options: FakeIamOptions = {}) {
  const state = options.state ?? fakeIamState();
  const calls: IamCall[] = [];
  const jobs: IamJobs = { reportDelayMs: options.reportDelayMs ?? 0, lastAccessed: new Map(), lastAccessedPolls: options.lastAccessedPolls ?? 1 };
  const all = { ...handlers, ...jobHandlers(jobs) };
  const settings = { ...options };
  const now = () => (settings.now ?? (() => new Date()))();
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const params = Object.fromEntries(new URLSearchParams(text));
    const authorization = request.headers.authorization ?? '';
    const accessKeyId = /Credential=([^/]+)\//.exec(authorization)?.[1] ?? '';
    const call: IamCall = { at: Date.now(), action: params.Action ?? '', params, accessKeyId, status: 0 };
    calls.push(call);
    if (settings.latencyMs) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
    await settings.onRequest?.(call);
    const requestId = randomUUID();
    try {
      if (request.method !== 'POST') throw new IamFault('InvalidAction', 400, 'Only POST is served here.');
      if (!accessKeyId) throw new IamFault('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
      const handler = all[call.action];
      if (!handler || params.Version !== '2010-05-08') {
        throw new IamFault('InvalidAction', 400, `Could not find operation ${call.action} for version ${params.Version ?? 'NO_VERSION_SPECIFIED'}`);
      }
      const denied = settings.denied;
      if (Array.isArray(denied) ? denied.includes(call.action) : denied?.(call)) {
        throw new IamFault(
          'AccessDenied',
          403,
          `User: arn:aws:iam::${state.account}:user/analyst is not authorized to perform: iam:${call.action} because no identity-based policy allows the iam:${call.action} action`,
        );
      }
      const result = handler({ state, params, now });
      call.status = 200;
      response.writeHead(200, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
      response.end(successXml(call.action, result, requestId));
    } catch (error) {
      const fault = error instanceof IamFault ? error : new IamFault('ServiceFailure', 500, String(error));
      call.status = fault.status;
      call.code = fault.code;
      response.writeHead(fault.status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
      response.end(errorXml(fault, requestId));
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    calls,
    jobs,
    /** The calls that changed an IAM entity (UpdateAccessKey, DeleteLoginProfile, Attach…, Put…), in order. */
    mutations: () => calls.filter((call) => ENTITY_MUTATIONS.has(call.action)),
    setOptions(changes: Partial<Pick<FakeIamOptions, 'latencyMs' | 'denied' | 'now' | 'onRequest'>>) {
      Object.assign(settings, changes);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeIam = Awaited<ReturnType<typeof startFakeIam>>;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
