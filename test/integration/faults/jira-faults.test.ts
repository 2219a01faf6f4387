import { afterEach, describe, expect, test } from 'vitest';

import { startJiraWorld } from './jira-world';
import type { JiraWorld } from './jira-world';

/**
 * Promises 17 and 18 under the faults the Jira tests elsewhere do not script. "Nothing lost"
 * for a submit: it ends in exactly one issue with the events attached once, or in a pending
 * entry that waits for the analyst — never in two issues, never in nothing without a trace.
 */
let world: JiraWorld;
afterEach(async () => {
  await world?.close();
});

describe('Jira faults', () => {
  test('429 without Retry-After waits a default pause, then creates exactly one issue', async () => {
    world = await startJiraWorld();
    world.fake.fail({ route: 'create', status: 429, body: { errorMessages: ['Rate limit exceeded.'] } });
    const result = await world.handlers.submitTicket(world.submitInput());
    expect(result).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'attached' });
    expect(world.waits.some((ms) => ms >= 1000)).toBe(true);
    expect(world.creates()).toBe(2);
    expect(world.fake.issues).toHaveLength(1);
  });

  test('429 with Retry-After waits exactly as long as Jira asked', async () => {
    world = await startJiraWorld();
    world.fake.fail({ route: 'create', status: 429, headers: { 'Retry-After': '7' } });
    await world.handlers.submitTicket(world.submitInput());
    expect(world.waits).toContain(7000);
    expect(world.fake.issues).toHaveLength(1);
  });

  test('503 on create: the outcome is unknown, so nothing is sent again until the label lookup says no issue exists and the analyst resends', async () => {
    world = await startJiraWorld();
    world.fake.fail({ route: 'create', status: 503, body: { errorMessages: ['Service unavailable'] } });
    const input = world.submitInput();
    const first = await world.handlers.submitTicket(input);
    expect(first.state).toBe('unconfirmed');
    expect(world.creates()).toBe(1);
    expect((await world.handlers.listPendingSubmissions({})).pending).toMatchObject([{ submissionId: input.submissionId, stage: 'creating' }]);
    const resent = await world.handlers.retryPendingSubmission({ submissionId: input.submissionId, resend: true });
    expect(resent).toMatchObject({ state: 'created', attachment: 'attached' });
    expect(world.fake.issues).toHaveLength(1);
    expect(world.fake.issues[0]!.attachments).toHaveLength(1);
    expect(await world.handlers.listPendingSubmissions({})).toEqual({ pending: [] });
  });

  test('a lost create whose issue the search shows only after every lookup stays pending, and a later look finds it instead of creating a second', async () => {
    world = await startJiraWorld({ searchLagMs: 60_000 });
    world.fake.fail({ route: 'create', drop: true, after: true });
    const input = world.submitInput();
    const first = await world.handlers.submitTicket(input);
    expect(first.state).toBe('unconfirmed');
    expect(world.fake.issues).toHaveLength(1);
    expect((await world.handlers.listPendingSubmissions({})).pending).toMatchObject([{ submissionId: input.submissionId }]);

    world.fake.setSearchLag(0);
    const found = await world.handlers.retryPendingSubmission({ submissionId: input.submissionId, resend: false });
    expect(found).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'attached' });
    expect(world.creates()).toBe(1);
    expect(world.fake.issues).toHaveLength(1);
    expect(world.fake.issues[0]!.attachments).toHaveLength(1);
  });

  test('an attachment refused with 503 then 429 is retried alone and lands once', async () => {
    world = await startJiraWorld();
    world.fake.fail({ route: 'attach', status: 503 });
    world.fake.fail({ route: 'attach', status: 429, headers: { 'Retry-After': '2' } });
    const result = await world.handlers.submitTicket(world.submitInput());
    expect(result).toMatchObject({ state: 'created', issueKey: 'SEC-1', attachment: 'attached' });
    expect(world.creates()).toBe(1);
    expect(world.fake.issues[0]!.attachments).toHaveLength(1);
    expect(world.fake.log.filter((entry) => entry.route === 'attach').every((entry) => entry.atlassianToken === 'no-check')).toBe(true);
  });
});
