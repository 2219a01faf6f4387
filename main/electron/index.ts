import { join } from 'node:path';

import { app, BrowserWindow, shell } from 'electron';
import type { WebContents } from 'electron';

import { streamChannel } from '../../shared/api/contract';
import { createHost } from '../hosts/create-host';
import { createStreamBus } from '../hosts/stream-bus';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, deepLinkQuery } from '../security/deep-link';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { setupIpc } from './ipc';
import { createJiraSiteDialog } from './jira-site-dialog';
import { createLocalPathDialog } from './local-path-dialog';
import { setupLockdown } from './lockdown';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { createMainWindow } from './window';

/**
 * The desktop app's start-up, as a list. Everything of substance lives in services shared with
 * the web host and the CLI; this layer only binds them to Electron.
 */
const rendererDir = join(__dirname, '../renderer');
const windows = new Set<WebContents>();
const bus = createStreamBus();
let pendingDeepLink: string | null = deepLinkFromArgv(process.argv);
let mainWindow: BrowserWindow | null = null;

function receiveDeepLink(url: string): void {
  const query = deepLinkQuery(url);
  if (query === null) return;
  pendingDeepLink = query;
  bus.emit({ type: 'deeplink.open', query });
  mainWindow?.show();
  mainWindow?.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  // Reviewed: the link's query only fills the form (deepLinkQuery), nothing runs from it.
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME); /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
  app.on('second-instance', (_event, argv) => {
    const query = deepLinkFromArgv(argv);
    if (query !== null) receiveDeepLink(`${DEEP_LINK_SCHEME}://investigate?${query}`);
    else mainWindow?.focus();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveDeepLink(url);
  });
  registerAppScheme();
  setupLockdown();
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
}

function start(): void {
  setupAppProtocol(rendererDir);
  const dataDir = app.getPath('userData');
  const host = createHost(
    {
      kind: 'electron',
      env: process.env,
      dataDir,
      cacheDir: join(app.getPath('userData'), 'cache'),
      emit: bus.emit,
      askMfaCode: () => Promise.reject(new Error('replaced by the MFA broker')),
      secrets: createSafeStorageSecrets(dataDir),
      confirmJiraSite: createJiraSiteDialog(() => mainWindow),
      chooseLocalPath: createLocalPathDialog(() => mainWindow),
      openExternal: async (url) => {
        // Reviewed: only URLs that passed checkExternalUrl (https, allow-listed hosts or the exact configured Jira site) arrive here.
        await shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
        return true;
      },
      takePendingDeepLink: () => {
        const query = pendingDeepLink;
        pendingDeepLink = null;
        return query;
      },
    },
    (line) => console.error(line),
  );
  bus.subscribe((message) => {
    for (const contents of windows) if (!contents.isDestroyed()) contents.send(streamChannel, message);
  });
  setupIpc(host.dispatch, (contents) => windows.has(contents));
  // Ends the analysis worker with the app, so no analysis is cut off mid-write by the exit.
  app.on('will-quit', () => void host.close());
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

function openMainWindow(): void {
  const window = createMainWindow();
  const contents = window.webContents;
  mainWindow = window;
  windows.add(contents);
  window.on('closed', () => {
    windows.delete(contents);
    if (mainWindow === window) mainWindow = null;
  });
}
