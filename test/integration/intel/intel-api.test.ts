import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDispatcher } from '../../../main/hosts/dispatch';
import type { Handlers } from '../../../main/hosts/dispatch';
import { createIntelHandlers } from '../../../main/hosts/handlers/intel-handlers';
import type { HostContext } from '../../../main/hosts/host-context';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-intel-api-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function dispatcherFor(env: NodeJS.ProcessEnv) {
  const ctx = { kind: 'web', env, dataDir } as unknown as HostContext;
  return createDispatcher(createIntelHandlers(ctx) as unknown as Handlers);
}

describe('the intel api', () => {
  it('intelStatus lists the data sets in use and those missing', async () => {
    const result = await dispatcherFor({})('intelStatus', {});
    expect(result).toMatchObject({ ok: true, data: { missing: ['aws-ip-ranges', 'tor-exits'], datasets: [{ id: 'ip-country', origin: 'bundled' }, { id: 'ip-asn', origin: 'bundled' }] } });
  });

  it('intelUpdate takes no URL from the renderer, only which lists', async () => {
    const dispatch = dispatcherFor({});
    expect(await dispatch('intelUpdate', { urls: { 'tor-exits': 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('intelUpdate', { lists: ['geoip'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('intelUpdate downloads from the host-configured URL and answers the new status', async () => {
    const server = createServer((_request, response) => response.end(readFileSync(resolve('test/fixtures/intel/exit-addresses'))));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/exit-addresses`;
      const result = await dispatcherFor({ TRAILCASE_INTEL_TOR_EXITS_URL: url })('intelUpdate', { lists: ['tor-exits'] });
      expect(result).toMatchObject({ ok: true, data: { outcomes: [{ id: 'tor-exits', ok: true, url }], status: { missing: ['aws-ip-ranges'] } } });
    } finally {
      server.close();
    }
  });
});
