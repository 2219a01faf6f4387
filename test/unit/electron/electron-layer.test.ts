import { beforeEach, describe, expect, it, vi } from 'vitest';

import { channelOf, methodNames, streamChannel } from '../../../shared/api/contract';

/**
 * The thin Electron layer, with the `electron` module mocked (requiring the real one outside
 * Electron tries to download its binary). What runs only in real Electron is covered by the
 * smoke test in test/electron-smoke/, for machines that have the binary.
 */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  return {
    handlers,
    appListeners,
    ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: {} })), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    app: { on: vi.fn((event: string, fn: (...args: unknown[]) => void) => appListeners.set(event, fn)) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  };
});
vi.mock('electron', () => electron);

describe('the IPC binding', () => {
  const pageUrl = 'file:///opt/trailcase/out/renderer/index.html';
  const ours = { id: 1 };
  const dispatch = vi.fn(async () => ({ ok: true as const, data: 'called' }));

  beforeEach(async () => {
    electron.handlers.clear();
    dispatch.mockClear();
    const { setupIpc } = await import('../../../main/electron/ipc');
    setupIpc(dispatch, (contents) => contents === (ours as never), pageUrl);
  });

  function eventFrom({ subframe = false, url = pageUrl }: { subframe?: boolean; url?: string } = {}) {
    const mainFrame = { url };
    return { sender: Object.assign(ours, { mainFrame }), senderFrame: subframe ? { url: pageUrl } : mainFrame };
  }

  it('binds one channel per contract method and no other', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
  });

  it('dispatches a call from our window main frame', async () => {
    const handler = electron.handlers.get(channelOf('listProfiles'))!;
    expect(await handler(eventFrom({}), {})).toEqual({ ok: true, data: 'called' });
    expect(dispatch).toHaveBeenCalledWith('listProfiles', {});
  });

  it('refuses a call from a subframe', async () => {
    const handler = electron.handlers.get(channelOf('listProfiles'))!;
    expect(await handler(eventFrom({ subframe: true }), {})).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a window the app did not create', async () => {
    const handler = electron.handlers.get(channelOf('listProfiles'))!;
    const stranger = { id: 2, mainFrame: { url: pageUrl } };
    const result = await handler({ sender: stranger, senderFrame: stranger.mainFrame }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });

  it('refuses a call from a page that is not ours', async () => {
    const handler = electron.handlers.get(channelOf('listProfiles'))!;
    expect(await handler(eventFrom({ url: 'https://evil.test/' }), {})).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });
});

describe('the preload', () => {
  it('exposes one function per contract method plus subscribe, and nothing generic', async () => {
    await import('../../../main/electron/preload');
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(name).toBe('trailcase');
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'subscribe'].sort());
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'process', 'require']) expect(api).not.toHaveProperty(key);
  });

  it('sends each method on its own channel', async () => {
    await import('../../../main/electron/preload');
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, (input: unknown) => Promise<unknown>>;
    await api.listProfiles!({});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channelOf('listProfiles'), {});
  });

  it('returns an unsubscribe function from subscribe', async () => {
    await import('../../../main/electron/preload');
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as { subscribe(listener: () => void): () => void };
    const unsubscribe = api.subscribe(() => {});
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(streamChannel, expect.any(Function));
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(streamChannel, expect.any(Function));
  });
});

describe('the lockdown', () => {
  it('refuses navigation, new windows and webviews on every web contents, and denies permissions', async () => {
    const { setupLockdown } = await import('../../../main/electron/lockdown');
    setupLockdown();
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = { on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn), setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn) };
    electron.appListeners.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)!({ preventDefault }, 'https://evil.test/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
    const [requestHandler] = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0] as unknown as [(c: unknown, p: string, cb: (ok: boolean) => void) => void];
    const callback = vi.fn();
    requestHandler({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const [checkHandler] = electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0] as unknown as [(c: unknown, p: string) => boolean];
    expect(checkHandler({}, 'notifications')).toBe(false);
  });
});
