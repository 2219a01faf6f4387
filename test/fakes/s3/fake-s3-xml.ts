import { randomBytes } from 'node:crypto';

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** An S3 error as the service answers it: code, HTTP status, message and the extra elements it names. */
export class S3Fault extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The errors a test can inject, with S3's own status and words. */
export const FAULTS = {
  AccessDenied: () => new S3Fault('AccessDenied', 403, 'Access Denied'),
  SlowDown: () => new S3Fault('SlowDown', 503, 'Please reduce your request rate.'),
  InternalError: () => new S3Fault('InternalError', 500, 'We encountered an internal error. Please try again.'),
  ExpiredToken: () => new S3Fault('ExpiredToken', 400, 'The provided token has expired.'),
} as const;

export type FaultName = keyof typeof FAULTS;

export const noSuchBucket = (bucket: string) => new S3Fault('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket });
export const noSuchKey = (key: string) => new S3Fault('NoSuchKey', 404, 'The specified key does not exist.', { Key: key });

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `<Name>value</Name>`, escaped; nothing when the value is undefined (S3 leaves absent fields out). */
export function el(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export const xmlDocument = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

/** A request id as S3 spells it (16 hex capitals), and the longer host id beside it. */
export const requestIds = () => ({ requestId: randomBytes(8).toString('hex').toUpperCase(), hostId: randomBytes(48).toString('base64') });

/** S3's error document: `<Error>` at the root, no namespace, RequestId and HostId last. */
export function errorXml(fault: S3Fault, ids: { requestId: string; hostId: string }): string {
  const extra = Object.entries(fault.extra)
    .map(([name, value]) => el(name, value))
    .join('');
  return xmlDocument(`<Error>${el('Code', fault.code)}${el('Message', fault.message)}${extra}${el('RequestId', ids.requestId)}${el('HostId', ids.hostId)}</Error>`);
}

/** Timestamps in a listing: ISO 8601 with milliseconds; in headers: RFC 7231. */
export const listTime = (date: Date) => date.toISOString();
export const headerTime = (date: Date) => date.toUTCString();
