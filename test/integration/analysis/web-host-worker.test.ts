import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeStoredFetch } from './stored-fetch';

/**
 * The built web host (`node out/main/cli.cjs serve`, run `npm run build` first) analyses a large
 * stored fetch in its worker thread: other api calls answer while the analysis runs.
 */
const root = resolve(__dirname, '../../..');
const cli = join(root, 'out/main/cli.cjs');

describe('the web host analyses in a worker thread', () => {
  let child: ChildProcess;
  let port = 0;
  let token = '';
  const home = mkdtempSync(join(tmpdir(), 'trailcase-worker-'));

  const call = (method: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> =>
    new Promise((done, fail) => {
      const body = JSON.stringify(input);
      const req = request(
        { host: '127.0.0.1', port, path: `/api/call/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': token } },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(JSON.parse(text)));
        },
      );
      req.on('error', fail);
      req.end(body);
    });

  beforeAll(async () => {
    expect(existsSync(join(root, 'out/main/analysis-worker.cjs')), 'run `npm run build` first').toBe(true);
    writeStoredFetch(join(home, 'cache'), 'big', 50_000);
    child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', join(home, 'data'), '--cache-dir', join(home, 'cache')], {
      env: { PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<URL>((done, fail) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (text: string) => {
        out += text;
        if (out.includes('\n')) done(new URL(out.split('\n')[0]!));
      });
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
    });
    port = Number(url.port);
    token = url.searchParams.get('token')!;
  }, 60_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  });


  it('answers listProfiles again and again while 50,000 events are being analysed', async () => {
    // A first analysis loads the stored fetch and the enrichment (their file reads leave the
    // main thread gaps even without a worker); a mute makes the second one a new question.
    const first = await call('analyzeFetch', { fetchId: 'big' });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    expect((first.data as { eventCount: number }).eventCount).toBe(50_000);
    const mutes = [{ ruleId: 'none', identity: 'arn:aws:iam::111122223333:user/alice', reason: 'test', until: '2099-01-01T00:00:00Z' }];
    let settled = false;
    const started = Date.now();
    const analysis = call('analyzeFetch', { fetchId: 'big', mutes }).then((reply) => {
      settled = true;
      return { reply, ms: Date.now() - started };
    });
    // listProfiles, one call after another, until the analysis answers: on a blocked main thread
    // none would be answered in between.
    const latencies: number[] = [];
    while (!settled) {
      const sent = Date.now();
      const profiles = await call('listProfiles', {});
      expect(profiles.ok).toBe(true);
      if (!settled) latencies.push(Date.now() - sent);
    }
    const { reply, ms } = await analysis;
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
    expect((reply.data as { eventCount: number }).eventCount).toBe(50_000);
    console.info(`analysis of 50,000 events: ${ms} ms; ${latencies.length} listProfiles answered meanwhile, slowest ${Math.max(...latencies)} ms`);
    expect(latencies.length).toBeGreaterThanOrEqual(10);
  }, 120_000);

  // Runs last: the host that has run analyses must still stop on one SIGTERM (the worker's
  // message port once kept it alive, and every e2e teardown waited for it in vain).
  it('stops on SIGTERM after its analyses, worker included', async () => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
