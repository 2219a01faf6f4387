import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { createHost } from '../../../main/hosts/create-host';
import type { HostContext } from '../../../main/hosts/host-context';
import { createConnectionStore } from '../../../main/services/jira/connection-store';
import type { ConfirmJiraSite } from '../../../main/services/jira/connection-store';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';

/**
 * A compromised page must not choose where the analyst's text and events go: a new Jira site is
 * saved only when the host confirms it outside the page (the desktop's own dialog, injected).
 */
async function store(confirmJiraSite?: ConfirmJiraSite, env: NodeJS.ProcessEnv = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'trailcase-site-'));
  const secrets = createMemorySecretStore();
  return { connection: createConnectionStore({ dataDir, env, secrets, confirmJiraSite }), secrets };
}

describe('a Jira site change', () => {
  it('is saved only after the analyst confirmed it, naming the old and the new site', async () => {
    const confirm = vi.fn(async () => true);
    const { connection } = await store(confirm);
    await connection.save({ site: 'https://acme.atlassian.net', email: 'a@example.com', token: 't-1' });
    expect(confirm).toHaveBeenLastCalledWith({ from: null, to: 'https://acme.atlassian.net' });
    const info = await connection.save({ site: 'https://jira.example.com/some/path', email: 'a@example.com', token: 't-2' });
    expect(confirm).toHaveBeenLastCalledWith({ from: 'https://acme.atlassian.net', to: 'https://jira.example.com' });
    expect(info.site).toBe('https://jira.example.com');
  });

  it('is refused when the analyst declines: the site, email and token stay as they were', async () => {
    const answers = [true, false];
    const { connection, secrets } = await store(async () => answers.shift()!);
    await connection.save({ site: 'https://acme.atlassian.net', email: 'a@example.com', token: 'acme-token' });
    await expect(connection.save({ site: 'https://evil.test', email: 'x@evil.test', token: 'x' })).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringContaining('https://evil.test'),
    });
    expect(await connection.info()).toMatchObject({ site: 'https://acme.atlassian.net', email: 'a@example.com', hasToken: true });
    expect(await secrets.get('jira-token:https://acme.atlassian.net')).toBe('acme-token');
    expect(await secrets.get('jira-token:https://evil.test')).toBeNull();
  });

  it('asks nothing when the site stays the same (a new email or token)', async () => {
    const confirm = vi.fn(async () => true);
    const { connection } = await store(confirm);
    await connection.save({ site: 'https://acme.atlassian.net', email: 'a@example.com', token: 't-1' });
    await connection.save({ site: 'https://ACME.atlassian.net/', email: 'b@example.com', token: 't-2' });
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('asks before replacing the site the environment configured', async () => {
    const confirm = vi.fn(async () => false);
    const { connection } = await store(confirm, {
      JIRA_BASE_URL: 'https://acme.atlassian.net',
      JIRA_EMAIL: 'a@example.com',
      JIRA_API_TOKEN: 't',
    });
    await expect(connection.save({ site: 'https://evil.test', email: 'a@example.com', token: null })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(confirm).toHaveBeenCalledWith({ from: 'https://acme.atlassian.net', to: 'https://evil.test' });
    expect((await connection.info()).site).toBe('https://acme.atlassian.net');
  });

  it('is saved without a question where the host has no UI but the page (the web host)', async () => {
    const { connection } = await store(undefined);
    expect((await connection.save({ site: 'https://acme.atlassian.net', email: 'a@example.com', token: null })).site).toBe(
      'https://acme.atlassian.net',
    );
  });
});

describe('the desktop host', () => {
  async function host(confirmJiraSite: ConfirmJiraSite) {
    const dataDir = await mkdtemp(join(tmpdir(), 'trailcase-site-host-'));
    const opened: string[] = [];
    const ctx: HostContext = {
      kind: 'electron',
      env: {},
      dataDir,
      cacheDir: join(dataDir, 'cache'),
      emit: () => {},
      askMfaCode: () => Promise.reject(new Error('no MFA here')),
      secrets: createMemorySecretStore(),
      openExternal: async (url) => {
        opened.push(url);
        return true;
      },
      takePendingDeepLink: () => null,
      confirmJiraSite,
    };
    return { dispatch: createHost(ctx).dispatch, opened };
  }

  it('passes its confirmation to the save the page asks for, and refuses a declined site', async () => {
    const confirm = vi.fn(async () => false);
    const { dispatch } = await host(confirm);
    const result = await dispatch('saveJiraConnection', { site: 'https://evil.test', email: 'x@evil.test', token: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(confirm).toHaveBeenCalledWith({ from: null, to: 'https://evil.test' });
    expect(await dispatch('getJiraConnection', {})).toMatchObject({ ok: true, data: { site: null } });
  });

  it('opens links to the exact configured site only, not to any Atlassian site', async () => {
    const { dispatch, opened } = await host(async () => true);
    await dispatch('saveJiraConnection', { site: 'https://acme.atlassian.net', email: 'a@example.com', token: 't' });
    expect(await dispatch('openExternal', { url: 'https://acme.atlassian.net/browse/SEC-1' })).toMatchObject({
      ok: true,
      data: { opened: true },
    });
    for (const url of ['https://evil.atlassian.net/browse/SEC-1?d=secret', 'https://acme.atlassian.net:444/browse/SEC-1'])
      expect(await dispatch('openExternal', { url }), url).toMatchObject({ ok: true, data: { opened: false, url: null } });
    expect(opened).toEqual(['https://acme.atlassian.net/browse/SEC-1']);
  });
});
