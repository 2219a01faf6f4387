import { join } from 'node:path';

import { createCliContext } from '../cli/cli-context';
import { createHost } from '../hosts/create-host';
import { packageRoot } from '../hosts/package-info';
import { createStreamBus } from '../hosts/stream-bus';
import { startWebHost } from './server';
import type { WebHost } from './server';

/** Starts the web host over the services, with data and cache folders as the CLI has them. */
export async function serveWeb(options: { port?: number; dataDir?: string; cacheDir?: string; staticDir?: string; log?: (line: string) => void }): Promise<WebHost> {
  const bus = createStreamBus();
  const base = createCliContext({ dataDir: options.dataDir, cacheDir: options.cacheDir });
  const host = createHost({ ...base, kind: 'web', emit: bus.emit }, options.log);
  return startWebHost({
    dispatch: host.dispatch,
    subscribe: bus.subscribe,
    staticDir: options.staticDir ?? join(packageRoot(), 'out', 'renderer'),
    port: options.port,
  });
}
