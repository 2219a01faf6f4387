import type { NormalizedEvent } from '../records/types';

// Lambda's API versions show in its event names (`ListFunctions20150331`, `GetFunction20150331v2`).
const datedName = /\d{8}(v\d+)?$/;

/** The key a signature names a call by: `iam:GetUser`, `lambda:ListFunctions` (undated). */
export function eventKey(event: Pick<NormalizedEvent, 'service' | 'eventName'>): string {
  return `${event.service}:${event.eventName.replace(datedName, '')}`;
}

/** A value at a dotted path of a record, as text (strings and numbers only), or ''. */
export function valueAt(record: unknown, path: string): string {
  let value: unknown = record;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, step)) return '';
    value = (value as Record<string, unknown>)[step];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
