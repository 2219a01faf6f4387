import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDispatcher } from '../../../main/hosts/dispatch';
import type { Handlers } from '../../../main/hosts/dispatch';
import { createStreamBus } from '../../../main/hosts/stream-bus';
import { startWebHost } from '../../../main/web/server';
import type { WebHost } from '../../../main/web/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can forge Host, Origin and Sec-Fetch-Site as an attacker would. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; setHost?: boolean } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, setHost: options.setHost ?? true }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Bytes as written, for requests no HTTP client would send (no Host, an empty Host). */
function sendRaw(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the web host', () => {
  let host: WebHost;
  const bus = createStreamBus();
  const staticDir = mkdtempSync(join(tmpdir(), 'trailcase-static-'));

  beforeAll(async () => {
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Trailcase</title>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
    const handlers = { listProfiles: async () => ({ profiles: [], problems: [] }) } as unknown as Handlers;
    host = await startWebHost({ dispatch: createDispatcher(handlers), subscribe: bus.subscribe, staticDir });
  });
  afterAll(async () => host.close());

  const ok = () => ({ Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Trailcase-Token': host.token });

  it('listens on 127.0.0.1 only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('prints a URL that carries a fresh random token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[\w-]{43}$/);
  });

  it('answers an api call that carries the token', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: ok(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, data: { profiles: [], problems: [] } });
  });

  it('refuses an api call without the token', async () => {
    const { 'X-Trailcase-Token': _token, ...headers } = ok();
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('refuses an api call with a wrong token', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), 'X-Trailcase-Token': 'x'.repeat(43) }, body: '{}' });
    expect(reply.status).toBe(401);
  });

  // Promise 7: the token is compared whole (constant time, equal lengths), never by prefix.
  it.each([
    ['a prefix of the token', (token: string) => token.slice(0, -1)],
    ['its first character', (token: string) => token.slice(0, 1)],
    ['the token and one more character', (token: string) => `${token}x`],
    ['the token twice', (token: string) => token + token],
    ['an empty token', () => ''],
    ['the token in another case', (token: string) => (token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase())],
  ])('refuses an api call with %s', async (_name, forge) => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), 'X-Trailcase-Token': forge(host.token) }, body: '{}' });
    expect(reply.status).toBe(401);
    const stream = await send(host.port, '/api/stream', { headers: { Host: `127.0.0.1:${host.port}`, 'X-Trailcase-Token': forge(host.token) } });
    expect(stream.status).toBe(401);
  });

  it('refuses the token in the query string instead of the header', async () => {
    const { 'X-Trailcase-Token': _token, ...headers } = ok();
    const reply = await send(host.port, `/api/call/listProfiles?token=${host.token}`, { method: 'POST', headers, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('refuses the stream without the token', async () => {
    const reply = await send(host.port, '/api/stream', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(reply.status).toBe(401);
  });

  // Promise 7 (DNS rebinding): the Host header is exactly 127.0.0.1:PORT or localhost:PORT.
  // localhost is kept: browsers resolve it to loopback themselves, so no attacker's DNS can
  // answer for it, and analysts type it. Any other name, port or suffix is refused.
  const foreignHosts = (port: number) => [
    'evil.test',
    `evil.test:${port}`,
    'localhost.evil.test',
    `localhost.evil.test:${port}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${port}.evil.test`,
    `127.0.0.1:${port}1`,
    `127.0.0.1:${String(port).slice(0, -1)}`,
    `127.0.0.1.evil.test:${port}`,
    `localhost:${port}.evil.test`,
    `[::1]:${port}`,
    `0.0.0.0:${port}`,
    `127.0.0.2:${port}`,
    `127.0.0.1:${port}@evil.test`,
  ];
  it('refuses every foreign Host header on the api and on the page (DNS rebinding)', async () => {
    for (const hostHeader of foreignHosts(host.port)) {
      const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Host: hostHeader }, body: '{}' });
      expect({ hostHeader, status: reply.status }).toEqual({ hostHeader, status: 403 });
      const page = await send(host.port, '/', { headers: { Host: hostHeader } });
      expect({ hostHeader, status: page.status }).toEqual({ hostHeader, status: 403 });
    }
  });

  it.each([
    ['no Host header (HTTP/1.0, which Node lets through to the guard)', 'GET / HTTP/1.0\r\n\r\n', 403],
    ['no Host header on the api (HTTP/1.0)', 'POST /api/call/listProfiles HTTP/1.0\r\nContent-Type: application/json\r\nX-Trailcase-Token: TOKEN\r\nContent-Length: 2\r\n\r\n{}', 403],
    ['no Host header (HTTP/1.1, which Node refuses itself)', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
    ['an empty Host header', 'GET / HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n', 403],
  ])('refuses a request with %s', async (_name, raw, status) => {
    const reply = await sendRaw(host.port, raw.replace('TOKEN', host.token));
    expect(reply.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.[01] ${status} `));
    expect(reply).not.toContain('<title>Trailcase</title>');
  });

  it.each([(port: number) => `127.0.0.1:${port}`, (port: number) => `localhost:${port}`])('accepts its own Host header %#', async (own) => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Host: own(host.port) }, body: '{}' });
    expect(reply.status).toBe(200);
  });

  // Promise 7: an Origin is compared whole, never by prefix or suffix.
  const foreignOrigins = (port: number) => [
    'https://evil.test',
    'http://127.0.0.1:1',
    'null',
    `http://127.0.0.1:${port}1`,
    `http://127.0.0.1:${port}0`,
    `http://127.0.0.1:${String(port).slice(0, -1)}`,
    `http://127.0.0.1:${port}.evil.test`,
    `http://127.0.0.1.evil.test:${port}`,
    `http://localhost.evil.test:${port}`,
    `http://localhost:${port}.evil.test`,
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1`,
    `http://127.0.0.1:${port}/`,
    `http://[::1]:${port}`,
    `http://evil.test:${port}`,
    `http://127.0.0.1:${port}@evil.test`,
    '',
  ];
  it('refuses every foreign Origin, even with the token', async () => {
    for (const origin of foreignOrigins(host.port)) {
      const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Origin: origin }, body: '{}' });
      expect({ origin, status: reply.status }).toEqual({ origin, status: 403 });
    }
  });

  it('accepts localhost:PORT as its own Origin too', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Origin: `http://localhost:${host.port}` }, body: '{}' });
    expect(reply.status).toBe(200);
  });

  it('refuses a cross-site fetch', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), 'Sec-Fetch-Site': 'cross-site' }, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Origin: `http://127.0.0.1:${host.port}` }, body: '{}' });
    expect(reply.status).toBe(200);
  });

  it('refuses a form post (no JSON content type), which needs no CORS preflight', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(reply.status).toBe(415);
  });

  it('answers a body over 4 MiB with 413 and a JSON error, which the client receives (no reset)', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: ok(), body: `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}` });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toEqual({ error: expect.stringMatching(/too large/) });
  });

  it('answers fetch() with 413 too, and still serves calls afterwards', async () => {
    const reply = await fetch(`http://127.0.0.1:${host.port}/api/call/listProfiles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': host.token },
      body: `{"x":"${'a'.repeat(4 * 1024 * 1024)}"}`,
    });
    expect(reply.status).toBe(413);
    expect(await reply.json()).toEqual({ error: expect.stringMatching(/too large/) });
    const next = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: ok(), body: '{}' });
    expect(next.status).toBe(200);
  });

  it('sends the CSP, no referrer and no framing on the page', async () => {
    const page = await send(host.port, '/', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it.each(['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/%00'])('serves nothing outside the app for %s', async (path) => {
    const reply = await send(host.port, path, { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(reply.body).not.toContain('secret');
  });

  it('pushes stream messages to a connected client as NDJSON', async () => {
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/stream', headers: { Host: `127.0.0.1:${host.port}`, 'X-Trailcase-Token': host.token } }, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
          if (text.includes('mfa.settled')) {
            req.destroy();
            resolve(text.trim().split('\n'));
          } else bus.emit({ type: 'mfa.settled', requestId: 'r1' });
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(lines.map((line) => JSON.parse(line).type)).toEqual(['hello', 'mfa.settled']);
  });
});
