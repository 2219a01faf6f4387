import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { isCredentialError } from '../../../shared/api/errors';
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

/** A credential_process script in the temporary HOME that prints `output`. */
function processPrinting(output: string): string {
  const script = join(home!.home, `helper-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' '${output}'\n`);
  chmodSync(script, 0o700);
  return script;
}

/** What a broken credential_process prints: no JSON at all, or keys that expired an hour ago. */
export const brokenOutputs = [
  ['no JSON', 'Traceback: token service unreachable', 'CREDENTIALS_MISSING', 'printed something that is not JSON'],
  [
    'credentials already expired',
    `{"Version":1,"AccessKeyId":"AKIAFAKEPROCESS00001","SecretAccessKey":"fakeProcessSecret","Expiration":"${new Date(Date.now() - 3_600_000).toISOString()}"}`,
    'CREDENTIALS_EXPIRED',
    'printed credentials that expired at',
  ],
] as const;

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

  test.each(brokenOutputs)(
    'a credential_process that prints %s is a credential state that says to fix the command',
    async (_what, output, code, said) => {
      await setup({});
      const config = `[profile helper]\nregion = eu-west-1\ncredential_process = ${processPrinting(output)}\n`;
      writeFileSync(join(home!.home, '.aws', 'config'), config);
      const service = testService(fakeEnv(home!.home, fake!.url), { callsPerSecond: 20 });
      const failure = service.manager.start(query({ profile: 'helper' }));
      await expect(failure).rejects.toMatchObject({ code, message: expect.stringContaining(said) });
      await expect(failure).rejects.toThrow('The credential_process of profile "helper"');
      await expect(failure).rejects.toThrow('fix the command');
      await expect(failure).rejects.not.toThrow('fakeProcessSecret');
      // Retry after the command is fixed works without a restart.
      writeFileSync(
        join(home!.home, '.aws', 'config'),
        `[profile helper]\nregion = eu-west-1\ncredential_process = ${join(fixtures, 'credential-process.sh')}\n`,
      );
      service.forgetCredentials('helper');
      expect((await fetchWith(service, 'helper')).eventCount).toBe(10);
    },
  );

  test.each(brokenOutputs)(
    'a role whose source_profile runs a credential_process that prints %s is a credential state too',
    async (_what, output, code) => {
      await setup({});
      const config = `[profile helper]\ncredential_process = ${processPrinting(output)}\n[profile admin]\nrole_arn = arn:aws:iam::777788889999:role/Auditor\nsource_profile = helper\nregion = eu-west-1\n`;
      writeFileSync(join(home!.home, '.aws', 'config'), config);
      const failure = testService(fakeEnv(home!.home, fake!.url)).manager.start(query({ profile: 'admin' }));
      await expect(failure).rejects.toMatchObject({
        code,
        message: expect.stringContaining('The credential_process of profile "helper" (the source of profile "admin")'),
      });
      await expect(failure).rejects.toThrow('fix the command');
    },
  );

  test("a role whose source_profile runs a credential_process: the helper's keys sign the AssumeRole, the role's keys the lookups", async () => {
    const config = `[profile helper]\ncredential_process = ${join(fixtures, 'credential-process.sh')}\n[profile admin]\nrole_arn = arn:aws:iam::777788889999:role/Auditor\nsource_profile = helper\nexternal_id = case-7\nregion = eu-west-1\n`;
    const { env, fake } = await setup({ config });
    expect((await fetchWith(testService(env, { callsPerSecond: 20 }), 'admin')).eventCount).toBe(10);
    const assumed = fake.calls.filter((call) => call.target === 'sts:AssumeRole');
    expect(assumed.map((call) => call.accessKeyId)).toEqual(['AKIAFAKEPROCESS00001']);
    expect(assumed[0]!.body).toMatchObject({ RoleArn: 'arn:aws:iam::777788889999:role/Auditor', ExternalId: 'case-7' });
    expect(fake.lookups().every((call) => call.accessKeyId.startsWith('ASIAFAKEROLE'))).toBe(true);
  });

  test("a role's hung source credential_process is stopped by its timeout too", async () => {
    const config = `[profile hung]\ncredential_process = ${join(fixtures, 'hung-process.sh')}\n[profile admin]\nrole_arn = arn:aws:iam::777788889999:role/Auditor\nsource_profile = hung\n`;
    const { env } = await setup({ config });
    await expect(testService(env, { processTimeoutMs: 300 }).manager.start(query({ profile: 'admin' }))).rejects.toMatchObject({
      code: 'CREDENTIALS_MISSING',
      message: expect.stringContaining('The credential_process of profile "hung" (the source of profile "admin") did not answer'),
    });
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

describe('a broken credential_process in the other hosts', () => {
  const root = resolve(__dirname, '../../..');

  /** A host process (the web host or the CLI) from source, with only the temporary HOME's settings. */
  function spawnHost(args: string[], env: NodeJS.ProcessEnv) {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...env, PATH: process.env.PATH }, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    const firstLine = () =>
      new Promise<string>((done, fail) => {
        child.stdout.on('data', () => stdout.includes('\n') && done(stdout.split('\n')[0]!));
        void closed.then(() => fail(new Error(`the host ended: ${stderr}`)));
      });
    return { child, closed, firstLine, output: () => ({ stdout, stderr }) };
  }

  async function brokenHome(output: string) {
    await setup({});
    writeFileSync(
      join(home!.home, '.aws', 'config'),
      `[profile helper]\nregion = eu-west-1\ncredential_process = ${processPrinting(output)}\n`,
    );
    return {
      ...fakeEnv(home!.home, fake!.url),
      TRAILCASE_DATA_DIR: join(home!.home, 'data'),
      TRAILCASE_CACHE_DIR: join(home!.home, 'cache'),
    };
  }

  test.each(brokenOutputs)(
    'the web host answers a credential_process that prints %s with the credential state, and keeps answering',
    async (_what, output, code) => {
      const env = await brokenHome(output);
      const staticDir = join(home!.home, 'static');
      mkdirSync(staticDir);
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Trailcase</title>');
      const serve = `const { serveWeb } = await import(${JSON.stringify(join(root, 'main/web/web-host-main.ts'))}); const web = await serveWeb({ staticDir: ${JSON.stringify(staticDir)} }); console.log(web.url);`;
      const host = spawnHost(['--input-type=module', '-e', serve], env);
      try {
        const url = new URL(await host.firstLine());
        const call = (method: string, body: unknown) =>
          fetch(new URL(`/api/call/${method}`, url), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': url.searchParams.get('token')! },
            body: JSON.stringify(body),
          }).then((reply) => reply.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>);
        const failed = await call('startFetch', query({ profile: 'helper' }));
        expect(failed).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('fix the command') } });
        expect(isCredentialError(failed.error?.code)).toBe(true);
        expect(await call('listProfiles', {})).toMatchObject({ ok: true });
        expect(host.output().stderr).not.toMatch(/Uncaught|\n\s+at /);
      } finally {
        host.child.kill('SIGTERM');
        await host.closed;
      }
    },
  );

  test.each(brokenOutputs)(
    'the CLI exits 3 on a credential_process that prints %s, with the message and no stack trace',
    async (_what, output) => {
      const env = await brokenHome(output);
      const cli = spawnHost([join(root, 'main/cli/main.ts'), 'fetch', '--profile', 'helper', '--user', 'alice', '--since', '1d'], env);
      expect(await cli.closed).toBe(3);
      const { stdout, stderr } = cli.output();
      expect(stderr).toContain('The credential_process of profile "helper" printed');
      expect(stderr).toContain('fix the command');
      expect(stderr).not.toMatch(/\n\s+at |ApiError|fakeProcessSecret/);
      expect(stdout).toBe('');
    },
  );
});

