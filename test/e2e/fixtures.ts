import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { test as base, expect } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';

export interface WebHostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  cacheDir: string;
  /** Everything the host wrote to stderr (its log). */
  log: () => string;
  stop(): Promise<void>;
  /** Ends the host with SIGKILL, as a crash would: no shutdown code runs. */
  kill(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  cacheDir?: string;
}

/**
 * Starts the built web host (`out/main/cli.cjs serve`) with fresh data and cache folders, and
 * waits for the URL it prints as stdout's first line.
 */
export async function startWebHost(options: StartOptions = {}): Promise<WebHostProcess> {
  const root = mkdtempSync(join(tmpdir(), 'trailcase-e2e-'));
  const dataDir = options.dataDir ?? join(root, 'data');
  const cacheDir = options.cacheDir ?? join(root, 'cache');
  const child: ChildProcess = spawn(process.execPath, ['out/main/cli.cjs', 'serve', '--data-dir', dataDir, '--cache-dir', cacheDir], {
    env: { HOME: join(root, 'home'), PATH: process.env.PATH, AWS_CONFIG_FILE: join(root, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    cacheDir,
    log: () => stderr,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // A host still closing after 10 s (a loaded machine) is killed: the test is over, and its
        // teardown must not eat the next one's time.
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir && !options.cacheDir) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { errors };
}

/** A test with its own web host (fresh folders) and a page opened at the tokened URL. */
export const test = base.extend<{ webHost: WebHostProcess; app: Page; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  webHost: async ({}, use) => {
    const host = await startWebHost();
    await use(host);
    await host.stop();
  },
  consoleErrors: async ({ page }, use) => {
    await use(watchConsole(page).errors);
  },
  app: async ({ page, webHost, consoleErrors }, use) => {
    void consoleErrors;
    await page.goto(webHost.url);
    await use(page);
  },
});

export { expect };
