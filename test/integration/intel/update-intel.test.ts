import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadIntel } from '../../../main/services/intel/load-enricher';
import { officialUrls, updateIntel } from '../../../main/services/intel/update-intel';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/intel', name));

/** What the local server answers on each path: status, body, headers. */
type Answer = { status: number; body: Buffer | string; headers?: Record<string, string> };
let routes: Record<string, Answer>;
let server: Server;
let base: string;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-update-'));
  routes = {
    '/ip-ranges.json': { status: 200, body: fixture('ip-ranges.json') },
    '/exit-addresses': { status: 200, body: fixture('exit-addresses') },
  };
  server = createServer((request, response) => {
    const answer = routes[request.url ?? ''] ?? { status: 404, body: 'not found' };
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.close();
  await once(server, 'close');
  rmSync(dataDir, { recursive: true, force: true });
});

const urls = () => ({ 'aws-ip-ranges': `${base}/ip-ranges.json`, 'tor-exits': `${base}/exit-addresses` });

describe('Update', () => {
  it('downloads both lists, validates them and puts them in use, naming where they came from', async () => {
    const outcomes = await updateIntel({ dataDir, urls: urls() });
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
      ['aws-ip-ranges', true],
      ['tor-exits', true],
    ]);
    const { status, enricher } = await loadIntel(dataDir);
    expect(status.missing).toEqual([]);
    expect(status.datasets.find((d) => d.id === 'aws-ip-ranges')).toMatchObject({ origin: 'imported', source: `${base}/ip-ranges.json`, date: '2026-11-30T21:13:05Z' });
    expect(enricher.lookup('185.220.101.47', Date.parse('2026-11-30T10:00:00Z'))).toMatchObject({ tor: true, inAws: false });
  });

  it('keeps the data set in use when the server answers 500', async () => {
    await updateIntel({ dataDir, urls: urls() });
    routes['/ip-ranges.json'] = { status: 500, body: 'oops' };
    const [aws] = await updateIntel({ dataDir, urls: urls(), lists: ['aws-ip-ranges'] });
    expect(aws).toMatchObject({ ok: false, error: expect.stringMatching(/could not be downloaded, the data set in use was kept: the server answered 500/) });
    const { enricher } = await loadIntel(dataDir);
    expect(enricher.lookup('18.209.1.1', Date.now()).aws).toBe('EC2');
  });

  it('refuses a malformed download whole, naming the line, and keeps the data set in use', async () => {
    await updateIntel({ dataDir, urls: urls() });
    routes['/exit-addresses'] = { status: 200, body: fixture('exit-addresses-bad') };
    const [tor] = await updateIntel({ dataDir, urls: urls(), lists: ['tor-exits'] });
    expect(tor).toMatchObject({ ok: false, error: `${base}/exit-addresses was refused, nothing was changed: line 7: not an IP address` });
    const { status } = await loadIntel(dataDir);
    expect(status.datasets.find((d) => d.id === 'tor-exits')).toMatchObject({ entries: 3 });
  });

  it('dates a plain exit list by its Last-Modified header', async () => {
    routes['/list'] = { status: 200, body: fixture('torbulkexitlist'), headers: { 'last-modified': 'Mon, 30 Nov 2026 12:00:00 GMT' } };
    const [tor] = await updateIntel({ dataDir, urls: { 'tor-exits': `${base}/list` }, lists: ['tor-exits'] });
    expect(tor).toMatchObject({ ok: true, dataset: { date: '2026-11-30T12:00:00.000Z', entries: 3 } });
  });

  it('refuses a redirect rather than follow it off the URL it was given', async () => {
    routes['/moved'] = { status: 302, body: '', headers: { location: `${base}/ip-ranges.json` } };
    const [aws] = await updateIntel({ dataDir, urls: { 'aws-ip-ranges': `${base}/moved` }, lists: ['aws-ip-ranges'] });
    expect(aws).toMatchObject({ ok: false, error: expect.stringMatching(/redirect/) });
    expect((await loadIntel(dataDir)).status.missing).toContain('aws-ip-ranges');
  });

  it('reads its URLs from TRAILCASE_INTEL_* variables, https or loopback only', async () => {
    const env = { TRAILCASE_INTEL_AWS_IP_RANGES_URL: `${base}/ip-ranges.json` };
    expect(await updateIntel({ dataDir, env, lists: ['aws-ip-ranges'] })).toMatchObject([{ ok: true, url: `${base}/ip-ranges.json` }]);
    await expect(updateIntel({ dataDir, env: { TRAILCASE_INTEL_TOR_EXITS_URL: 'http://mirror.example/exit-addresses' }, lists: ['tor-exits'] })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/TRAILCASE_INTEL_TOR_EXITS_URL must be an https URL/),
    });
  });

  it('asks the official URLs by default', async () => {
    const asked: string[] = [];
    const fetchStub = (async (url: string | URL | Request) => {
      asked.push(String(url));
      return new Response('unavailable', { status: 503 });
    }) as typeof fetch;
    const outcomes = await updateIntel({ dataDir, env: {}, fetch: fetchStub });
    expect(asked).toEqual(['https://ip-ranges.amazonaws.com/ip-ranges.json', 'https://check.torproject.org/exit-addresses']);
    expect(asked).toEqual([officialUrls['aws-ip-ranges'], officialUrls['tor-exits']]);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
  });
});
