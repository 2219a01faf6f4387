import { afterEach, describe, expect, it } from 'vitest';

import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { createTicketHandlers } from '../../../main/hosts/handlers/ticket-handlers';
import { createTicketService } from '../../../main/services/jira/ticket-service';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';
import { sampleRecords, startHarness } from './jira-harness';
import type { Harness } from './jira-harness';

/**
 * Issue 14 item 7: a pending entry belongs to the site it was made on. After the connection
 * moves to another site, neither a repeated submit nor a retry may look its label up there or
 * attach its events to whatever issue carries its key there; both say what to do instead.
 */
let siteA: Harness;
let siteB: FakeJira;
afterEach(async () => {
  await siteA?.close();
  await siteB?.close();
});

/** The ticket handlers of the same data folder, now connected to another Jira site. */
function handlersOn(site: FakeJira, dataDir: string) {
  const stored: FetchedEvent[] = sampleRecords().map((record) => ({ eventId: String(record.eventID), region: 'us-east-1', raw: JSON.stringify(record) }));
  const tickets = createTicketService({
    dataDir,
    env: { JIRA_BASE_URL: site.url, JIRA_EMAIL: site.email, JIRA_API_TOKEN: site.apiToken },
    secrets: createMemorySecretStore(),
    loadRecords: async (_fetchId, ids) => stored.filter((event) => ids.includes(event.eventId)),
    lookupDelaysMs: [0],
  });
  return createTicketHandlers(tickets);
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: { code: string; message: string }) => error,
  );
}

describe('a pending submission after the Jira site changed', () => {
  it('is neither looked up nor created on the new site, by submit or by retry, and says to reconnect or discard', async () => {
    siteA = await startHarness();
    siteA.fake.fail({ route: 'create', drop: true, after: false });
    const input = siteA.submitInput();
    expect((await siteA.handlers.submitTicket(input)).state).toBe('unconfirmed');

    siteB = await startFakeJira();
    const onB = handlersOn(siteB, siteA.dataDir);
    const submitted = await refusal(onB.submitTicket(input));
    expect(submitted.code).toBe('CONFLICT');
    expect(submitted.message).toContain(siteA.fake.url);
    expect(submitted.message).toMatch(/Connect to .* again to finish it, or discard it/);
    const retried = await refusal(onB.retryPendingSubmission({ submissionId: input.submissionId, resend: true }));
    expect(retried).toMatchObject({ code: 'CONFLICT', message: submitted.message });

    expect(siteB.log).toEqual([]);
    expect(siteB.issues).toEqual([]);
    expect((await onB.listPendingSubmissions({})).pending).toMatchObject([{ submissionId: input.submissionId, site: siteA.fake.url, stage: 'creating' }]);
  });

  it('does not attach the events of an issue created on the old site to the issue of the same key on the new one', async () => {
    siteA = await startHarness();
    for (let i = 0; i < 3; i++) siteA.fake.fail({ route: 'attach', status: 500 });
    const input = siteA.submitInput();
    expect(await siteA.handlers.submitTicket(input)).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'failed' });

    siteB = await startFakeJira();
    const onB = handlersOn(siteB, siteA.dataDir);
    // An unrelated SEC-1 exists on the new site.
    siteB.issues.push({ id: '500', key: 'SEC-1', fields: { summary: 'Someone else’s issue' }, createdAt: Date.now(), attachments: [] });
    expect((await refusal(onB.submitTicket(input))).code).toBe('CONFLICT');
    expect((await refusal(onB.retryPendingSubmission({ submissionId: input.submissionId, resend: false }))).code).toBe('CONFLICT');
    expect(siteB.log).toEqual([]);
    expect(siteB.issues[0]!.attachments).toEqual([]);

    // Back on the original site, the same retry finishes the job there.
    const back = await siteA.handlers.retryPendingSubmission({ submissionId: input.submissionId, resend: false });
    expect(back).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'attached' });
    expect(siteA.fake.issues[0]!.attachments).toHaveLength(1);
  });
});
