import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../../helpers/run-cli';

const fixture = (name: string) => resolve('test/fixtures/intel', name);
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-intel-cli-'));
  env = { TRAILCASE_DATA_DIR: dataDir };
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

// Each case starts the CLI from source two or three times (through tsx): slow on a loaded machine.
describe('trailcase intel', { timeout: 90_000 }, () => {
  it('status says which data sets are in use, bundled, with dates, and which are missing', async () => {
    const run = await runCli(['intel', 'status'], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DATA SET\s+ORIGIN\s+DATE\s+ENTRIES\s+SOURCE$/);
    expect(lines[1]).toMatch(/^ip-country\s+bundled\s+2026-06-17T19:51:40\.000Z\s+\d+\s+@ip-location-db\/geo-whois-asn-country-mmdb@2\.3\.2026061719$/);
    expect(lines[2]).toMatch(/^ip-asn\s+bundled\s+2026-06-17\s+\d+\s+@ip-location-db\/asn@2\.3\.2026061719$/);
    expect(lines.slice(3).map((line) => line.split(/\s+/).slice(0, 2))).toEqual([
      ['aws-ip-ranges', 'missing'],
      ['tor-exits', 'missing'],
    ]);
  });

  it('imports a file, and status --json then lists it as imported', async () => {
    const imported = await runCli(['intel', 'import', '--aws-ip-ranges', fixture('ip-ranges.json')], env);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe('imported aws-ip-ranges: 11 entries, dated 2026-11-30T21:13:05Z, from ip-ranges.json\n');
    const status = await runCli(['intel', 'status', '--json'], env);
    const parsed = JSON.parse(status.stdout) as { datasets: Array<{ id: string; origin: string; date: string }>; missing: string[] };
    expect(parsed.datasets.find((d) => d.id === 'aws-ip-ranges')).toMatchObject({ origin: 'imported', date: '2026-11-30T21:13:05Z' });
    expect(parsed.missing).toEqual(['tor-exits']);
  });

  it('refuses a malformed file with exit 1, naming the line, and changes nothing', async () => {
    const run = await runCli(['intel', 'import', '--tor-exits', fixture('exit-addresses-bad')], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('trailcase: exit-addresses-bad was refused, nothing was changed: line 7: not an IP address\n');
    const status = JSON.parse((await runCli(['intel', 'status', '--json'], env)).stdout) as { missing: string[] };
    expect(status.missing).toContain('tor-exits');
  });

  it('exits 2 unless exactly one file option is given', async () => {
    expect((await runCli(['intel', 'import'], env)).code).toBe(2);
    expect((await runCli(['intel', 'import', '--tor-exits', fixture('torbulkexitlist'), '--aws-ip-ranges', fixture('ip-ranges.json')], env)).code).toBe(2);
  });

  it('update downloads from the configured URLs, keeps what failed and exits 1 when one did', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/exit-addresses') response.end(readFileSync(fixture('exit-addresses')));
      else response.writeHead(500).end('down');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await runCli(['intel', 'update', '--json'], { ...env, TRAILCASE_INTEL_AWS_IP_RANGES_URL: `${base}/ip-ranges.json`, TRAILCASE_INTEL_TOR_EXITS_URL: `${base}/exit-addresses` });
      expect(run.code).toBe(1);
      const { outcomes } = JSON.parse(run.stdout) as { outcomes: Array<{ id: string; ok: boolean }> };
      expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
        ['aws-ip-ranges', false],
        ['tor-exits', true],
      ]);
    } finally {
      server.close();
    }
  });
});
