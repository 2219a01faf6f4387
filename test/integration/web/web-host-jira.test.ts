import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { serveWeb } from '../../../main/web/web-host-main';
import type { WebHost } from '../../../main/web/server';

let web: WebHost | null = null;
afterEach(async () => {
  await web?.close();
  web = null;
  vi.unstubAllEnvs();
});

async function jiraConnection(): Promise<{ warning: string | null; source: string }> {
  const staticDir = mkdtempSync(join(tmpdir(), 'trailcase-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Trailcase</title>');
  web = await serveWeb({ dataDir: mkdtempSync(join(tmpdir(), 'trailcase-data-')), staticDir });
  const reply = await fetch(`http://127.0.0.1:${web.port}/api/call/getJiraConnection`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': web.token },
    body: '{}',
  });
  return ((await reply.json()) as { data: { warning: string | null; source: string } }).data;
}

describe('the web host’s Jira connection', () => {
  it('warns that a token typed into the browser is kept in memory only', async () => {
    vi.stubEnv('JIRA_API_TOKEN', '');
    expect((await jiraConnection()).warning).toMatch(/memory only/);
  });

  it('does not warn when the token comes from JIRA_API_TOKEN', async () => {
    vi.stubEnv('JIRA_BASE_URL', 'https://team.atlassian.net');
    vi.stubEnv('JIRA_EMAIL', 'analyst@example.com');
    vi.stubEnv('JIRA_API_TOKEN', 'from-the-environment');
    const info = await jiraConnection();
    expect(info).toMatchObject({ source: 'environment', warning: null });
    expect(JSON.stringify(info)).not.toContain('from-the-environment');
  });
});
