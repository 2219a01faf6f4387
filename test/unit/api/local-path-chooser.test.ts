import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { createHost } from '../../../main/hosts/create-host';
import type { HostContext } from '../../../main/hosts/host-context';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';

/**
 * The log-files path's native chooser through the host's dispatcher (what Electron's IPC and the
 * web host call): offered only by a host context that has the dialog, and only a local path the
 * analyst picked goes back to the page.
 */
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function host(extra: Partial<HostContext>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'trailcase-chooser-'));
  dirs.push(dataDir);
  const ctx: HostContext = {
    kind: extra.chooseLocalPath ? 'electron' : 'web',
    env: {},
    dataDir,
    cacheDir: join(dataDir, 'cache'),
    emit: () => {},
    askMfaCode: () => Promise.reject(new Error('no MFA here')),
    secrets: createMemorySecretStore(),
    openExternal: async () => false,
    takePendingDeepLink: () => null,
    ...extra,
  };
  return createHost(ctx).dispatch;
}

describe('a host with a native chooser (the desktop)', () => {
  it('says it can choose, and returns the folder the analyst picked', async () => {
    const chooseLocalPath = vi.fn(async () => '/home/analyst/cases/4711');
    const dispatch = await host({ chooseLocalPath });
    expect(await dispatch('canChooseLocalPath', {})).toEqual({ ok: true, data: { available: true } });
    expect(await dispatch('chooseLocalPath', { pick: 'folder' })).toEqual({ ok: true, data: { path: '/home/analyst/cases/4711' } });
    expect(chooseLocalPath).toHaveBeenCalledWith('folder');
  });

  it('asks for a file when the page asks for one, and a Windows path comes back as chosen', async () => {
    const chooseLocalPath = vi.fn(async () => 'C:\\logs\\trail.json.gz');
    const dispatch = await host({ chooseLocalPath });
    expect(await dispatch('chooseLocalPath', { pick: 'file' })).toEqual({ ok: true, data: { path: 'C:\\logs\\trail.json.gz' } });
    expect(chooseLocalPath).toHaveBeenCalledWith('file');
  });

  it('returns no path when the analyst cancels the dialog', async () => {
    const dispatch = await host({ chooseLocalPath: async () => null });
    expect(await dispatch('chooseLocalPath', { pick: 'folder' })).toEqual({ ok: true, data: { path: null } });
  });

  it('refuses a network share picked in the dialog, saying what to do', async () => {
    for (const share of ['\\\\server\\share\\logs', '//server/share/logs']) {
      const dispatch = await host({ chooseLocalPath: async () => share });
      const result = await dispatch('chooseLocalPath', { pick: 'folder' });
      expect(result, share).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('copy the log files to a local folder') } });
    }
  });

  it('opens no dialog for an input the contract refuses (another pick, a default path, extra keys)', async () => {
    const chooseLocalPath = vi.fn(async () => '/x');
    const dispatch = await host({ chooseLocalPath });
    for (const input of [{ pick: 'anything' }, { pick: 'folder', defaultPath: '/etc' }, {}, JSON.parse('{"pick":"folder","__proto__":{"x":1}}') as unknown, null])
      expect((await dispatch('chooseLocalPath', input)).ok, JSON.stringify(input)).toBe(false);
    expect(chooseLocalPath).not.toHaveBeenCalled();
  });
});

describe('a host without one (the web host)', () => {
  it('says it cannot choose, and refuses a call to choose with what to do instead', async () => {
    const dispatch = await host({});
    expect(await dispatch('canChooseLocalPath', {})).toEqual({ ok: true, data: { available: false } });
    expect(await dispatch('chooseLocalPath', { pick: 'folder' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('type the path') },
    });
  });
});
