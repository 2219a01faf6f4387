import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { deleteObjects } from './fake-s3-delete';
import { listObjectsV2 } from './fake-s3-list';
import type { FakeObject } from './fake-s3-list';
import { errorXml, FAULTS, headerTime, noSuchBucket, noSuchKey, requestIds, S3Fault } from './fake-s3-xml';
import type { FaultName } from './fake-s3-xml';

/** One request as the fake saw it. */
export interface S3Call {
  at: number;
  operation: 'ListObjectsV2' | 'GetObject' | 'HeadObject' | 'DeleteObjects' | 'Unknown';
  method: string;
  bucket: string;
  key: string;
  query: Record<string, string>;
  accessKeyId: string;
  status: number;
  code?: string;
  /** DeleteObjects: the keys it removed. */
  deleted?: string[];
}

export interface FakeS3Options {
  /** Buckets and their objects, by key. */
  buckets?: Record<string, Record<string, string | Buffer>>;
  /** A fault to answer a call with instead of serving it (AccessDenied 403, SlowDown 503…). */
  fault?: (call: S3Call) => FaultName | undefined;
  /** Keys DeleteObjects refuses one by one (AccessDenied in its `<Error>` list). */
  refuseDelete?: (key: string) => boolean;
  /** Awaited after a call is logged and before it is answered: a test may hold an answer. */
  onRequest?: (call: S3Call) => void | Promise<void>;
}

const operationOf = (method: string, key: string, query: URLSearchParams): S3Call['operation'] => {
  if (method === 'GET' && !key && query.get('list-type') === '2') return 'ListObjectsV2';
  if (method === 'POST' && !key && query.has('delete')) return 'DeleteObjects';
  if (method === 'GET' && key) return 'GetObject';
  if (method === 'HEAD' && key) return 'HeadObject';
  return 'Unknown';
};

/**
 * S3 over HTTP with path-style addressing (`/BUCKET/KEY`), REST and XML as the service speaks it:
 * ListObjectsV2, GetObject (ETag, Content-Length, Range), HeadObject, DeleteObjects, and errors as
 * S3 sends them (NoSuchBucket, NoSuchKey, AccessDenied, SlowDown). Every call is logged.
 */
export async function startFakeS3(options: FakeS3Options = {}) {
  const buckets = new Map<string, Map<string, FakeObject>>();
  const calls: S3Call[] = [];
  const settings = { ...options };
  const put = (bucket: string, key: string, body: string | Buffer) => {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (!buckets.has(bucket)) buckets.set(bucket, new Map());
    buckets.get(bucket)!.set(key, { body: data, etag: `"${createHash('md5').update(data).digest('hex')}"`, lastModified: new Date(Math.floor(Date.now() / 1000) * 1000) });
  };
  for (const [bucket, objects] of Object.entries(options.buckets ?? {})) {
    buckets.set(bucket, new Map());
    for (const [key, body] of Object.entries(objects)) put(bucket, key, body);
  }
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, bucketPart = '', ...keyParts] = url.pathname.split('/');
    const bucket = decodeURIComponent(bucketPart);
    const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
    const method = request.method ?? 'GET';
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const call: S3Call = { at: Date.now(), operation: operationOf(method, key, url.searchParams), method, bucket, key, query: Object.fromEntries(url.searchParams), accessKeyId, status: 0 };
    calls.push(call);
    await settings.onRequest?.(call);
    const ids = requestIds();
    const common = { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId };
    try {
      if (!accessKeyId) throw FAULTS.AccessDenied();
      const fault = settings.fault?.(call);
      if (fault) throw FAULTS[fault]();
      const objects = buckets.get(bucket);
      if (!objects) throw noSuchBucket(bucket);
      if (call.operation === 'ListObjectsV2') return send(200, { 'Content-Type': 'application/xml' }, listObjectsV2(bucket, objects, url.searchParams));
      if (call.operation === 'DeleteObjects') {
        const answer = deleteObjects(objects, request.headers, body, settings.refuseDelete ?? (() => false));
        call.deleted = answer.deleted;
        return send(200, { 'Content-Type': 'application/xml' }, answer.xml);
      }
      if (call.operation === 'GetObject' || call.operation === 'HeadObject') {
        const object = objects.get(key);
        if (!object) throw noSuchKey(key);
        const headers = { ETag: object.etag, 'Last-Modified': headerTime(object.lastModified), 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' };
        const range = /^bytes=(\d*)-(\d*)$/.exec(String(request.headers.range ?? ''));
        if (range && call.operation === 'GetObject') {
          const size = object.body.length;
          const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
          const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
          if (start >= size) throw new S3Fault('InvalidRange', 416, 'The requested range is not satisfiable', { RangeRequested: String(request.headers.range), ActualObjectSize: String(size) });
          return send(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` }, object.body.subarray(start, end + 1));
        }
        return send(200, headers, object.body);
      }
      throw new S3Fault('NotImplemented', 501, 'A header or query you provided implies functionality that is not implemented.');
    } catch (error) {
      const fault = error instanceof S3Fault ? error : new S3Fault('InternalError', 500, String(error));
      call.code = fault.code;
      // A HEAD answer has no body: the SDK reads the status alone (404 NotFound, 403 Forbidden).
      return send(fault.status, { 'Content-Type': 'application/xml' }, method === 'HEAD' ? '' : errorXml(fault, ids));
    }

    function send(status: number, headers: Record<string, string>, payload: string | Buffer): void {
      call.status = status;
      const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      response.writeHead(status, { ...common, ...headers, 'Content-Length': String(data.length) });
      response.end(method === 'HEAD' ? undefined : data);
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    /** Adds or replaces an object (its ETag is the MD5 of the body, as for a single-part upload). */
    put,
    /** The keys of a bucket, in S3's order. */
    keys: (bucket: string) => [...(buckets.get(bucket)?.keys() ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    object: (bucket: string, key: string) => buckets.get(bucket)?.get(key),
    /** Removes an object; true when there was one. */
    remove: (bucket: string, key: string) => buckets.get(bucket)?.delete(key) ?? false,
    setOptions(changes: Partial<Pick<FakeS3Options, 'fault' | 'refuseDelete' | 'onRequest'>>) {
      Object.assign(settings, changes);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeS3 = Awaited<ReturnType<typeof startFakeS3>>;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
