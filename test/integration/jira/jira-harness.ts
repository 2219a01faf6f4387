import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { createTicketHandlers } from '../../../main/hosts/handlers/ticket-handlers';
import { createTicketService } from '../../../main/services/jira/ticket-service';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJiraOptions } from '../../fakes/jira/fake-jira';

/** Three records of one investigation, as the fetch service stores them. */
export function sampleRecords(): CloudTrailRecord[] {
  const identity = {
    type: 'IAMUser',
    arn: 'arn:aws:iam::111122223333:user/alice',
    accountId: '111122223333',
    accessKeyId: 'AKIAEXAMPLEKEY123456',
    userName: 'alice',
  };
  return [
    {
      eventID: 'e-1',
      eventTime: '2026-11-01T10:00:00Z',
      eventName: 'StopLogging',
      eventSource: 'cloudtrail.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.7',
      userAgent: 'aws-cli/2',
      readOnly: false,
      requestParameters: { name: 'main' },
      userIdentity: identity,
    },
    {
      eventID: 'e-2',
      eventTime: '2026-11-01T10:05:00Z',
      eventName: 'ListUsers',
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.7',
      userAgent: 'aws-cli/2',
      readOnly: true,
      userIdentity: identity,
    },
    {
      eventID: 'e-3',
      eventTime: '2026-11-01T10:06:00Z',
      eventName: 'GetSecretValue',
      eventSource: 'secretsmanager.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.7',
      errorCode: 'AccessDenied',
      errorMessage: '<img src=x onerror=alert(1)>',
      userIdentity: identity,
    },
  ];
}

/** A fake Jira, and the ticket handlers of a host configured for it through JIRA_* variables. */
export async function startHarness(options: FakeJiraOptions & { token?: string } = {}) {
  const fake = await startFakeJira(options);
  const dataDir = await mkdtemp(join(tmpdir(), 'trailcase-jira-'));
  const stored: FetchedEvent[] = sampleRecords().map((record) => ({
    eventId: String(record.eventID),
    region: 'us-east-1',
    raw: JSON.stringify(record),
  }));
  const env = { JIRA_BASE_URL: fake.url, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: options.token ?? fake.apiToken };
  const tickets = createTicketService({
    dataDir,
    env,
    secrets: createMemorySecretStore(),
    loadRecords: async (_fetchId, ids) => stored.filter((event) => ids.includes(event.eventId)),
    lookupDelaysMs: [0, 150, 300, 600],
  });
  const handlers = createTicketHandlers(tickets);
  let counter = 0;
  return {
    fake,
    handlers,
    tickets,
    env,
    dataDir,
    /** A submit input for the SEC Task issue type with all three events. */
    submitInput(overrides: Partial<Parameters<typeof handlers.submitTicket>[0]> = {}) {
      counter += 1;
      return {
        submissionId: `sub-${counter}-${Date.now()}`,
        fetchId: 'f-1',
        eventIds: ['e-1', 'e-2', 'e-3'],
        summary: null,
        analystText: 'Seen by the SOC.',
        projectKey: 'SEC',
        issueTypeId: '10001',
        fields: {},
        ...overrides,
      };
    },
    async close() {
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
