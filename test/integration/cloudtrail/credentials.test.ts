import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { createFetchHandlers } from '../../../main/hosts/handlers/fetch-handlers';
import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { FAKE_MFA_CODE } from '../../fakes/cloudtrail/fake-sts';
import { day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail | undefined;
let home: ReturnType<typeof tempHome> | undefined;
const fixtures = resolve(__dirname, '../../fixtures/aws');
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };
const events = fakeEvents(10, { ...range, region: 'eu-west-1', userName: 'alice' });

afterEach(async () => {
  await fake?.close();
  home?.cleanup();
  fake = undefined;
  home = undefined;
});

async function setup(files: { config?: string; credentials?: string }, extraEnv: NodeJS.ProcessEnv = {}) {
  home = tempHome(files);
  fake = await startFakeCloudTrail({ events, callsPerSecond: 0 });
  return { env: fakeEnv(home.home, fake.url, extraEnv), fake };
}

async function fetchWith(service: ReturnType<typeof testService>, profile: string) {
  return service.manager.settled(await service.manager.start(query({ profile })));
}

describe('credentials of every kind of profile', () => {
  test('static keys sign the calls with that key', async () => {
    const { env, fake } = await setup(staticKeys);
    expect((await fetchWith(testService(env, { callsPerSecond: 20 }), 'analyst')).eventCount).toBe(10);
    expect(fake.lookups().every((call) => call.accessKeyId === 'AKIAFAKEANALYST00001')).toBe(true);
  });

  test('role_arn with source_profile and mfa_serial asks for the code once per credential lifetime', async () => {
    const config = `${staticKeys.config}[profile admin]\nrole_arn = arn:aws:iam::777788889999:role/Auditor\nsource_profile = analyst\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\nregion = eu-west-1\n`;
    const { env, fake } = await setup({ ...staticKeys, config });
    const asked: string[] = [];
    const service = testService(env, { callsPerSecond: 20, askMfaCode: async ({ mfaSerial }) => (asked.push(mfaSerial), FAKE_MFA_CODE) });
    expect((await fetchWith(service, 'admin')).eventCount).toBe(10);
    expect((await service.manager.settled(await service.manager.start(query({ profile: 'admin', regions: ['us-east-1'] })))).state).toBe(
      'done',
    );
    expect(asked).toEqual(['arn:aws:iam::111122223333:mfa/alice']);
    const assumed = fake.calls.filter((call) => call.target === 'sts:AssumeRole');
    expect(assumed).toHaveLength(1);
    expect(assumed[0]!.body).toMatchObject({
      RoleArn: 'arn:aws:iam::777788889999:role/Auditor',
      SerialNumber: 'arn:aws:iam::111122223333:mfa/alice',
      TokenCode: FAKE_MFA_CODE,
    });
    expect(fake.lookups().every((call) => call.accessKeyId.startsWith('ASIAFAKEROLE'))).toBe(true);
  });

  test('a refused MFA prompt is MFA_REQUIRED', async () => {
    const config = `${staticKeys.config}[profile admin]\nrole_arn = arn:aws:iam::777788889999:role/Auditor\nsource_profile = analyst\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n`;
    const { env } = await setup({ ...staticKeys, config });
    const service = testService(env, { askMfaCode: () => Promise.reject(new Error('MFA prompt dismissed')) });
    await expect(service.manager.start(query({ profile: 'admin' }))).rejects.toMatchObject({ code: 'MFA_REQUIRED' });
  });

  test.each([
    [
      'sso_session',
      '[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Audit\nregion = eu-west-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n',
    ],
    [
      'legacy SSO',
      '[profile sso]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111122223333\nsso_role_name = Audit\n',
    ],
  ])('an expired %s login says to run aws sso login for the profile', async (_kind, config) => {
    const { env } = await setup({ config });
    mkdirSync(join(home!.home, '.aws', 'sso', 'cache'), { recursive: true });
    const service = testService(env);
    const failure = service.manager.start(query({ profile: 'sso' }));
    await expect(failure).rejects.toMatchObject({ code: 'SSO_LOGIN_REQUIRED' });
    await expect(failure).rejects.toThrow('aws sso login --profile sso');
  });

  test('credential_process supplies the keys', async () => {
    const { env, fake } = await setup({ config: `[profile helper]\ncredential_process = ${join(fixtures, 'credential-process.sh')}\n` });
    expect((await fetchWith(testService(env, { callsPerSecond: 20 }), 'helper')).eventCount).toBe(10);
    expect(fake.lookups()[0]!.accessKeyId).toBe('AKIAFAKEPROCESS00001');
  });

  test('a hung credential_process is stopped by its timeout', async () => {
    const { env } = await setup({ config: `[profile hung]\ncredential_process = ${join(fixtures, 'hung-process.sh')}\n` });
    const service = testService(env, { processTimeoutMs: 300 });
    await expect(service.manager.start(query({ profile: 'hung' }))).rejects.toMatchObject({
      code: 'CREDENTIALS_MISSING',
      message: expect.stringContaining('did not answer'),
    });
  });

  test('Cancel stops a start that waits on a hung credential_process, long before its timeout', async () => {
    const { env } = await setup({ config: `[profile hung]\ncredential_process = ${join(fixtures, 'hung-process.sh')}\n` });
    const service = testService(env, { processTimeoutMs: 60_000 });
    const handlers = createFetchHandlers(service.manager);
    const started = Date.now();
    const starting = handlers.startFetch(query({ profile: 'hung' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await handlers.cancelStartingFetches({});
    await expect(starting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(service.manager.list()).toEqual([]);
  });

  test('the environment profile uses the host environment keys', async () => {
    const { env, fake } = await setup({}, { AWS_ACCESS_KEY_ID: 'AKIAFAKEFROMENV00001', AWS_SECRET_ACCESS_KEY: 'fakeEnvSecret' });
    expect((await fetchWith(testService(env, { callsPerSecond: 20 }), 'environment')).eventCount).toBe(10);
    expect(fake.lookups()[0]!.accessKeyId).toBe('AKIAFAKEFROMENV00001');
  });

  test('a missing profile is PROFILE_NOT_FOUND, and Retry works once it is added, without a restart', async () => {
    const { env } = await setup({});
    const service = testService(env, { callsPerSecond: 20 });
    await expect(service.manager.start(query({ profile: 'analyst' }))).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    writeFileSync(join(home!.home, '.aws', 'credentials'), staticKeys.credentials);
    service.forgetCredentials('analyst');
    expect((await fetchWith(service, 'analyst')).eventCount).toBe(10);
  });

  test('keys AWS refuses are CREDENTIALS_MISSING; Resume after the keys are fixed reads them anew, without a restart', async () => {
    const { env, fake } = await setup(staticKeys);
    fake.setOptions({ fault: (call) => (call.accessKeyId === 'AKIAFAKEANALYST00001' ? 'unrecognized' : undefined) });
    const service = testService(env, { callsPerSecond: 20 });
    const refused = await fetchWith(service, 'analyst');
    expect(refused.error?.code).toBe('CREDENTIALS_MISSING');
    writeFileSync(join(home!.home, '.aws', 'credentials'), staticKeys.credentials.replace('AKIAFAKEANALYST00001', 'AKIAFAKEANALYST00002'));
    await service.manager.resume(refused.fetchId);
    expect((await service.manager.settled(refused.fetchId)).state).toBe('done');
  });
});
