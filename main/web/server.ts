import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { StreamMessage } from '../../shared/api/stream';
import type { Dispatch } from '../hosts/dispatch';
import { contentSecurityPolicy } from '../security/csp';
import { refusal } from './request-guard';
import { readStatic } from './static-files';

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** Headers on every response: the renderer's CSP, no referrer (the token is in the URL), no framing. */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Subscribes to stream messages; returns the unsubscribe function. */
  subscribe: (listener: (message: StreamMessage) => void) => () => void;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

/**
 * The web host: the built renderer and the api on 127.0.0.1 only. Api calls are
 * `POST /api/call/<method>` with a JSON body; stream messages come as NDJSON from `GET /api/stream`.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { error: 'internal error' }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/');
    const refused = refusal(request, { port, token }, isApi);
    if (refused) return send(response, refused.status, { error: refused.message });
    if (!isApi) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'Method not allowed.' });
      const file = await readStatic(options.staticDir, path);
      if (!file) return send(response, 404, { error: 'Not found.' });
      response.writeHead(200, { ...securityHeaders, 'Content-Type': file.type, 'Content-Length': file.body.length });
      response.end(request.method === 'HEAD' ? undefined : file.body);
      return;
    }
    if (path === '/api/stream' && request.method === 'GET') return openStream(response);
    const match = /^\/api\/call\/([A-Za-z]{1,64})$/.exec(path);
    if (!match || request.method !== 'POST') return send(response, 404, { error: 'Not found.' });
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, { error: 'JSON only.' });
    const body = await readBody(request);
    if (body === null) return send(response, 413, { error: 'Request too large (4 MiB at most).' }, { Connection: 'close' });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return send(response, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not JSON.' } });
    }
    send(response, 200, await options.dispatch(match[1], input));
  }

  function openStream(response: ServerResponse): void {
    response.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
    response.write('{"type":"hello"}\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const unsubscribe = options.subscribe((message) => {
    const line = `${JSON.stringify(message)}\n`;
    for (const stream of streams) stream.write(line);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...securityHeaders, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES; null when larger. A larger body is still read to
 * its end (and thrown away) so that the client, which is still sending, receives the 413 instead
 * of a reset connection; past MAX_DRAIN_BYTES the connection is cut all the same.
 */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) request.destroy();
      else if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    request.on('close', () => resolve(null));
  });
}
