import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

import { ApiError } from '../../../shared/api/errors';
import { packageRoot } from '../../hosts/package-info';
import { serveWeb } from '../../web/web-host-main';
import { printErr, printOut } from '../terminal-output';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return port;
}

/** `trailcase serve [--port N]`: the web host; its URL, token included, is stdout's first line. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the app in a browser on 127.0.0.1 (the URL carries a per-start token)')
    .option('--port <n>', 'port to listen on (default: any free port)', parsePort)
    .option('--data-dir <dir>', 'folder for investigations and drafts')
    .option('--cache-dir <dir>', 'folder for fetched pages (default: fetches/ in the data folder)')
    .action(async (options: { port?: number; dataDir?: string; cacheDir?: string }) => {
      const staticDir = join(packageRoot(), 'out', 'renderer');
      if (!existsSync(join(staticDir, 'index.html'))) throw new ApiError('NOT_FOUND', 'The app is not built yet: run `npm run build` first.');
      const web = await serveWeb({ ...options, staticDir, log: (line) => printErr(`${line}\n`) });
      await printOut(`${web.url}\n`);
      printErr('Trailcase is served on 127.0.0.1 only. Open the URL above; press Ctrl+C to stop.\n');
      await new Promise<void>((resolve) => {
        const stop = () => {
          void web.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
