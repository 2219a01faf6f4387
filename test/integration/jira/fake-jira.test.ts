import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createJiraApi } from '../../../main/services/jira/jira-client';
import type { JiraApi } from '../../../main/services/jira/jira-client';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';

let fake: FakeJira;
let api: JiraApi;
beforeEach(async () => {
  fake = await startFakeJira();
  api = createJiraApi({ site: fake.url, email: fake.email, apiToken: fake.apiToken });
});
afterEach(() => fake.close());

const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] };
const base = { project: { key: 'SEC' }, issuetype: { id: '10001' }, summary: 'One line', description: adf, labels: ['trailcase'] };

async function createError(fields: Record<string, unknown>) {
  return api.createIssue(fields).then(
    () => null,
    (error: { status: number; errors: Record<string, string> }) => ({ status: error.status, errors: error.errors }),
  );
}

describe('the fake Jira, as the real jira.js client sees it', () => {
  it('requires an ADF description', async () => {
    // jira.js wraps a string description in ADF itself, so this one is sent as a raw client would.
    const response = await fetch(`${fake.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${fake.email}:${fake.apiToken}`).toString('base64')}`,
      },
      body: JSON.stringify({ fields: { ...base, description: 'plain text' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { description: expect.stringMatching(/Atlassian Document/) } });
    expect(
      await createError({
        ...base,
        description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
      }),
    ).toMatchObject({ status: 400 });
  });

  it('requires a one-line summary under 256 characters', async () => {
    expect(await createError({ ...base, summary: 'two\nlines' })).toMatchObject({
      status: 400,
      errors: { summary: expect.stringMatching(/newline/) },
    });
    expect(await createError({ ...base, summary: 'x'.repeat(256) })).toMatchObject({
      status: 400,
      errors: { summary: expect.stringMatching(/255/) },
    });
  });

  it('refuses labels with spaces and fields the issue type does not have', async () => {
    expect(await createError({ ...base, labels: ['has space'] })).toMatchObject({
      status: 400,
      errors: { labels: expect.stringMatching(/spaces/) },
    });
    expect(await createError({ ...base, customfield_10050: { id: '10100' } })).toMatchObject({
      status: 400,
      errors: { customfield_10050: expect.stringMatching(/cannot be set/) },
    });
  });

  it('requires the required fields of the issue type', async () => {
    expect(await createError({ ...base, issuetype: { id: '10002' } })).toMatchObject({
      status: 400,
      errors: { customfield_10050: 'Severity is required.', customfield_10060: 'Team is required.' },
    });
  });

  it('refuses attachments without the XSRF header', async () => {
    const created = await api.createIssue(base);
    const form = new FormData();
    form.append('file', new Blob(['{}']), 'x.json');
    const response = await fetch(`${fake.url}/rest/api/3/issue/${created.key}/attachments`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Basic ${Buffer.from(`${fake.email}:${fake.apiToken}`).toString('base64')}` },
    });
    expect(response.status).toBe(403);
    await api.addAttachment(created.key, 'x.json', '{}');
    expect(fake.issues[0]!.attachments.map((a) => a.filename)).toEqual(['x.json']);
  });

  it('pages projects, issue types and fields, and the client reads every page', async () => {
    const paged = await startFakeJira({ maxPageSize: 2 });
    try {
      const client = createJiraApi({ site: paged.url, email: paged.email, apiToken: paged.apiToken });
      expect((await client.searchProjects()).map((p) => p.key)).toEqual(['SEC', 'OPS']);
      expect(await client.issueTypes('SEC')).toHaveLength(3);
      expect((await client.fields('SEC', '10002')).map((f) => f.fieldId)).toEqual([
        'summary',
        'description',
        'labels',
        'priority',
        'customfield_10050',
        'customfield_10060',
      ]);
      expect(paged.log.filter((entry) => entry.route === 'createmeta').length).toBeGreaterThan(3);
    } finally {
      await paged.close();
    }
  });

  it('answers 401 to bad credentials', async () => {
    const wrong = createJiraApi({ site: fake.url, email: fake.email, apiToken: 'nope' });
    await expect(wrong.myself()).rejects.toMatchObject({ status: 401 });
  });

  it('keeps new issues out of search until its index catches up', async () => {
    fake.setSearchLag(60_000);
    const created = await api.createIssue({ ...base, labels: ['trailcase-sub-abc'] });
    expect(await api.findByLabel('SEC', 'trailcase-sub-abc')).toEqual([]);
    fake.setSearchLag(0);
    expect(await api.findByLabel('SEC', 'trailcase-sub-abc')).toEqual([{ id: created.id, key: created.key }]);
  });

  it('answers 429 with Retry-After when told to', async () => {
    fake.fail({ route: 'myself', status: 429, headers: { 'Retry-After': '7' } });
    await expect(api.myself()).rejects.toMatchObject({ status: 429, retryAfterSeconds: 7 });
  });
});
