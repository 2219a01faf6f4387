import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCli } from '../../helpers/run-cli';

const fixtures = resolve('test/fixtures/aws-config');
const env = { AWS_CONFIG_FILE: join(fixtures, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(fixtures, 'credentials') };

describe('the trailcase CLI', () => {
  it('prints its version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints help that names its commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('profiles');
    expect(run.stdout).toContain('serve');
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['profiles', '--nope'])).code).toBe(2);
  });

  it('lists the fixture profiles as JSON, and nothing else on stdout', async () => {
    const run = await runCli(['profiles', '--json'], env);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { profiles: Array<{ name: string; kind: string; region: string | null }> };
    expect(parsed.profiles.map((p) => [p.name, p.kind, p.region])).toEqual([
      ['default', 'keys', 'eu-west-1'],
      ['admin-mfa', 'role', 'us-east-1'],
      ['audit', 'keys', 'eu-central-1'],
      ['dev-sso', 'sso', 'us-west-2'],
      ['helper', 'process', 'ap-southeast-2'],
      ['legacy-sso', 'sso', null],
      ['demo', 'demo', 'us-east-1'],
    ]);
  });

  it('lists profiles as a table, marking the default', async () => {
    const run = await runCli(['profiles'], { ...env, AWS_PROFILE: 'audit' });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^PROFILE\s+KIND\s+REGION/);
    expect(run.stdout).toMatch(/audit \*\s+keys\s+eu-central-1/);
  });

  it('warns about a malformed file on stderr, naming file and line, and still lists', async () => {
    const run = await runCli(['profiles', '--json'], { ...env, AWS_SHARED_CREDENTIALS_FILE: join(fixtures, 'config-broken') });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${join(fixtures, 'config-broken')} line 2`);
    expect(JSON.parse(run.stdout).profiles.length).toBeGreaterThan(1);
  });
});
