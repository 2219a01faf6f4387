import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
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
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
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

  it('refuses the stream without the token', async () => {
    const reply = await send(host.port, '/api/stream', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(reply.status).toBe(401);
  });

  it.each(['evil.test', `evil.test:${0}`, 'localhost.evil.test', '127.0.0.1'])('refuses the foreign Host header %s (DNS rebinding)', async (hostHeader) => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Host: hostHeader }, body: '{}' });
    expect(reply.status).toBe(403);
    const page = await send(host.port, '/', { headers: { Host: hostHeader } });
    expect(page.status).toBe(403);
  });

  it.each(['https://evil.test', 'http://127.0.0.1:1', 'null'])('refuses the foreign Origin %s, even with the token', async (origin) => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: { ...ok(), Origin: origin }, body: '{}' });
    expect(reply.status).toBe(403);
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

  it('refuses a body that is too large', async () => {
    const reply = await send(host.port, '/api/call/listProfiles', { method: 'POST', headers: ok(), body: `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}` }).catch(() => ({ status: 413 }));
    expect(reply.status).toBe(413);
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
