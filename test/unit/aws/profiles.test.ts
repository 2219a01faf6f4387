import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { listProfiles } from '../../../main/services/aws/profiles';

const fixtures = resolve('test/fixtures/aws-config');
const fixtureEnv = { HOME: '/nonexistent', AWS_CONFIG_FILE: join(fixtures, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(fixtures, 'credentials') };

function tempFiles(config: string, credentials = ''): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'trailcase-profiles-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  return { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
}

describe('listProfiles', () => {
  it('finds every kind of profile with its region', async () => {
    const { profiles, problems } = await listProfiles(fixtureEnv);
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    expect(problems).toEqual([]);
    expect(byName.default).toMatchObject({ kind: 'keys', region: 'eu-west-1', isDefault: true, sources: ['config', 'credentials'] });
    expect(byName['dev-sso']).toMatchObject({ kind: 'sso', region: 'us-west-2', ssoSession: 'corp' });
    expect(byName['legacy-sso']).toMatchObject({ kind: 'sso', ssoSession: 'https://legacy.awsapps.com/start' });
    expect(byName['admin-mfa']).toMatchObject({ kind: 'role', mfa: true, region: 'us-east-1' });
    expect(byName.helper).toMatchObject({ kind: 'process', region: 'ap-southeast-2' });
    expect(byName.audit).toMatchObject({ kind: 'keys', region: 'eu-central-1' });
    expect(byName.demo).toMatchObject({ kind: 'demo', sources: ['builtin'] });
  });

  it('lists no sso-session or services section as a profile', async () => {
    const { profiles } = await listProfiles(fixtureEnv);
    expect(profiles.map((p) => p.name)).not.toContain('sso-session.corp');
    expect(profiles.some((p) => p.name.startsWith('services'))).toBe(false);
  });

  it('never returns a secret', async () => {
    const text = JSON.stringify(await listProfiles(fixtureEnv));
    expect(text).not.toContain('wJalrXUtnFEMI');
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('marks the AWS_PROFILE profile as the default', async () => {
    const { profiles } = await listProfiles({ ...fixtureEnv, AWS_PROFILE: 'helper' });
    expect(profiles.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['helper']);
  });

  it('adds the environment keys as a profile when they are set', async () => {
    const { profiles } = await listProfiles({ ...fixtureEnv, AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 's', AWS_REGION: 'sa-east-1' });
    expect(profiles.find((p) => p.name === 'environment')).toMatchObject({ kind: 'env', region: 'sa-east-1' });
  });

  it('returns only the demo when there are no files', async () => {
    const { profiles, problems } = await listProfiles({ HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/k' });
    expect(profiles.map((p) => p.name)).toEqual(['demo']);
    expect(problems).toEqual([]);
  });

  it('names the file and line of a malformed section header, and keeps the rest', async () => {
    const env = tempFiles('[default]\nregion = eu-west-1\n\n[profile broken\nregion = us-east-1\n\n[profile ok]\nregion = us-west-1\n');
    const { profiles, problems } = await listProfiles(env);
    expect(problems).toEqual([`${env.AWS_CONFIG_FILE} line 4: a section header must look like [profile name]`]);
    expect(profiles.map((p) => p.name)).toContain('ok');
  });

  it('names the file and line of a setting without "="', async () => {
    const env = tempFiles('[default]\nregion = eu-west-1\n', '[default]\naws_access_key_id AKIA\n');
    const { problems } = await listProfiles(env);
    expect(problems).toEqual([`${env.AWS_SHARED_CREDENTIALS_FILE} line 2: expected "key = value" or a [section] header`]);
  });

  it('reports a setting before any section', async () => {
    const env = tempFiles('region = eu-west-1\n[default]\n');
    const { problems } = await listProfiles(env);
    expect(problems[0]).toContain('line 1');
  });

  it('survives binary garbage in a file', async () => {
    const env = tempFiles('\u0000\u0001[[[\n=\n\uFFFF', '');
    const result = await listProfiles(env);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.profiles.map((p) => p.name)).toContain('demo');
  });
});
