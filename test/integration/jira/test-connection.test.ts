import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

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

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as { code: string; message: string; fields?: Record<string, string> },
  );

describe('testing the Jira connection before it is saved', () => {
  it('tests the form’s site, email and token and says which account answered, saving nothing', async () => {
    harness = await startHarness();
    other = await startFakeJira({ email: 'sam@example.com', apiToken: 'typed-token' });
    const draft = { site: other.url, email: 'sam@example.com', token: 'typed-token' };
    expect(await harness.handlers.testJiraConnection({ draft })).toMatchObject({ site: other.url, displayName: 'Ana Lyst' });
    expect((await harness.handlers.getJiraConnection({})).site).toBe(harness.fake.url);
  });

  it('uses the saved token only for the site it was saved for', async () => {
    harness = await startHarness();
    const saved = { site: harness.fake.url, email: harness.fake.email, token: null };
    expect(await harness.handlers.testJiraConnection({ draft: saved })).toMatchObject({ displayName: 'Ana Lyst' });
    other = await startFakeJira({ apiToken: harness.fake.apiToken });
    const error = await errorOf(harness.handlers.testJiraConnection({ draft: { ...saved, site: other.url } }));
    expect(error).toMatchObject({ code: 'JIRA_NOT_CONNECTED', fields: { token: 'Paste the API token for this site.' } });
    expect(other.log).toEqual([]);
  });

  it('puts a refused email and token on those fields', async () => {
    harness = await startHarness();
    const error = await errorOf(
      harness.handlers.testJiraConnection({ draft: { site: harness.fake.url, email: 'a@example.com', token: 'wrong' } }),
    );
    expect(error?.code).toBe('JIRA_AUTH');
    expect(Object.keys(error?.fields ?? {})).toEqual(['email', 'token']);
  });

  it('says nothing answered at the site, on the site field, in words without nested parentheses', async () => {
    harness = await startHarness();
    // A port that was open a moment ago and is closed now: the connection is refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const error = await errorOf(
      harness.handlers.testJiraConnection({ draft: { site: `http://127.0.0.1:${port}`, email: 'a@example.com', token: 't' } }),
    );
    expect(error).toMatchObject({ code: 'JIRA_UNAVAILABLE', fields: { site: expect.stringContaining('Check the address') } });
    expect(error?.message).toBe(`Nothing answered at http://127.0.0.1:${port}: the connection was refused.`);
  });
});
