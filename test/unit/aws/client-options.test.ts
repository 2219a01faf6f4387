import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, expect, test } from 'vitest';

import { awsClientOptions } from '../../../main/services/aws/client-options';
import { readProfile } from '../../../main/services/aws/credentials';

let dir: string;
let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailcase-client-options-'));
  saved = { ...process.env };
});
afterEach(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

/** Sends one call and returns the URL it was about to leave for (nothing leaves). */
async function urlOf(client: STSClient): Promise<string> {
  let url = '';
  client.middlewareStack.add(
    (_next) => async (args) => {
      const request = args.request as { protocol: string; hostname: string; port?: number; path: string };
      url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}`;
      throw new Error('stopped before sending');
    },
    { step: 'finalizeRequest', priority: 'low', name: 'captureUrl' },
  );
  await client.send(new GetCallerIdentityCommand({})).catch(() => undefined);
  client.destroy();
  return url;
}

test("a client built from the profile's options goes to that profile's endpoint for the service, whatever [default] says", async () => {
  // The process's config, which the SDK alone would read: [default] points elsewhere.
  writeFileSync(join(dir, 'process-config'), '[default]\nendpoint_url = https://elsewhere.example\n');
  Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'process-config') });
  delete process.env.AWS_PROFILE;
  const config =
    '[profile a]\nregion = eu-west-1\nservices = corp\n[profile b]\nregion = eu-west-1\n[services corp]\nsts =\n  endpoint_url = https://sts.corp.example\n';
  writeFileSync(join(dir, 'config'), config);
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
  const credentials = { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' };
  const a = (await readProfile('a', env)).settings;
  const b = (await readProfile('b', env)).settings;
  expect(await urlOf(new STSClient({ ...awsClientOptions('STS', a), credentials }))).toBe('https://sts.corp.example/');
  expect(await urlOf(new STSClient({ ...awsClientOptions('STS', b), credentials }))).toBe('https://sts.eu-west-1.amazonaws.com/');
  expect(awsClientOptions('IAM', a)).toMatchObject({ region: 'eu-west-1', ignoreConfiguredEndpointUrls: true });
  expect(awsClientOptions('IAM', a).endpoint).toBeUndefined();
});
