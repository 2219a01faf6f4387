import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Another web site on another local port: an empty page a test runs attacks from, and a record
 * of every request it receives (to see what a Referer would carry there).
 */
export async function startForeignSite() {
  const received: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((request, response) => {
    received.push({ path: request.url ?? '/', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another site</title><h1>Another site</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** Same site as the web host (127.0.0.1), another origin (port): the subtlest neighbour. */
    url: `http://127.0.0.1:${port}`,
    /** Another site on the same machine. */
    otherSiteUrl: `http://localhost:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
