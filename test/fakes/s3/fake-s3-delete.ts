import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { crc32 } from 'node:zlib';

import type { FakeObject } from './fake-s3-list';
import { el, S3_NS, S3Fault, unescapeXml, xmlDocument } from './fake-s3-xml';

const digest = (algorithm: string, body: Buffer) => createHash(algorithm).update(body).digest('base64');

function crc32Base64(body: Buffer): string {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(crc32(body) >>> 0);
  return value.toString('base64');
}

/**
 * DeleteObjects needs an integrity header, as S3 demands: Content-MD5 (older clients) or an
 * x-amz-checksum-* header (what the SDK and the AWS CLI send now). The ones Node can compute are
 * checked against the body; CRC32C and CRC64NVME are taken as sent.
 */
function checkIntegrity(headers: IncomingHttpHeaders, body: Buffer): void {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const expected: [string, () => string][] = [
    ['content-md5', () => digest('md5', body)],
    ['x-amz-checksum-crc32', () => crc32Base64(body)],
    ['x-amz-checksum-sha1', () => digest('sha1', body)],
    ['x-amz-checksum-sha256', () => digest('sha256', body)],
  ];
  let found = false;
  for (const [name, compute] of expected) {
    const sent = header(name);
    if (sent === undefined) continue;
    found = true;
    if (sent !== compute())
      throw name === 'content-md5'
        ? new S3Fault('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.')
        : new S3Fault('BadDigest', 400, `The ${name.slice('x-amz-checksum-'.length).toUpperCase()} you specified did not match the calculated checksum.`);
  }
  if (!found && !header('x-amz-checksum-crc32c') && !header('x-amz-checksum-crc64nvme'))
    throw new S3Fault('InvalidRequest', 400, 'Missing required header for this request: Content-MD5 OR x-amz-checksum-*');
}

/** The keys of a `<Delete>` document, and whether it asked for quiet mode. */
function parseDelete(text: string): { keys: string[]; quiet: boolean } {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<Delete[\s>]/.test(text)) throw new S3Fault('MalformedXML', 400, 'The XML you provided was not well-formed or did not validate against our published schema');
  const keys = [...text.matchAll(/<Object>\s*<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Object>/g)].map((match) => unescapeXml(match[1]!));
  if (keys.length === 0 || keys.length > 1000)
    throw new S3Fault('MalformedXML', 400, 'The XML you provided was not well-formed or did not validate against our published schema');
  return { keys, quiet: /<Quiet>\s*true\s*<\/Quiet>/i.test(text) };
}

/**
 * POST /BUCKET?delete: removes up to 1,000 keys (a missing key counts as deleted, as in S3); keys
 * `refuse` names come back as per-key AccessDenied errors. Quiet mode lists only the errors.
 */
export function deleteObjects(
  objects: Map<string, FakeObject>,
  headers: IncomingHttpHeaders,
  body: Buffer,
  refuse: (key: string) => boolean,
): { xml: string; deleted: string[] } {
  checkIntegrity(headers, body);
  const { keys, quiet } = parseDelete(body.toString('utf8'));
  const parts: string[] = [];
  const deleted: string[] = [];
  for (const key of keys) {
    if (refuse(key)) {
      parts.push(`<Error>${el('Key', key)}${el('Code', 'AccessDenied')}${el('Message', 'Access Denied')}</Error>`);
      continue;
    }
    objects.delete(key);
    deleted.push(key);
    if (!quiet) parts.push(`<Deleted>${el('Key', key)}</Deleted>`);
  }
  return { xml: xmlDocument(`<DeleteResult xmlns="${S3_NS}">${parts.join('')}</DeleteResult>`), deleted };
}
