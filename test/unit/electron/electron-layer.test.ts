import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { APP_PAGE_URL } from '../../../main/security/app-protocol';
import { contentSecurityPolicy } from '../../../main/security/csp';
import { channelOf, methodNames, streamChannel } from '../../../shared/api/contract';

/**
 * The thin Electron layer, with the `electron` module mocked (requiring the real one outside
 * Electron tries to download its binary). What runs only in real Electron is covered by the
 * smoke test in test/electron-smoke/, for machines that have the binary.
 */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const schemes = new Map<string, (request: Request) => Promise<Response>>();
  return {
    handlers,
    appListeners,
    schemes,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, fn: (request: Request) => Promise<Response>) => schemes.set(scheme, fn)),
    },
    dialog: { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })) },
    BrowserWindow: class {},
    ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: {} })), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    app: { on: vi.fn((event: string, fn: (...args: unknown[]) => void) => appListeners.set(event, fn)) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  };
});
vi.mock('electron', () => electron);

describe('the IPC binding', () => {
  const pageUrl = APP_PAGE_URL;
  const ours = { id: 1 };
  const dispatch = vi.fn(async () => ({ ok: true as const, data: 'called' }));

  beforeEach(async () => {
    electron.handlers.clear();
    dispatch.mockClear();
    const { setupIpc } = await import('../../../main/electron/ipc');
    setupIpc(dispatch, (contents) => contents === (ours as never));
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

  it('refuses a call from a file:// page, even of our own build, and from another app:// host', async () => {
    const handler = electron.handlers.get(channelOf('listProfiles'))!;
    for (const url of ['file:///opt/trailcase/out/renderer/index.html', 'app://evil.test/index.html', 'app://trailcase/other.html'])
      expect(await handler(eventFrom({ url }), {}), url).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('dispatches a call from our page with a query or fragment', async () => {
    const handler = electron.handlers.get(channelOf('listProfiles'))!;
    expect(await handler(eventFrom({ url: `${APP_PAGE_URL}?profile=demo#x` }), {})).toEqual({ ok: true, data: 'called' });
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
    const contents = {
      on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
      setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn),
    };
    electron.appListeners.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)!({ preventDefault, url: 'https://evil.test/' });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
    const [requestHandler] = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0] as unknown as [
      (c: unknown, p: string, cb: (ok: boolean) => void) => void,
    ];
    const callback = vi.fn();
    requestHandler({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const [checkHandler] = electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0] as unknown as [
      (c: unknown, p: string) => boolean,
    ];
    expect(checkHandler({}, 'notifications')).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const base = mkdtempSync(join(tmpdir(), 'trailcase-app-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Trailcase</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
  // What a compromised page would like to read: a file beside the renderer folder.
  writeFileSync(join(base, 'credentials'), 'aws_secret_access_key = canary');

  async function serve(url: string, method = 'GET'): Promise<Response> {
    const { setupAppProtocol } = await import('../../../main/electron/app-protocol');
    electron.schemes.clear();
    setupAppProtocol(root);
    return electron.schemes.get('app')!(new Request(url, { method }));
  }

  it('registers app: as standard and secure, without bypassing the CSP', async () => {
    const { registerAppScheme } = await import('../../../main/electron/app-protocol');
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('serves the page from the renderer folder with the CSP header', async () => {
    const response = await serve(APP_PAGE_URL);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Trailcase</title>');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await serve('app://trailcase/assets/index.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export {};');
  });

  it('answers 404 for a path out of the folder, another host or a missing file, and reads nothing else', async () => {
    for (const url of [
      'app://trailcase/..%2fcredentials',
      'app://trailcase/%2e%2e/credentials',
      'app://trailcase/assets/..%2f..%2fcredentials',
      'app://evil.test/index.html',
      'app://trailcase/missing.js',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('canary');
    }
  });

  it('answers only reads', async () => {
    expect((await serve(APP_PAGE_URL, 'POST')).status).toBe(405);
  });
});

describe('the Jira site dialog', () => {
  beforeEach(() => electron.dialog.showMessageBox.mockClear());

  it('asks in a native dialog, Cancel by default, naming the new site', async () => {
    const { createJiraSiteDialog } = await import('../../../main/electron/jira-site-dialog');
    const confirm = createJiraSiteDialog(() => null);
    expect(await confirm({ from: 'https://acme.atlassian.net', to: 'https://evil.test' })).toBe(false);
    const [options] = electron.dialog.showMessageBox.mock.calls[0] as unknown as [
      { buttons: string[]; defaultId: number; cancelId: number; message: string; detail: string },
    ];
    expect(options.buttons[options.defaultId]).toBe('Cancel');
    expect(options.cancelId).toBe(options.defaultId);
    expect(options.message).toContain('https://evil.test');
    expect(options.detail).toContain('https://acme.atlassian.net');
  });

  it('says yes only when the analyst pressed Connect', async () => {
    const { createJiraSiteDialog } = await import('../../../main/electron/jira-site-dialog');
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    const window = { isDestroyed: () => false };
    expect(await createJiraSiteDialog(() => window as never)({ from: null, to: 'https://acme.atlassian.net' })).toBe(true);
    expect(electron.dialog.showMessageBox.mock.calls[0]![0]).toBe(window);
  });
});
