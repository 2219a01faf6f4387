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
 * little: each distinct text once (`strings`; most fields repeat from event to event), each
 * distinct flag once (`hits`: a rule's hit differs only by its reason, and most repeat), the
 * fields and flags as indices in typed arrays (moved, not copied). Events whose record does not
 * parse are left out (`unparsed`): the main thread normalises those itself, as it does without a worker.
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
  /** Event i's flags are hits[flagHits[flagStart[i] … flagStart[i + 1]]], most severe first. */
  hits: RuleHit[];
  flagStart: Uint32Array;
  flagHits: Uint32Array;
  unparsed: number[];
}

/** Assigns each distinct value an index in `list`, once. */
function interner<T>(list: T[], keyOf: (value: T) => string): (value: T) => number {
  const indexOf = new Map<string, number>();
  return (value) => {
    const key = keyOf(value);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = list.push(value) - 1;
      indexOf.set(key, index);
    }
    return index;
  };
}

const itself = (value: string) => value;
/** What tells one hit from another: the rule gives every other field. */
const hitKey = (hit: RuleHit) => `${hit.ruleId}\n${hit.reason}`;

/** Normalises and flags raw records (with the region each was fetched from) into a page: the worker's side. */
export function ingestPage(raws: readonly string[], regions: readonly string[]): IngestedPage {
  const count = raws.length;
  const strings: string[] = [];
  const hits: RuleHit[] = [];
  const intern = interner(strings, itself);
  const internHit = interner(hits, hitKey);
  const page: IngestedPage = {
    count,
    strings,
    text: new Uint32Array(count * textFields.length),
    time: new Float64Array(count),
    readOnly: new Int8Array(count),
    category: new Uint8Array(count),
    resourceStart: new Uint32Array(count + 1),
    resourceNames: new Uint32Array(0),
    hits,
    flagStart: new Uint32Array(count + 1),
    flagHits: new Uint32Array(0),
    unparsed: [],
  };
  const names: number[] = [];
  const flags: number[] = [];
  // Most fields repeat from one event to the next (one identity, a few names and sources): the
  // previous event's value and index are checked first, before hashing the text.
  const lastValue: string[] = new Array<string>(textFields.length).fill('');
  const lastIndex: number[] = new Array<number>(textFields.length).fill(-1);
  for (let i = 0; i < count; i++) {
    page.resourceStart[i] = names.length;
    page.flagStart[i] = flags.length;
    const event = normalizeEvent(raws[i]!, { region: regions[i] });
    if (!event.record) {
      page.unparsed.push(i);
      continue;
    }
    for (let f = 0; f < textFields.length; f++) {
      const value = event[textFields[f]!];
      if (value !== lastValue[f] || lastIndex[f] === -1) {
        lastValue[f] = value;
        lastIndex[f] = intern(value);
      }
      page.text[i * textFields.length + f] = lastIndex[f]!;
    }
    page.time[i] = event.time;
    page.readOnly[i] = event.readOnly === null ? -1 : event.readOnly ? 1 : 0;
    page.category[i] = categories.indexOf(event.category);
    for (const name of event.resources) names.push(intern(name));
    for (const hit of flagEvent(event)) flags.push(internHit(hit));
  }
  page.resourceStart[count] = names.length;
  page.resourceNames = Uint32Array.from(names);
  page.flagStart[count] = flags.length;
  page.flagHits = Uint32Array.from(flags);
  return page;
}

/** The buffers of a page, to move to the receiving thread rather than copy. */
export function transferablesOf(page: IngestedPage): ArrayBuffer[] {
  return [page.text, page.time, page.readOnly, page.category, page.resourceStart, page.resourceNames, page.flagStart, page.flagHits].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** The flags of events no rule flagged: one shared empty list (no view adds to a list of flags). */
const noHits: RuleHit[] = [];

/**
 * Reads a page back, calling `each` with event i's fields and flags for every parsed event (not
 * for those in `unparsed`). The fields object is reused from event to event: copy what you keep.
 * Events with the same flag share its hit object, as they share their texts.
 */
export function readPage(page: IngestedPage, each: (fields: EventFields, flags: RuleHit[], index: number) => void): void {
  const { strings, text, hits, flagStart, flagHits } = page;
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
    let flags = noHits;
    if (flagStart[i + 1]! > flagStart[i]!) {
      flags = [];
      for (let h = flagStart[i]!; h < flagStart[i + 1]!; h++) flags.push(hits[flagHits[h]!]!);
    }
    each(fields, flags, i);
  }
}
