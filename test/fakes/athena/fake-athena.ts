import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { createEngine } from './fake-athena-engine';
import { AthenaFault } from './fake-athena-fault';
import { executionHandlers } from './fake-athena-executions';
import type { Execution, FakeAthenaSettings } from './fake-athena-executions';

/** One request as the fake saw it. */
export interface AthenaCall {
  at: number;
  action: string;
  body: Record<string, unknown>;
  accessKeyId: string;
  status: number;
  errorType?: string;
}

export interface FakeAthenaOptions extends Partial<FakeAthenaSettings> {
  /** Fixture records per trail folder (a table's LOCATION): a CREATE EXTERNAL TABLE there loads them. */
  trails?: Record<string, Record<string, unknown>[]>;
  /** Fixture log files by s3:// URL: a table whose LOCATION holds one files its records under the file's day folder. */
  files?: Record<string, Record<string, unknown>[]>;
  /** Tables that exist from the start: each DDL is run as if an analyst had run it. */
  tables?: string[];
  /** Calls answered TooManyRequestsException first (the SDK retries them), in order. */
  throttle?: number;
  /** Awaited after a request is logged and before it is answered: a test may hold or inspect it. */
  onRequest?: (call: AthenaCall) => void | Promise<void>;
}

/**
 * Amazon Athena over HTTP in AWS JSON 1.1, as the real service answers: POST `/` with
 * `X-Amz-Target: AmazonAthena.<Action>`, JSON bodies, errors as `{__type, Message}` with HTTP 400
 * (InvalidRequestException with AthenaErrorCode, MetadataException, TooManyRequestsException).
 * Queries go QUEUED → RUNNING → SUCCEEDED on the configured timing and run on DuckDB over the
 * fixture records, in a table built from the CREATE EXTERNAL TABLE statement itself. Every call
 * and every execution is logged, so tests can assert what the client asked, and that no query
 * ran without a bound on `timestamp`.
 */
export async function startFakeAthena(options: FakeAthenaOptions = {}) {
  const engine = await createEngine(options.trails ?? {}, options.files ?? {});
  const settings: FakeAthenaSettings = {
    queuedMs: options.queuedMs ?? 0,
    runningMs: options.runningMs ?? 0,
    workgroups: options.workgroups ?? { primary: {} },
    ...(options.failWith ? { failWith: options.failWith } : {}),
    ...(options.onResultObjects ? { onResultObjects: options.onResultObjects } : {}),
  };
  const executions = new Map<string, Execution>();
  const handlers: Record<string, ((body: Record<string, unknown>) => unknown) | undefined> = executionHandlers(engine, executions, settings);
  const calls: AthenaCall[] = [];
  let throttled = options.throttle ?? 0;
  for (const ddl of options.tables ?? []) await engine.execute(ddl);

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => void handle(request, response).catch(() => response.destroy()));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const call: AthenaCall = { at: Date.now(), action: target.replace(/^AmazonAthena\./, ''), body: {}, accessKeyId, status: 0 };
    calls.push(call);
    await options.onRequest?.(call);
    const answer = (status: number, body: unknown, errorType?: string) => {
      call.status = status;
      if (errorType) call.errorType = errorType;
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
      response.end(JSON.stringify(body));
    };
    try {
      call.body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (request.method !== 'POST' || !target.startsWith('AmazonAthena.') || !String(request.headers['content-type']).startsWith('application/x-amz-json-1.1'))
        throw new AthenaFault('UnknownOperationException', 'The requested operation is not recognized.');
      if (!accessKeyId) throw new AthenaFault('UnrecognizedClientException', 'The security token included in the request is invalid.');
      if (throttled > 0) {
        throttled -= 1;
        throw new AthenaFault('TooManyRequestsException', 'Rate exceeded', { Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' });
      }
      const handler = handlers[call.action];
      if (!handler) throw new AthenaFault('UnknownOperationException', `The operation ${call.action} is not served by this fake.`);
      answer(200, await handler(call.body));
    } catch (error) {
      if (!(error instanceof AthenaFault)) throw error;
      answer(400, { __type: error.type, Message: error.message, ...error.extra }, error.type);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    executions,
    settings,
    tables: engine.tables,
    /** Every SELECT the fake ran or refused without a bound on the `timestamp` partition. */
    unboundedQueries: () => [...executions.values()].filter((execution) => execution.statementType === 'DML' && !execution.partitionBound).map((execution) => execution.sql),
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      engine.close();
    },
  };
}

export type FakeAthena = Awaited<ReturnType<typeof startFakeAthena>>;
