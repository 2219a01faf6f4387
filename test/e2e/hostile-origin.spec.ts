import { startFakeCloudTrail } from '../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../fakes/cloudtrail/fake-events';
import { writeKeysProfile } from './support/aws-profile';
import { startForeignSite } from './support/foreign-site';
import { expect, startWebHost, test } from './fixtures';
import type { WebHostProcess } from './fixtures';

/**
 * Promise 7, the web host's door, from a real browser: a page of another origin (same site or
 * not), even one that knows the token, cannot read from the api or make it act; a rebound DNS
 * name cannot reach it; and the app page sends the token to no other origin, not even in a
 * Referer when the analyst follows a link away.
 */
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  },
});

let cloudTrail: FakeCloudTrail;
let foreign: Awaited<ReturnType<typeof startForeignSite>>;
let host: WebHostProcess;
let aws: ReturnType<typeof writeKeysProfile>;

test.beforeEach(async () => {
  const now = Date.now();
  cloudTrail = await startFakeCloudTrail({ events: fakeEvents(5, { start: now - 86_400_000, end: now - 3_600_000, region: 'us-east-1', userName: 'alice' }) });
  foreign = await startForeignSite();
  aws = writeKeysProfile({ name: 'analyst', region: 'us-east-1', accessKeyId: 'AKIADOORANALYST00001', secretAccessKey: 'doorTestSecret000000000000000000000000000' }, cloudTrail.url);
  host = await startWebHost({ env: aws.env });
});
test.afterEach(async () => {
  await host.stop();
  await Promise.all([foreign.close(), cloudTrail.close()]);
  aws.cleanup();
});

/** A call that, if it got through, would start a fetch: the fake CloudTrail would see lookups. */
function startFetchCall() {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { profile: 'analyst', regions: ['us-east-1'], identity: { kind: 'user', userName: 'alice' }, start: iso(Date.now() - 2 * 86_400_000), end: iso(Date.now()), followSessions: false };
}

test('a page of another origin cannot read the api or make it act, with or without no-cors, even knowing the token', async ({ page, request }) => {
  for (const site of [foreign.url, foreign.otherSiteUrl]) {
    await page.goto(site);
    const outcomes = await page.evaluate(
      async ({ api, token, body }) => {
        const attempt = async (url: string, init: RequestInit) => {
          try {
            const response = await fetch(url, init);
            return { type: response.type, status: response.status, body: await response.text() };
          } catch (error) {
            return { refused: String(error) };
          }
        };
        const json = JSON.stringify(body);
        return [
          await attempt(`${api}/api/call/startFetch`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': token }, body: json }),
          await attempt(`${api}/api/call/listProfiles`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': token }, body: '{}' }),
          await attempt(`${api}/api/call/startFetch`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: json }),
          await attempt(`${api}/api/call/startFetch?token=${token}`, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ json }) }),
          await attempt(`${api}/api/stream`, { mode: 'no-cors' }),
          await attempt(`${api}/api/stream`, { headers: { 'X-Trailcase-Token': token } }),
        ];
      },
      { api: host.origin, token: host.token, body: startFetchCall() },
    );
    // cors requests die at the refused preflight; no-cors answers are blocked by the host's
    // Cross-Origin-Resource-Policy or at most opaque and empty. Either way the page reads nothing.
    for (const outcome of outcomes) {
      if ('refused' in outcome) continue;
      expect(outcome).toEqual({ type: 'opaque', status: 0, body: '' });
    }
  }
  // No fetch was started (the host lists every fetch it accepted) and none reached CloudTrail.
  const fetches = await request.post(`${host.origin}/api/call/listFetches`, { headers: { 'X-Trailcase-Token': host.token }, data: {} });
  expect(await fetches.json()).toEqual({ ok: true, data: [] });
  expect(cloudTrail.lookups()).toEqual([]);

  // The same call from our own origin does act: the attempts above were real ones.
  const allowed = await request.post(`${host.origin}/api/call/startFetch`, { headers: { 'X-Trailcase-Token': host.token, Origin: host.origin }, data: startFetchCall() });
  expect(((await allowed.json()) as { ok: boolean }).ok).toBe(true);
  await expect.poll(() => cloudTrail.lookups().length).toBeGreaterThan(0);
});

test('a name rebound to 127.0.0.1 (DNS rebinding) gets neither the app nor the api', async ({ page }) => {
  const port = new URL(host.origin).port;
  const response = await page.goto(`http://rebind.test:${port}/`);
  expect(response?.status()).toBe(403);
  const answer = await page.evaluate(
    async (token) => {
      const reply = await fetch('/api/call/listProfiles', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': token }, body: '{}' });
      return { status: reply.status, body: await reply.text() };
    },
    host.token,
  );
  expect(answer.status).toBe(403);
  expect(answer.body).not.toContain('profiles');
});

test('the app page talks only to its own origin and leaves no token in a Referer when a link takes the analyst away', async ({ page }) => {
  const requests: Array<{ url: string; referer: string | undefined }> = [];
  page.on('request', (sent) => requests.push({ url: sent.url(), referer: sent.headers().referer }));
  await page.goto(`${host.url}&profile=analyst&user=alice&regions=us-east-1&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  const ownRequests = requests.length;
  expect(requests.filter((sent) => new URL(sent.url).origin !== host.origin)).toEqual([]);
  expect(page.url()).not.toContain(host.token);

  // Following a link to another site (as a ticket's or the console's link does).
  await page.evaluate((target) => window.location.assign(target), `${foreign.url}/landing`);
  await expect.poll(() => foreign.received.length).toBeGreaterThan(0);
  const arrival = foreign.received.find((sent) => sent.path === '/landing');
  expect(arrival?.headers.referer ?? '').not.toContain(host.token);
  expect(JSON.stringify(foreign.received)).not.toContain(host.token);
  expect(requests.slice(ownRequests).every((sent) => !(sent.referer ?? '').includes(host.token))).toBe(true);
});
