import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { createTicketHandlers } from '../../../main/hosts/handlers/ticket-handlers';
import { createTicketService } from '../../../main/services/jira/ticket-service';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJiraOptions } from '../../fakes/jira/fake-jira';
import { sampleRecords } from '../jira/jira-harness';

/**
 * A fake Jira and the ticket handlers configured for it, with a clock the test can read: every
 * pause the service asks for is recorded and shortened to a few milliseconds, so a test can
 * say how long the service waited without waiting that long.
 */
export async function startJiraWorld(options: FakeJiraOptions & { events?: FetchedEvent[] } = {}) {
  const fake = await startFakeJira(options);
  const dataDir = await mkdtemp(join(tmpdir(), 'trailcase-faults-'));
  const waits: number[] = [];
  const stored = options.events ?? sampleRecords().map((record) => ({ eventId: String(record.eventID), region: 'us-east-1', raw: JSON.stringify(record) }));
  const handlers = createTicketHandlers(
    createTicketService({
      dataDir,
      env: { JIRA_BASE_URL: fake.url, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: fake.apiToken },
      secrets: createMemorySecretStore(),
      loadRecords: async (_fetchId, ids) => stored.filter((event) => ids.includes(event.eventId)),
      lookupDelaysMs: [0, 100, 200],
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10)));
      },
    }),
  );
  let counter = 0;
  return {
    fake,
    handlers,
    waits,
    /** A submit of every stored event as a SEC Task, with a fresh submission id. */
    submitInput() {
      counter += 1;
      return { submissionId: `faults-${counter}-${Date.now()}`, fetchId: 'f-1', eventIds: stored.map((event) => event.eventId), summary: null, analystText: 'Seen by the SOC.', projectKey: 'SEC', issueTypeId: '10001', fields: {} };
    },
    creates: () => fake.log.filter((entry) => entry.route === 'create').length,
    async close() {
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type JiraWorld = Awaited<ReturnType<typeof startJiraWorld>>;
