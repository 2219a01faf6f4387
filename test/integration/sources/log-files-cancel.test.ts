import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

import { paddedLogFile, records } from './log-corpus';

const root = resolve(__dirname, '../../..');
const FILES = 400;

/** Ctrl+C during a log-file fetch: the records read so far are written and the exit code is 4. */
describe('cancelling a log-file fetch', () => {
  it('writes what arrived before SIGINT and exits 4', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trailcase-cancel-'));
    const day = join(folder, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01');
    mkdirSync(day, { recursive: true });
    for (let file = 0; file < FILES; file++) {
      const text = records.alice.replace('000000000001"', `${String(file).padStart(12, '0')}"`);
      writeFileSync(join(day, `f${String(file).padStart(4, '0')}.json.gz`), paddedLogFile(text));
    }
    const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(
      process.execPath,
      ['--import', tsx, resolve(root, 'main/cli/main.ts'), 'fetch', '--source', folder, '--user', 'alice'],
      {
        env: { PATH: process.env.PATH, HOME: '/nonexistent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let [stdout, stderr] = ['', ''];
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      // The first progress line with a file done: the worker is reading; stop it there.
      if (!/Files [1-9]/.test(stderr) && /Files [1-9]/.test(text)) child.kill('SIGINT');
      stderr += text;
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code, stderr).toBe(4);
    expect(stderr).toContain('cancelled');
    const kept = (JSON.parse(stdout) as { Records: { eventID: string }[] }).Records;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(FILES);
  }, 60_000);
});
