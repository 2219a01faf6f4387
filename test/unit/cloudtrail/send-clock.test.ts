import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, test } from 'vitest';

import { whenSent } from '../../../main/services/cloudtrail/send-clock';

test('the rate clock is told when a request has been handed to its socket, matched by its invocation id', async () => {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(Date.now());
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sent: string[] = [];
  whenSent('call-a', () => sent.push('call-a'));
  whenSent('call-b', () => sent.push('call-b'));
  const send = (id: string) =>
    new Promise<void>((resolve) => {
      const call = request({ host: '127.0.0.1', port, method: 'POST', headers: { 'amz-sdk-invocation-id': id } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      call.end('{}');
    });
  await send('call-b');
  expect(sent).toEqual(['call-b']);
  await send('unregistered');
  expect(sent).toEqual(['call-b']);
  server.close();
});
