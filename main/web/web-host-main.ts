import { join } from 'node:path';

import { createCliContext } from '../cli/cli-context';
import { createHost } from '../hosts/create-host';
import { createMemorySecretStore } from '../services/secrets/secret-store';
import { packageRoot } from '../hosts/package-info';
import { createStreamBus } from '../hosts/stream-bus';
import { startWebHost } from './server';
import type { WebHost } from './server';

/**
 * Starts the web host over the services, with the CLI's data folder. Fetched events live under
 * the data folder too (not the cache folder, which the system may clear), since saved
 * investigations reopen them, as the desktop app keeps them under its userData.
 */
export async function serveWeb(options: { port?: number; dataDir?: string; cacheDir?: string; staticDir?: string; log?: (line: string) => void }): Promise<WebHost> {
  const bus = createStreamBus();
  const cli = createCliContext({ dataDir: options.dataDir });
  const base = {
    ...cli,
    cacheDir: options.cacheDir ?? process.env.TRAILCASE_CACHE_DIR ?? join(cli.dataDir, 'fetches'),
    // A browser has no keychain Trailcase may use: a token saved here lasts as long as the host.
    secrets: createMemorySecretStore(
      'In the browser, the API token is kept in the web host’s memory only and forgotten when it stops. Set JIRA_API_TOKEN (with JIRA_BASE_URL and JIRA_EMAIL) before npm run web to keep it across restarts, or use the desktop app.',
    ),
  };
  const host = createHost({ ...base, kind: 'web', emit: bus.emit }, options.log);
  const web = await startWebHost({
    dispatch: host.dispatch,
    subscribe: bus.subscribe,
    staticDir: options.staticDir ?? join(packageRoot(), 'out', 'renderer'),
    port: options.port,
  });
  // The host owns a worker thread (the analysis): closing the server alone would leave its
  // message port holding the process open after Ctrl+C or SIGTERM.
  return { ...web, close: () => web.close().then(() => host.close()) };
}