describe('endpoints come from the chosen profile only (promise 7)', () => {
  let other: FakeCloudTrail | undefined;
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
  });
  afterEach(async () => {
    process.env = saved;
    await other?.close();
    other = undefined;
  });

  const otherEvents = fakeEvents(4, { ...range, region: 'eu-west-1', userName: 'alice' });
  const idsOf = (service: ReturnType<typeof testService>, fetchId: string) =>
    new Set(service.manager.events(fetchId, 0, 1000).events.map((event) => event.eventId));

  test.each([
    ['[default] endpoint_url', (url: string) => `[default]\nendpoint_url = ${url}\n`, undefined],
    [
      "AWS_PROFILE's services section",
      (url: string) => `[profile other]\nservices = s\n[services s]\ncloudtrail =\n  endpoint_url = ${url}\n`,
      'other',
    ],
  ])('a %s that the chosen profile does not name receives no call', async (_where, hostile, profile) => {
    await setup(staticKeys);
    other = await startFakeCloudTrail({ events: otherEvents, callsPerSecond: 0 });
    // The SDK's own lookup reads the process's files and AWS_PROFILE, not the chosen profile's.
    writeFileSync(join(home!.home, 'process-config'), hostile(other.url));
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(home!.home, 'process-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home!.home, 'none'),
    });
    delete process.env.AWS_PROFILE;
    if (profile) process.env.AWS_PROFILE = profile;
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_ENDPOINT_URL')) delete process.env[name];
    // The chosen profile names no endpoint: its calls go to AWS's own, here a region no DNS knows.
    const { AWS_ENDPOINT_URL_CLOUDTRAIL: _none, ...env } = fakeEnv(home!.home, fake!.url);
    const service = testService(env, { callsPerSecond: 20 });
    const settled = await service.manager.settled(await service.manager.start(query({ regions: ['xx-trailcase-1'] })));
    expect(settled.state).toBe('failed');
    expect(other.calls).toEqual([]);
    expect(fake!.lookups()).toEqual([]);
  });

  test("the chosen profile's services section is read, and plain http in it to a host not on loopback is refused", async () => {
    await setup({});
    writeFileSync(join(home!.home, '.aws', 'credentials'), staticKeys.credentials);
    const config = (url: string) =>
      `[profile analyst]\nregion = eu-west-1\nservices = corp\n[services corp]\ncloudtrail =\n  endpoint_url = ${url}\n`;
    writeFileSync(join(home!.home, '.aws', 'config'), config(fake!.url));
    const { AWS_ENDPOINT_URL_CLOUDTRAIL: _none, ...env } = fakeEnv(home!.home, fake!.url);
    const service = testService(env, { callsPerSecond: 20 });
    expect((await fetchWith(service, 'analyst')).eventCount).toBe(10);
    writeFileSync(join(home!.home, '.aws', 'config'), config('http://evil.example'));
    service.forgetCredentials('analyst');
    await expect(service.manager.start(query())).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('must be an https URL'),
    });
  });

  test('pages fetched from one endpoint never answer for another: the cache key names the resolved endpoint', async () => {
    await setup(staticKeys);
    other = await startFakeCloudTrail({ events: otherEvents, callsPerSecond: 0 });
    const first = testService(fakeEnv(home!.home, fake!.url), { callsPerSecond: 20 });
    const firstId = (await fetchWith(first, 'analyst')).fetchId;
    expect(idsOf(first, firstId)).toEqual(new Set(events.map((event) => event.eventId)));
    await first.close();
    // The same profile, keys, region, identity and cache folder, pointed at another endpoint.
    const second = testService(fakeEnv(home!.home, other.url), { callsPerSecond: 20 });
    const secondId = (await fetchWith(second, 'analyst')).fetchId;
    expect(idsOf(second, secondId)).toEqual(new Set(otherEvents.map((event) => event.eventId)));
    expect(other.lookups().length).toBeGreaterThan(0);
  });
});

test('a fetch is never resumed against another endpoint than the one its pages and NextTokens came from', async () => {
  await setup({ credentials: staticKeys.credentials });
  const other = await startFakeCloudTrail({ events, callsPerSecond: 0 });
  try {
    const profileAt = (url: string) => `[profile analyst]\nregion = eu-west-1\nendpoint_url = ${url}\n`;
    writeFileSync(join(home!.home, '.aws', 'config'), profileAt(fake!.url));
    fake!.setOptions({ fault: () => 'unrecognized' });
    const { AWS_ENDPOINT_URL_CLOUDTRAIL: _none, ...env } = fakeEnv(home!.home, fake!.url);
    const service = testService(env, { callsPerSecond: 20 });
    const failed = await fetchWith(service, 'analyst');
    expect(failed.state).toBe('failed');
    writeFileSync(join(home!.home, '.aws', 'config'), profileAt(other.url));
    await expect(service.manager.resume(failed.fetchId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('another endpoint'),
    });
    expect(other.calls).toEqual([]);
  } finally {
    await other.close();
  }
});
