import { afterEach, describe, expect, it } from 'vitest';

import { ApiError } from '../../../shared/api/errors';
import { checkAdf } from '../../../shared/ticket/render-adf';
import { startHarness } from './jira-harness';
import type { Harness } from './jira-harness';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('submitting a ticket to Jira', () => {
  it('creates one issue with an ADF description, the submission label and the events attached', async () => {
    harness = await startHarness();
    const input = harness.submitInput();
    const result = await harness.handlers.submitTicket(input);
    expect(result).toMatchObject({
      state: 'created',
      issueKey: 'SEC-1',
      issueUrl: `${harness.fake.url}/browse/SEC-1`,
      attachment: 'attached',
    });
    const [issue] = harness.fake.issues;
    expect(harness.fake.issues).toHaveLength(1);
    expect(checkAdf(issue!.fields.description)).toEqual([]);
    expect(issue!.fields.labels).toContain(`trailcase-sub-${input.submissionId}`);
    expect(issue!.fields.priority).toEqual({ id: '1' });
    expect(issue!.attachments).toHaveLength(1);
    expect(issue!.attachments[0]!.filename).toMatch(/^trailcase-events-\d{8}T\d{6}Z\.json$/);
    expect(JSON.parse(issue!.attachments[0]!.content).Records.map((r: { eventID: string }) => r.eventID)).toEqual(['e-1', 'e-2', 'e-3']);
    expect(harness.fake.log.find((entry) => entry.route === 'attach')?.atlassianToken).toBe('no-check');
    expect(await harness.handlers.listPendingSubmissions({})).toEqual({ pending: [] });
  });

  it('puts Jira’s 400 field errors on the matching fields, and a corrected submit makes one issue', async () => {
    harness = await startHarness();
    harness.fake.fail({
      route: 'create',
      status: 400,
      body: { errorMessages: [], errors: { customfield_10060: 'Team must be a known team.' } },
    });
    const input = harness.submitInput({ issueTypeId: '10002', fields: { customfield_10050: 'Sev 2', customfield_10060: 'nobody' } });
    const error = await rejection(harness.handlers.submitTicket(input));
    expect(error.code).toBe('JIRA_FIELDS');
    expect(error.fields).toEqual({ customfield_10060: 'Team must be a known team.' });
    expect(harness.fake.issues).toHaveLength(0);
    const result = await harness.handlers.submitTicket({
      ...input,
      fields: { customfield_10050: 'Sev 2', customfield_10060: 'Blue team' },
    });
    expect(result.issueKey).toBe('SEC-1');
    expect(harness.fake.issues).toHaveLength(1);
    expect(harness.fake.issues[0]!.fields.customfield_10050).toEqual({ id: '10101' });
  });

  it('names missing required fields before sending anything', async () => {
    harness = await startHarness();
    const error = await rejection(harness.handlers.submitTicket(harness.submitInput({ issueTypeId: '10002' })));
    expect(error.code).toBe('JIRA_FIELDS');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['customfield_10050', 'customfield_10060']);
    expect(harness.fake.log.filter((entry) => entry.route === 'create')).toHaveLength(0);
  });

  it('says to fix the token on 401, and succeeds once it is fixed', async () => {
    harness = await startHarness({ token: 'expired-token' });
    const error = await rejection(harness.handlers.submitTicket(harness.submitInput()));
    expect(error.code).toBe('JIRA_AUTH');
    expect(error.message).toMatch(/API token/);
    await harness.handlers.saveJiraConnection({ site: harness.fake.url, email: harness.fake.email, token: harness.fake.apiToken });
    await harness.handlers.submitTicket(harness.submitInput());
    expect(harness.fake.issues).toHaveLength(1);
  });

  it('says which permission is missing on 403, and succeeds once granted', async () => {
    harness = await startHarness();
    harness.fake.forbid('SEC');
    const input = harness.submitInput();
    const error = await rejection(harness.handlers.submitTicket(input));
    expect(error.code).toBe('JIRA_FORBIDDEN');
    expect(error.message).toMatch(/Create issues/);
    harness.fake.allow('SEC');
    await harness.handlers.submitTicket(input);
    expect(harness.fake.issues).toHaveLength(1);
  });

  it('waits for Retry-After on 429 and then creates one issue', async () => {
    harness = await startHarness();
    harness.fake.fail({ route: 'create', status: 429, headers: { 'Retry-After': '1' }, body: { errorMessages: ['Rate limit exceeded.'] } });
    const started = Date.now();
    const result = await harness.handlers.submitTicket(harness.submitInput());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.state).toBe('created');
    expect(harness.fake.log.filter((entry) => entry.route === 'create')).toHaveLength(2);
    expect(harness.fake.issues).toHaveLength(1);
  });

  it('finds a create whose response was lost by its label, through a lagging search, without sending it again', async () => {
    harness = await startHarness({ searchLagMs: 250 });
    harness.fake.fail({ route: 'create', drop: true, after: true });
    const result = await harness.handlers.submitTicket(harness.submitInput());
    expect(result).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'attached' });
    expect(harness.fake.log.filter((entry) => entry.route === 'create')).toHaveLength(1);
    expect(harness.fake.log.filter((entry) => entry.route === 'search').length).toBeGreaterThan(1);
    expect(harness.fake.issues).toHaveLength(1);
    expect(harness.fake.issues[0]!.attachments).toHaveLength(1);
  });

  it('leaves a create that never arrived pending until the analyst decides to send it again', async () => {
    harness = await startHarness();
    harness.fake.fail({ route: 'create', drop: true, after: false });
    const input = harness.submitInput();
    const first = await harness.handlers.submitTicket(input);
    expect(first.state).toBe('unconfirmed');
    const { pending } = await harness.handlers.listPendingSubmissions({});
    expect(pending).toMatchObject([{ submissionId: input.submissionId, stage: 'creating' }]);
    expect((await harness.handlers.retryPendingSubmission({ submissionId: input.submissionId, resend: false })).state).toBe('unconfirmed');
    const sent = await harness.handlers.retryPendingSubmission({ submissionId: input.submissionId, resend: true });
    expect(sent).toMatchObject({ state: 'created', attachment: 'attached' });
    expect(harness.fake.issues).toHaveLength(1);
    expect(await harness.handlers.listPendingSubmissions({})).toEqual({ pending: [] });
  });

  it('retries a failed attachment alone, never the issue', async () => {
    harness = await startHarness();
    for (let i = 0; i < 3; i++) harness.fake.fail({ route: 'attach', status: 500 });
    const input = harness.submitInput();
    const first = await harness.handlers.submitTicket(input);
    expect(first).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'failed' });
    expect((await harness.handlers.listPendingSubmissions({})).pending).toMatchObject([{ stage: 'created', issueKey: 'SEC-1' }]);
    const retried = await harness.handlers.retryPendingSubmission({ submissionId: input.submissionId, resend: false });
    expect(retried).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'attached' });
    expect(harness.fake.log.filter((entry) => entry.route === 'create')).toHaveLength(1);
    expect(harness.fake.issues).toHaveLength(1);
    expect(harness.fake.issues[0]!.attachments).toHaveLength(1);
  });

  it('does not upload again when an attachment’s answer was lost but the file arrived', async () => {
    harness = await startHarness();
    harness.fake.fail({ route: 'attach', drop: true, after: true });
    const result = await harness.handlers.submitTicket(harness.submitInput());
    expect(result.attachment).toBe('attached');
    expect(harness.fake.issues).toHaveLength(1);
    expect(harness.fake.issues[0]!.attachments).toHaveLength(1);
  });

  it('does not upload again when Jira stored the file but a proxy answered 502', async () => {
    harness = await startHarness();
    harness.fake.fail({ route: 'attach', status: 502, after: true });
    const result = await harness.handlers.submitTicket(harness.submitInput());
    expect(result.attachment).toBe('attached');
    expect(harness.fake.issues[0]!.attachments).toHaveLength(1);
  });

  it('returns the same issue when a finished submission is sent again', async () => {
    harness = await startHarness();
    const input = harness.submitInput();
    const first = await harness.handlers.submitTicket(input);
    const again = await harness.handlers.submitTicket(input);
    expect(again).toEqual(first);
    expect(harness.fake.issues).toHaveLength(1);
    expect(harness.fake.log.filter((entry) => entry.route === 'create')).toHaveLength(1);
  });

  it('makes one issue when the same submission is sent twice at once', async () => {
    harness = await startHarness();
    const input = harness.submitInput();
    const outcomes = await Promise.allSettled([harness.handlers.submitTicket(input), harness.handlers.submitTicket(input)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(harness.fake.issues).toHaveLength(1);
  });
});
