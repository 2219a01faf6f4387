import type { NormalizedEvent } from '../records/types';
import { inertText } from '../ticket/inert-text';

/** A string (or number) found at a dotted path of a record's object, made inert; '' when absent. */
export function valueAt(root: unknown, path: string, max = 200): string {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return '';
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node === 'number' && Number.isFinite(node)) return String(node);
  return typeof node === 'string' ? inertText(node.trim(), max) : '';
}

/** A request parameter of the event, made inert. */
export const requestValue = (event: NormalizedEvent, path: string, max?: number): string =>
  valueAt(event.record?.requestParameters, path, max);

/** A response element of the event, made inert. */
export const responseValue = (event: NormalizedEvent, path: string, max?: number): string =>
  valueAt(event.record?.responseElements, path, max);

/** An additional event data field, made inert. */
export const additionalValue = (event: NormalizedEvent, path: string): string => valueAt(event.record?.additionalEventData, path);

/** The last segment of an ARN or path: `AdministratorAccess`, `management-events`, `prod-admin`. */
export function lastSegment(value: string): string {
  const cut = value.slice(value.lastIndexOf('/') + 1);
  return cut || value;
}

/** Items of a CloudTrail list, written either as an array or as `{ items: [...] }`. */
export function itemsAt(root: unknown, path: string): unknown[] {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return [];
    node = (node as Record<string, unknown>)[key];
  }
  if (Array.isArray(node)) return node;
  const items = node && typeof node === 'object' ? (node as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items : [];
}
