import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { serveWeb } from '../../../main/web/web-host-main';
import type { WebHost } from '../../../main/web/server';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';

/**
 * Promise 6 at the web host: a Jira token typed in the browser and an MFA code travel through
 * the api, and neither reaches the host's log (what `trailcase serve` writes to stderr), its
 * stdout, the console, or a file of its data folder.
 */
let web: WebHost | null = null;
let jira: FakeJira | null = null;
afterEach(async () => {
  await web?.close();
  await jira?.close();
  web = null;
  jira = null;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the web host’s log', () => {
  it('never holds the Jira token or the MFA code sent through the api', async () => {
    const jiraToken = `CANARYjiraToken${randomBytes(12).toString('hex')}`;
    const mfaCode = String(randomInt(100_000, 1_000_000));
    vi.stubEnv('JIRA_BASE_URL', '');
    vi.stubEnv('JIRA_API_TOKEN', '');
    jira = await startFakeJira({ apiToken: jiraToken });

    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
        written.push(String(chunk));
        return original(chunk, ...rest);
      }) as typeof stream.write);
    };
    capture(process.stdout);
    capture(process.stderr);
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));

    const staticDir = mkdtempSync(join(tmpdir(), 'trailcase-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Trailcase</title>');
    const dataDir = mkdtempSync(join(tmpdir(), 'trailcase-data-'));
    web = await serveWeb({ dataDir, staticDir, log: (line) => written.push(line) });
    const call = async (method: string, input: unknown) => {
      const reply = await fetch(`http://127.0.0.1:${web!.port}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': web!.token },
        body: JSON.stringify(input),
      });
      return (await reply.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
    };

    const saved = await call('saveJiraConnection', { site: jira.url, email: jira.email, token: jiraToken });
    expect(saved).toMatchObject({ ok: true, data: { hasToken: true } });
    expect(await call('testJiraConnection', {})).toMatchObject({ ok: true, data: { displayName: 'Ana Lyst' } });
    jira.fail({ route: 'myself', status: 500 });
    expect((await call('testJiraConnection', {})).ok).toBe(false);
    expect(await call('answerMfa', { requestId: 'no-such-prompt', code: mfaCode })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A malformed call quoting the token is refused without echoing it to the log either.
    expect((await call('saveJiraConnection', { site: 'ftp://x', email: jira.email, token: jiraToken })).ok).toBe(false);

    const basic = Buffer.from(`${jira.email}:${jiraToken}`).toString('base64');
    const everything = [written.join('\n'), ...filesUnder(dataDir).map((path) => readFileSync(path, 'utf8'))].join('\n');
    expect(everything).not.toContain(jiraToken);
    expect(everything).not.toContain(basic);
    expect(everything).not.toContain(mfaCode);
  });
});
