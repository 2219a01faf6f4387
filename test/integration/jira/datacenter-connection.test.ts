import { afterEach, describe, expect, it } from 'vitest';

import { ticketContract } from '../../../shared/api/ticket-contract';
import { startHarness } from './jira-harness';
import type { Harness } from './jira-harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a Jira Data Center connection saved in the app', () => {
  it('tests, saves and submits through REST v2 with the personal access token, the description in wiki markup', async () => {
    harness = await startHarness({ deployment: 'datacenter', pat: 'app-dc-pat-0123' });
    const draft = { site: harness.fake.url, email: '', token: 'app-dc-pat-0123', kind: 'datacenter' as const };
    expect(await harness.handlers.testJiraConnection({ draft })).toMatchObject({ site: harness.fake.url, displayName: 'Ana Lyst' });
    const info = await harness.handlers.saveJiraConnection(draft);
    expect(info).toMatchObject({ site: harness.fake.url, hasToken: true, kind: 'datacenter', source: 'saved' });
    expect(JSON.stringify(info)).not.toContain('app-dc-pat-0123');

    const result = await harness.handlers.submitTicket(harness.submitInput());
    expect(result.issueKey).toBe('SEC-1');
    expect(harness.fake.issues).toHaveLength(1);
    expect(typeof harness.fake.issues[0]!.fields.description).toBe('string');
    expect(harness.fake.issues[0]!.attachments).toHaveLength(1);
    expect(harness.fake.log.filter((entry) => entry.path.startsWith('/rest/api/3/'))).toEqual([]);
  });

  it('the contract takes a Data Center connection without an email, and still asks a Cloud one for it', () => {
    const input = ticketContract.saveJiraConnection.input;
    expect(input.safeParse({ site: 'https://jira.example.com', email: '', token: 't', kind: 'datacenter' }).success).toBe(true);
    const cloud = input.safeParse({ site: 'https://team.atlassian.net', email: '', token: 't' });
    expect(cloud.success).toBe(false);
    expect(cloud.error?.issues.map((issue) => issue.path.join('.'))).toContain('email');
  });
});
