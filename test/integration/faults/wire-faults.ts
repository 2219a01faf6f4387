import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one answer: pass it on, or break it in a way the fake cannot. */
export type WireFault = 'headersThenReset' | 'truncatedJson' | undefined;

/**
 * A proxy in front of the fake CloudTrail for faults at the HTTP layer: `headersThenReset`
 * sends the status line and headers, then resets the connection before any body;
 * `truncatedJson` sends a complete, well-framed response whose JSON is cut in half (a broken
 * gateway), so the client must notice at parse time rather than from the socket.
 */
export async function startWireFaults(target: string, decide: (index: number) => WireFault) {
  const upstream = new URL(target);
  let index = 0;
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const fault = decide(index++);
      const upstreamRequest = forward({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => body.push(chunk));
        answer.on('end', () => {
          const text = Buffer.concat(body);
          const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
          if (fault === 'headersThenReset') {
            outgoing.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': String(text.length) });
            outgoing.flushHeaders();
            setImmediate(() => incoming.socket.destroy());
            return;
          }
          const sent = fault === 'truncatedJson' ? text.subarray(0, Math.floor(text.length / 2)) : text;
          outgoing.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': String(sent.length) });
          outgoing.end(sent);
        });
      });
      upstreamRequest.on('error', () => outgoing.destroy());
      upstreamRequest.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
