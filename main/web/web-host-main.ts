import { join } from 'node:path';

import { createCliContext } from '../cli/cli-context';
import { createHost } from '../hosts/create-host';
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
  const base = { ...cli, cacheDir: options.cacheDir ?? process.env.TRAILCASE_CACHE_DIR ?? join(cli.dataDir, 'fetches') };
  const host = createHost({ ...base, kind: 'web', emit: bus.emit }, options.log);
  return startWebHost({
    dispatch: host.dispatch,
    subscribe: bus.subscribe,
    staticDir: options.staticDir ?? join(packageRoot(), 'out', 'renderer'),
    port: options.port,
  });
}
