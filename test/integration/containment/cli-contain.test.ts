import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DENY_ALL_POLICY_ARN } from '../../../shared/containment/policies';
import type { IamCall } from '../../../shared/containment/types';
import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { runCli } from '../../helpers/run-cli';
import { iamHome } from '../iam/helpers';
import { containmentAccount, onTheWire, sentMutations, snapshot } from './helpers';

let fake: FakeIam;
let cleanup = () => {};
afterEach(async () => {
  cleanup();
  await fake?.close();
});

async function setUp() {
  fake = await startFakeIam({ state: containmentAccount() });
  const home = iamHome(fake);
  cleanup = home.cleanup;
  const env = { ...home.env, TRAILCASE_DATA_DIR: mkdtempSync(join(tmpdir(), 'trailcase-contain-cli-')) };
  return { env, contain: (...args: string[]) => runCli(['contain', '--profile', 'analyst', ...args], env) };
}
const alice = () => fake.state.users.find((user) => user.userName === 'alice')!;
const actions = ['--action', 'deactivate-keys', '--action', 'disable-console', '--action', 'deny-all'];

describe('trailcase contain', () => {
  it('needs --dry-run or --yes: exit 2 saying so, and no call at all', async () => {
    const { contain } = await setUp();
    const run = await contain('--user', 'alice', '--action', 'deny-all');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('One of --dry-run (show the exact calls) or --yes (make them) is required.');
    expect(fake.calls).toEqual([]);
  });

  it('refuses a role action meant for users, and an unknown action, as bad usage', async () => {
    const { contain } = await setUp();
    const role = await contain('--role', 'deploy', '--action', 'deactivate-keys', '--dry-run');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('a role has no access keys or console password');
    expect((await contain('--user', 'alice', '--action', 'delete-user', '--dry-run')).code).toBe(2);
    expect(fake.mutations()).toEqual([]);
  });

  it('prints the exact calls on --dry-run, and --yes sends exactly those; the record id and the undo are printed', async () => {
    const { contain, env } = await setUp();
    const dry = await contain('--user', 'alice', ...actions, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(fake.mutations()).toEqual([]);
    const preview = JSON.parse(dry.stdout) as { calls: IamCall[]; runCommand: string };
    expect(preview.runCommand).toBe(
      'trailcase contain --profile analyst --user alice --action deactivate-keys --action disable-console --action deny-all --unique-id AIDAALICEFAKE000001X --yes',
    );
    const text = await contain('--user', 'alice', ...actions, '--dry-run');
    expect(text.stdout).toContain('UpdateAccessKey UserName=alice AccessKeyId=AKIAALICEFAKE0000001 Status=Inactive');
    expect(text.stdout).toContain('disable-console (cannot be undone)');

    const run = await contain('--user', 'alice', ...actions, '--unique-id', 'AIDAALICEFAKE000001X', '--yes');
    // (The SDK may add its own Node version warning after it.)
    expect(run.stderr.split('\n')[0]).toBe(`Acting profile: "analyst". Audit log: ${join(env.TRAILCASE_DATA_DIR, 'containment', 'audit.jsonl')}`);
    expect(run.code).toBe(0);
    expect(sentMutations(fake)).toEqual(onTheWire(preview.calls));
    expect(run.stdout).toMatch(/^Record: c-\d{8}T\d{6}Z-[0-9a-f]{8}$/m);
    expect(run.stdout).toMatch(/^Undo: trailcase contain --undo c-[\w-]+ --yes$/m);
    expect(run.stdout).toContain('ok   deny-all: SimulatePrincipalPolicy: iam:CreateAccessKey: explicitDeny');
  });

  it('undoes in one step: --undo without --yes only shows the calls, with --yes restores the before-state', async () => {
    const { contain } = await setUp();
    const before = snapshot(alice());
    const run = await contain('--user', 'alice', ...actions, '--yes');
    const id = /^Record: (\S+)$/m.exec(run.stdout)![1]!;
    const sent = fake.mutations().length;

    const dry = await contain('--undo', id);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`DetachUserPolicy UserName=alice PolicyArn=${DENY_ALL_POLICY_ARN}`);
    expect(dry.stdout).toContain('Password=<new password, shown once to the analyst, never stored>');
    expect(fake.mutations()).toHaveLength(sent);

    const undo = await contain('--undo', id, '--yes');
    expect(undo.code).toBe(0);
    expect(snapshot(alice())).toEqual(before);
    expect(undo.stdout).toMatch(/^New console password \(shown once, never stored; the user must change it at sign-in\): \S{24}$/m);
    expect((await contain('--undo', id, '--yes')).stderr).toContain(`${id} was already undone by u-`);
  });

  it('exits 1 and says what to do when the acting profile may not make the call', async () => {
    const { contain } = await setUp();
    fake.setOptions({ denied: ['UpdateAccessKey'] });
    const run = await contain('--user', 'alice', '--action', 'deactivate-keys', '--yes');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Run: failed. UpdateAccessKey failed (ACCESS_DENIED): Profile "analyst" may not call iam:UpdateAccessKey');
    expect(run.stdout).toContain('Pick an acting profile allowed to contain');
  });
});
