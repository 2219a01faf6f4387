import { el, listTime, S3_NS, S3Fault, xmlDocument } from './fake-s3-xml';

/** One stored object. */
export interface FakeObject {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

/** Keys in S3's order: by their UTF-8 bytes (not JavaScript's UTF-16 order). */
export const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface Cursor {
  /** Resume strictly after this key. */
  after: string;
  /** The last entry was this common prefix: skip every key under it. */
  skip?: string;
}

const encodeToken = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64');

function decodeToken(token: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Cursor;
    if (typeof cursor.after === 'string') return cursor;
  } catch {
    // falls through to S3's refusal
  }
  throw new S3Fault('InvalidArgument', 400, 'The continuation token provided is incorrect', { ArgumentName: 'continuation-token' });
}

/** ListObjectsV2's max-keys: 1,000 by default and at most (S3 answers larger values with 1,000). */
function maxKeysOf(value: string | null): number {
  if (value === null) return 1000;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number))
    throw new S3Fault('InvalidArgument', 400, 'Provided max-keys not an integer or within integer range', { ArgumentName: 'max-keys', ArgumentValue: value });
  return Math.min(number, 1000);
}

/**
 * ListObjectsV2 (GET /BUCKET?list-type=2) as S3 answers it: prefix, delimiter with CommonPrefixes
 * (each counted once, toward KeyCount and max-keys alike), max-keys up to 1,000, start-after
 * (ignored once a continuation-token is given), an opaque continuation token, IsTruncated, and
 * `encoding-type=url` (what the AWS CLI asks for) encoding keys and prefixes in the answer.
 */
export function listObjectsV2(bucket: string, objects: Map<string, FakeObject>, query: URLSearchParams): string {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeys = maxKeysOf(query.get('max-keys'));
  const token = query.get('continuation-token');
  const startAfter = query.get('start-after') ?? undefined;
  const urlEncoded = query.get('encoding-type') === 'url';
  if (query.has('encoding-type') && !urlEncoded) throw new S3Fault('InvalidArgument', 400, 'Invalid Encoding Method specified in Request', { ArgumentName: 'encoding-type' });
  const cursor: Cursor = token !== null ? decodeToken(token) : { after: startAfter ?? '' };
  const keys = [...objects.keys()].filter((key) => key.startsWith(prefix) && byteOrder(key, cursor.after) > 0 && !(cursor.skip && key.startsWith(cursor.skip))).sort(byteOrder);
  const contents: string[] = [];
  const prefixes: string[] = [];
  let last: Cursor | undefined;
  let truncated = false;
  for (const key of keys) {
    const at = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const common = at >= 0 ? key.slice(0, at + delimiter.length) : undefined;
    if (common && prefixes.at(-1) === common) continue;
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common) {
      prefixes.push(common);
      last = { after: common, skip: common };
    } else {
      contents.push(key);
      last = { after: key };
    }
  }
  const code = (text: string) => (urlEncoded ? encodeURIComponent(text).replace(/%2F/g, '/') : text);
  const items = contents.map((key) => {
    const object = objects.get(key)!;
    return `<Contents>${el('Key', code(key))}${el('LastModified', listTime(object.lastModified))}${el('ETag', object.etag)}${el('Size', object.body.length)}${el('StorageClass', 'STANDARD')}</Contents>`;
  });
  const common = prefixes.map((value) => `<CommonPrefixes>${el('Prefix', code(value))}</CommonPrefixes>`);
  const body = [
    el('Name', bucket),
    el('Prefix', code(prefix)),
    delimiter ? el('Delimiter', code(delimiter)) : '',
    el('MaxKeys', maxKeys),
    urlEncoded ? el('EncodingType', 'url') : '',
    el('KeyCount', contents.length + prefixes.length),
    el('IsTruncated', truncated),
    token !== null ? el('ContinuationToken', token) : '',
    truncated && last ? el('NextContinuationToken', encodeToken(last)) : '',
    startAfter !== undefined ? el('StartAfter', code(startAfter)) : '',
    ...items,
    ...common,
  ].join('');
  return xmlDocument(`<ListBucketResult xmlns="${S3_NS}">${body}</ListBucketResult>`);
}
