import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ApiError } from '../../../shared/api/errors';
import { createConnectionStore } from '../../../main/services/jira/connection-store';
import { createJiraApi } from '../../../main/services/jira/jira-client';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';
import { JiraHttpError } from '../../../main/services/jira/jira-http-error';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';
import { startHarness } from './jira-harness';
import type { Harness } from './jira-harness';

let harness: Harness | undefined;
let other: FakeJira | undefined;
afterEach(async () => {
  await harness?.close();
  await other?.close();
  harness = undefined;
  other = undefined;
});

describe('the Jira connection', () => {
  it('tests the connection and says which account it reached', async () => {
    harness = await startHarness();
    expect(await harness.handlers.testJiraConnection({})).toEqual({
      site: harness.fake.url,
      accountId: '5b10a2844c20165700ede21g',
      displayName: 'Ana Lyst',
      emailAddress: harness.fake.email,
    });
  });

  it('never returns the token, only whether there is one', async () => {
    harness = await startHarness();
    const info = await harness.handlers.saveJiraConnection({
      site: 'https://team.atlassian.net',
      email: 'a@example.com',
      token: 'canary-token-123',
    });
    expect(info).toMatchObject({ site: 'https://team.atlassian.net', email: 'a@example.com', hasToken: true, source: 'saved' });
    expect(JSON.stringify(info)).not.toContain('canary-token-123');
  });

  it('never writes the token to the data folder', async () => {
    harness = await startHarness();
    await harness.handlers.saveJiraConnection({ site: 'https://team.atlassian.net', email: 'a@example.com', token: 'canary-token-456' });
    const files = await readdir(harness.dataDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile()))
      expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain('canary-token-456');
    expect(files.some((entry) => entry.name === 'connection.json')).toBe(true);
  });

  it('forgets the token when the site changes', async () => {
    harness = await startHarness();
    await harness.handlers.saveJiraConnection({ site: 'https://team.atlassian.net', email: 'a@example.com', token: 'secret-1' });
    const info = await harness.handlers.saveJiraConnection({ site: 'https://other.atlassian.net', email: 'a@example.com', token: null });
    // The environment's site is used again: the saved site has no token any more.
    expect(info.source).toBe('environment');
    expect(await harness.tickets.connection.credentials()).toMatchObject({ site: harness.fake.url, apiToken: harness.fake.apiToken });
  });

  it('keeps the token when only the email changes', async () => {
    harness = await startHarness();
    await harness.handlers.saveJiraConnection({ site: 'https://team.atlassian.net', email: 'a@example.com', token: 'secret-1' });
    await harness.handlers.saveJiraConnection({ site: 'https://team.atlassian.net/jira/', email: 'b@example.com', token: null });
    expect(await harness.tickets.connection.credentials()).toEqual({
      site: 'https://team.atlassian.net',
      email: 'b@example.com',
      apiToken: 'secret-1',
    });
  });

  it('says Jira is not connected when nothing is configured', async () => {
    harness = await startHarness();
    const bare = createConnectionStore({ dataDir: harness.dataDir, env: {}, secrets: createMemorySecretStore() });
    await expect(bare.credentials()).rejects.toMatchObject({ code: 'JIRA_NOT_CONNECTED' });
  });

  it('refuses a site that is not https, except on loopback', async () => {
    harness = await startHarness();
    await expect(harness.tickets.connection.save({ site: 'http://evil.test', email: 'a@example.com', token: 'x' })).rejects.toBeInstanceOf(
      ApiError,
    );
    await expect(
      harness.tickets.connection.save({ site: 'https://user:pw@evil.test', email: 'a@example.com', token: 'x' }),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it('lists projects, issue types without sub-tasks, and the required fields of an issue type', async () => {
    harness = await startHarness();
    expect((await harness.handlers.listJiraProjects({})).projects.map((p) => p.key)).toEqual(['SEC', 'OPS']);
    expect((await harness.handlers.listJiraIssueTypes({ projectKey: 'SEC' })).issueTypes.map((t) => t.name)).toEqual(['Task', 'Incident']);
    const { fields } = await harness.handlers.listJiraFields({ projectKey: 'SEC', issueTypeId: '10002' });
    expect(fields.filter((f) => f.required).map((f) => [f.fieldId, f.kind])).toEqual([
      ['customfield_10050', 'select'],
      ['customfield_10060', 'text'],
    ]);
    expect(fields.find((f) => f.fieldId === 'priority')).toMatchObject({ kind: 'priority', required: false });
  });

  it('does not carry the Authorization header to another origin on a redirect', async () => {
    const site = await startFakeJira();
    other = await startFakeJira();
    site.redirectTo(other.url);
    try {
      const api = createJiraApi({ site: site.url, email: site.email, apiToken: site.apiToken });
      const error = await api.myself().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(JiraHttpError);
      expect((error as JiraHttpError).status).toBe(401);
      expect(site.log[0]).toMatchObject({ hasAuthorization: true, status: 307 });
      expect(other.log).toMatchObject([{ path: '/rest/api/3/myself', hasAuthorization: false }]);
    } finally {
      await site.close();
    }
  });
});
