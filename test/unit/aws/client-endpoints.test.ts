import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { CheckedHttpHandler } from '../../../main/services/aws/checked-http-handler';
import { createCredentialCache } from '../../../main/services/aws/credentials';
import { assumeRole } from '../../../main/services/aws/sts';
import { createSdkSource } from '../../../main/services/cloudtrail/sdk-source';

/**
 * The SDK's own endpoint lookup reads the process's AWS_CONFIG_FILE and AWS_PROFILE (or
 * [default]), whatever profile the analyst chose. Here those point at a hostile config; the
 * region is one no DNS knows, so AWS's own endpoint fails at once, by name, without leaving.
 */
const region = 'xx-trailcase-1';
const keys = { accessKeyId: 'AKIAFAKEANALYST00001', secretAccessKey: 'fakeSecret' };
let dir: string;
let saved: NodeJS.ProcessEnv;
let listener: Server;
let listenerUrl: string;
let heard: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trailcase-endpoints-'));
  saved = { ...process.env };
  heard = [];
  // A loopback listener (allowed by the https rule) that the chosen profile never names.
  listener = createServer((request, response) => {
    heard.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterEach(async () => {
  process.env = saved;
  await new Promise((resolve) => listener.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The process's shared config, as the SDK's own lookup would read it. */
function hostileProcessConfig(config: string, profile?: string): void {
  writeFileSync(join(dir, 'process-config'), config);
  process.env.AWS_CONFIG_FILE = join(dir, 'process-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'none');
  delete process.env.AWS_PROFILE;
  if (profile) process.env.AWS_PROFILE = profile;
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_ENDPOINT_URL')) delete process.env[name];
}

const hostile = (url: string) =>
  [
    ['[default] endpoint_url', `[default]\nendpoint_url = ${url}\n`, undefined],
    [
      "AWS_PROFILE's services section",
      `[profile other]\nservices = elsewhere\n[services elsewhere]\ncloudtrail =\n  endpoint_url = ${url}\nsts =\n  endpoint_url = ${url}\nsso =\n  endpoint_url = ${url}\n`,
      'other',
    ],
  ] as const;

/** Where a call went: the host it failed to resolve, or what the SDK said. */
async function failureOf(call: Promise<unknown>): Promise<string> {
  const error = (await call.then(
    () => new Error('the call succeeded'),
    (e: unknown) => e,
  )) as { hostname?: string; message?: string; code?: string };
  return `${error.code ?? ''} ${error.hostname ?? ''} ${error.message ?? ''}`;
}

/** What became of one CloudTrail lookup by the chosen profile 'analyst' (the source is destroyed after). */
async function cloudTrailLookupFailure(): Promise<string> {
  const source = createSdkSource({
    profile: 'analyst',
    credentials: async () => keys,
    limitKey: 'k',
    cacheKey: 'k',
    connectionTimeoutMs: 2000,
  });
  const request = { attribute: { key: 'Username' as const, value: 'alice' }, start: new Date(0), end: new Date(), nextToken: null };
  const said = await failureOf(source.lookup(region, request, new AbortController().signal));
  source.destroy();
  return said;
}

/**
 * A home (set as the process's HOME: the SDK reads the SSO token cache under it) whose config
 * names the SSO profile 'sso', ending with `lastLine`, and holds a valid cached login for it.
 * Returns the environment that points at that home's shared files.
 */
function ssoHomeWithCachedLogin(lastLine: string) {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  process.env.HOME = home;
  const start = 'https://corp.awsapps.com/start';
  writeFileSync(
    join(home, '.aws', 'config'),
    `[profile sso]\nsso_start_url = ${start}\nsso_region = ${region}\nsso_account_id = 111122223333\nsso_role_name = Audit\n${lastLine}\n`,
  );
  writeFileSync(join(home, '.aws', 'credentials'), '');
  const token = {
    accessToken: 'fake-sso-access-token',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    region,
    startUrl: start,
  };
  writeFileSync(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(start).digest('hex')}.json`), JSON.stringify(token));
  return { HOME: home, AWS_CONFIG_FILE: join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials') };
}

describe.each(hostile('http://evil.example'))('a hostile %s in the process’s config', (_where, config, profile) => {
  test('CloudTrail calls go to the chosen profile’s endpoint (AWS’s own), never there', async () => {
    hostileProcessConfig(config, profile);
    const said = await cloudTrailLookupFailure();
    expect(said).toContain(`cloudtrail.${region}.amazonaws.com`);
    expect(said).not.toContain('evil.example');
  });

  test('STS calls go to the chosen profile’s endpoint, never there', async () => {
    hostileProcessConfig(config, profile);
    const said = await failureOf(
      assumeRole({ region, endpoint: undefined }, keys, { RoleArn: 'arn:aws:iam::111122223333:role/A', RoleSessionName: 's' }),
    );
    expect(said).toContain(`sts.${region}.amazonaws.com`);
    expect(said).not.toContain('evil.example');
  });
});

describe.each(hostile('LISTENER'))('a %s on loopback that the chosen profile does not name', (_where, config, profile) => {
  test('receives no CloudTrail call', async () => {
    hostileProcessConfig(config.replaceAll('LISTENER', listenerUrl), profile);
    expect(await cloudTrailLookupFailure()).toContain('amazonaws.com');
    expect(heard).toEqual([]);
  });

  test('receives no SSO call for an SSO profile with a valid cached login', async () => {
    hostileProcessConfig(config.replaceAll('LISTENER', listenerUrl), profile);
    const env = ssoHomeWithCachedLogin(`region = ${region}`);
    const cache = createCredentialCache({ env, askMfaCode: () => Promise.reject(new Error('no MFA')) });
    expect(await failureOf(cache.get('sso'))).toContain(`portal.sso.${region}.amazonaws.com`);
    expect(heard).toEqual([]);
  });
});

test('the chosen profile’s own SSO endpoint is the one used', async () => {
  hostileProcessConfig('');
  const env = ssoHomeWithCachedLogin(`endpoint_url = ${listenerUrl}`);
  await failureOf(createCredentialCache({ env, askMfaCode: () => Promise.reject(new Error('no MFA')) }).get('sso'));
  expect(heard[0]).toMatch(/^GET \/federation\/credentials/);
});

/** A request as the SDK hands it to its HTTP handler (the fields the handler reads). */
function httpRequest(url: string, method = 'POST'): Parameters<CheckedHttpHandler['handle']>[0] {
  const target = new URL(url);
  const port = Number(target.port) || undefined;
  const request = {
    method,
    protocol: target.protocol,
    hostname: target.hostname,
    ...(port ? { port } : {}),
    path: target.pathname,
    headers: {},
    query: {},
  };
  return request as unknown as Parameters<CheckedHttpHandler['handle']>[0];
}

describe('the last check before a request leaves', () => {
  test.each(['http://evil.example', 'http://10.0.0.5:8080', 'http://127.0.0.1.evil.example'])('refuses plain http to %s', async (url) => {
    const handler = new CheckedHttpHandler();
    await expect(handler.handle(httpRequest(url))).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    handler.destroy();
  });

  test('lets plain http reach loopback', async () => {
    const handler = new CheckedHttpHandler();
    const { response } = await handler.handle(httpRequest(`${listenerUrl}/ping`, 'GET'));
    expect(response.statusCode).toBe(500);
    expect(heard).toEqual(['GET /ping']);
    handler.destroy();
  });
});
