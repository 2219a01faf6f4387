import { normalizeEvent } from '../../../shared/records/normalize';
import type { EventCategory } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';
import type { RuleHit } from '../../../shared/rules/types';
import type { EventFields } from './workspace-event';

/** The text fields of an event, in the order a page lists them. */
const textFields = [
  'id', 'eventName', 'eventSource', 'service', 'region', 'sourceIPAddress', 'userAgent', 'identityType',
  'actor', 'arn', 'accountId', 'accessKeyId', 'sessionIssuer', 'errorCode', 'errorMessage',
] as const satisfies ReadonlyArray<keyof EventFields>;
const categories: readonly EventCategory[] = ['read', 'write', 'error'];

/**
 * A page of events normalised and flagged off the main thread, laid out so that sending it costs
 * little: each distinct text once (`strings`; most fields repeat from event to event), the
 * fields as indices into it and numbers in typed arrays (moved, not copied), the flags only for
 * flagged events. Events whose record does not parse are left out (`unparsed`): the main thread
 * normalises those itself, as it does without a worker.
 */
export interface IngestedPage {
  count: number;
  strings: string[];
  /** count × textFields.length indices into strings. */
  text: Uint32Array;
  time: Float64Array;
  /** -1 when CloudTrail did not say, else 0 or 1. */
  readOnly: Int8Array;
  category: Uint8Array;
  /** Event i's resources are strings[resourceNames[resourceStart[i] … resourceStart[i + 1]]]. */
  resourceStart: Uint32Array;
  resourceNames: Uint32Array;
  flags: Array<[index: number, hits: RuleHit[]]>;
  unparsed: number[];
}

/** Normalises and flags raw records (with the region each was fetched from) into a page: the worker's side. */
export function ingestPage(raws: readonly string[], regions: readonly string[]): IngestedPage {
  const count = raws.length;
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (value: string) => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.push(value) - 1;
      indexOf.set(value, index);
    }
    return index;
  };
  const page: IngestedPage = {
    count,
    strings,
    text: new Uint32Array(count * textFields.length),
    time: new Float64Array(count),
    readOnly: new Int8Array(count),
    category: new Uint8Array(count),
    resourceStart: new Uint32Array(count + 1),
    resourceNames: new Uint32Array(0),
    flags: [],
    unparsed: [],
  };
  const names: number[] = [];
  for (let i = 0; i < count; i++) {
    page.resourceStart[i] = names.length;
    const event = normalizeEvent(raws[i]!, { region: regions[i] });
    if (!event.record) {
      page.unparsed.push(i);
      continue;
    }
    for (let f = 0; f < textFields.length; f++) page.text[i * textFields.length + f] = intern(event[textFields[f]!]);
    page.time[i] = event.time;
    page.readOnly[i] = event.readOnly === null ? -1 : event.readOnly ? 1 : 0;
    page.category[i] = categories.indexOf(event.category);
    for (const name of event.resources) names.push(intern(name));
    const hits = flagEvent(event);
    if (hits.length > 0) page.flags.push([i, hits]);
  }
  page.resourceStart[count] = names.length;
  page.resourceNames = Uint32Array.from(names);
  return page;
}

/** The buffers of a page, to move to the receiving thread rather than copy. */
export function transferablesOf(page: IngestedPage): ArrayBuffer[] {
  return [page.text, page.time, page.readOnly, page.category, page.resourceStart, page.resourceNames].map((array) => array.buffer as ArrayBuffer);
}

/**
 * Reads a page back, calling `each` with event i's fields and flags for every parsed event (not
 * for those in `unparsed`). The fields object is reused from event to event: copy what you keep.
 */
export function readPage(page: IngestedPage, each: (fields: EventFields, flags: RuleHit[], index: number) => void): void {
  const { strings, text } = page;
  const flags = new Map(page.flags);
  const unparsed = new Set(page.unparsed);
  const fields = { parseError: null } as EventFields;
  const target = fields as unknown as Record<(typeof textFields)[number], string>;
  for (let i = 0; i < page.count; i++) {
    if (unparsed.has(i)) continue;
    const base = i * textFields.length;
    for (let f = 0; f < textFields.length; f++) target[textFields[f]!] = strings[text[base + f]!]!;
    fields.time = page.time[i]!;
    const readOnly = page.readOnly[i]!;
    fields.readOnly = readOnly === -1 ? null : readOnly === 1;
    fields.category = categories[page.category[i]!]!;
    const resources: string[] = [];
    for (let r = page.resourceStart[i]!; r < page.resourceStart[i + 1]!; r++) resources.push(strings[page.resourceNames[r]!]!);
    fields.resources = resources;
    each(fields, flags.get(i) ?? [], i);
  }
}
