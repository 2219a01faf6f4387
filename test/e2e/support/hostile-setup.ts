import type { Page } from '@playwright/test';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import { hostileStrings } from '../../fixtures/hostile/corpus';
import { hostileFakeEvents } from '../../fixtures/hostile/served';
import { startWebHost } from '../fixtures';
import { writeKeysProfile } from './aws-profile';

/** The text CloudTrail sends with AccessDenied in the region that refuses: hostile as well. */
export const hostileDenial = `User: ${hostileStrings.imgOnerror} ${hostileStrings.template} is not authorized ${hostileStrings.bidi} ${hostileStrings.ansi}`;

/**
 * The world of the hostile-data tests: a fake CloudTrail serving the corpus for `mallory` in
 * us-east-1 and refusing eu-west-1 with a hostile AccessDenied text, a fake Jira, and the web
 * host configured for both with fresh folders.
 */
export async function startHostileWorld() {
  const accessKeyId = 'AKIAHOSTILEANALYST01';
  const events = hostileFakeEvents({ userName: 'mallory', region: 'us-east-1', accessKeyId: 'AKIAHOSTILE000000001' });
  const cloudTrail = await startFakeCloudTrail({ events, callsPerSecond: 2, fault: (call) => (call.region === 'eu-west-1' ? 'denied' : undefined), deniedMessage: hostileDenial });
  const jira = await startFakeJira();
  const aws = writeKeysProfile({ name: 'hostile', region: 'us-east-1', accessKeyId, secretAccessKey: 'hostileTestSecret000000000000000000000000' }, cloudTrail.url);
  const host = await startWebHost({ env: { ...aws.env, JIRA_BASE_URL: jira.url, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken } });
  return {
    cloudTrail,
    jira,
    host,
    events,
    async stop() {
      if (process.env.TRAILCASE_E2E_LOG) process.stderr.write(host.log());
      await host.stop();
      await jira.close();
      await cloudTrail.close();
      aws.cleanup();
    },
  };
}

export type HostileWorld = Awaited<ReturnType<typeof startHostileWorld>>;

/** Opens the app with a link that fills the form for mallory, then presses Fetch as the analyst does. */
export async function fetchMallory(page: Page, host: HostileWorld['host'], regions = 'us-east-1') {
  await page.goto(`${host.url}&profile=hostile&user=mallory&regions=${regions}&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
}

/** The events toolbar's counts ("12 of 49 events · 0 selected"). */
export function counts(page: Page) {
  return page.getByRole('toolbar', { name: 'Events' }).getByRole('status');
}
