import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { readAuditLog, uncertainCalls } from '../../../shared/containment/audit';
import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { runCli } from '../../helpers/run-cli';
import { iamHome } from '../iam/helpers';
import { containmentAccount } from './helpers';

let fake: FakeIam;
let cleanup = () => {};
afterEach(async () => {
  cleanup();
  await fake?.close();
});

describe('the audit log survives a crash mid-action (promise 19)', () => {
  it('names the call that may have happened when the CLI is killed between its intent and its result', async () => {
    fake = await startFakeIam({ state: containmentAccount() });
    const home = iamHome(fake);
    cleanup = home.cleanup;
    const dataDir = mkdtempSync(join(tmpdir(), 'trailcase-contain-crash-'));
    const env = { ...home.env, TRAILCASE_DATA_DIR: dataDir, PATH: process.env.PATH };
    // IAM holds the first UpdateAccessKey unanswered; the test kills the CLI once IAM has it.
    let arrived = () => {};
    const atIam = new Promise<void>((resolveArrived) => (arrived = resolveArrived));
    fake.setOptions({ onRequest: (call) => (call.action === 'UpdateAccessKey' ? (arrived(), new Promise<void>(() => {})) : undefined) });
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('main/cli/main.ts'), 'contain', '--profile', 'analyst', '--user', 'alice', '--action', 'deactivate-keys', '--action', 'deny-all', '--yes'], {
      env,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolveExit) => child.on('exit', (_code, signal) => resolveExit(signal)));
    await atIam;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const path = join(dataDir, 'containment', 'audit.jsonl');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'containment')).mode & 0o777).toBe(0o700);
    // A write torn by a crash, as a later reader may find it: the rest still reads.
    appendFileSync(path, '{"v":1,"id":"c-torn","type":"res');
    const { records, unreadable } = readAuditLog(readFileSync(path, 'utf8'));
    expect(unreadable).toHaveLength(1);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.status).toBe('interrupted');
    expect(uncertainCalls(record!).map((logged) => logged.call)).toEqual([
      { api: 'UpdateAccessKey', params: { UserName: 'alice', AccessKeyId: 'AKIAALICEFAKE0000001', Status: 'Inactive' } },
    ]);
    expect(record!.begin.plan.actions.map((action) => action.action)).toEqual(['deactivate-keys', 'deny-all']);

    // The next run starts a line of its own after the torn one, and undo covers the call either way.
    fake.setOptions({ onRequest: undefined });
    const undo = await runCli(['contain', '--undo', record!.id, '--yes'], env);
    expect(undo.code).toBe(0);
    const after = readAuditLog(readFileSync(path, 'utf8'));
    expect(after.unreadable).toHaveLength(1);
    expect(after.records.find((r) => r.id === record!.id)!.undoneBy).toMatch(/^u-/);
    expect(fake.state.users.find((user) => user.userName === 'alice')!.accessKeys.map((key) => key.status)).toEqual(['Active', 'Inactive', 'Active']);
  });
});
