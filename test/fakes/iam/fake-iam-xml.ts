const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** An IAM error as AWS answers it: code, HTTP status and message. */
export class IamFault extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const noSuchEntity = (message: string) => new IamFault('NoSuchEntity', 404, message);

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<Name>value</Name>`, escaped; nothing when the value is undefined (IAM leaves absent fields out). */
export function el(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list as the Query protocol writes it: `<Name><member>…</member>…</Name>`. */
export function members(name: string, items: string[]): string {
  return `<${name}>${items.map((item) => `<member>${item}</member>`).join('')}</${name}>`;
}

/** A policy document as IAM sends it: URL-encoded JSON. */
export const encodedDocument = (document: string) => encodeURIComponent(document);

/** IAM's timestamps: ISO 8601 in UTC (`2025-01-15T09:00:00Z`). */
export const isoTime = (value: string) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function successXml(action: string, result: string, requestId: string): string {
  const resultPart = result === '' ? '' : `<${action}Result>${result}</${action}Result>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}">${resultPart}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function errorXml(fault: IamFault, requestId: string): string {
  const type = fault.status >= 500 ? 'Receiver' : 'Sender';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${escapeXml(fault.code)}</Code><Message>${escapeXml(fault.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/**
 * One page of a list, as IAM pages: `MaxItems` (1 to 1000, default 100), an opaque `Marker`
 * bound to the list it came from, `IsTruncated` and the next `Marker` when more remain.
 */
export function pageOf<T>(items: T[], params: Record<string, string>, listName: string): { page: T[]; tail: string } {
  const maxItems = params.MaxItems === undefined ? 100 : Number(params.MaxItems);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) {
    throw new IamFault('ValidationError', 400, `1 validation error detected: Value '${params.MaxItems}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  let start = 0;
  if (params.Marker !== undefined) {
    const [list, offset] = Buffer.from(params.Marker, 'base64').toString('utf8').split('|');
    start = Number(offset);
    if (list !== listName || !Number.isInteger(start) || start < 0) throw new IamFault('InvalidInput', 400, 'Invalid Marker.');
  }
  const page = items.slice(start, start + maxItems);
  const next = start + maxItems;
  const truncated = next < items.length;
  const tail = `${el('IsTruncated', truncated)}${truncated ? el('Marker', Buffer.from(`${listName}|${next}`).toString('base64')) : ''}`;
  return { page, tail };
}
