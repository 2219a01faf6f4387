import { commonSpecs, eventSpecs, recordTypeKinds, serviceSpecs } from './request-resources-data';
import type { ResourceKind, ResourceSpec } from './request-resources-data';
import type { CloudTrailRecord } from './types';

export type { ResourceKind } from './request-resources-data';

/** One resource an event touched: what kind of thing it is and its name, ARN or id (attacker-controlled text). */
export interface RequestResource {
  kind: ResourceKind;
  name: string;
}

/** How many resources one event lists, and how long a name may be: a hostile record cannot make a row huge. */
export const resourceLimits = { perEvent: 16, nameLength: 300 } as const;

interface Step {
  name: string;
  each: boolean;
}

interface Compiled {
  kind: ResourceKind;
  steps: Step[];
  response: boolean;
  rule: boolean;
  prefix: Step[] | null;
  /** The parameter's name when the path is that one name (most are): read without a walk. */
  single: string | null;
}

function compilePath(path: string): Step[] {
  return path.split('.').map((part) => (part.endsWith('[]') ? { name: part.slice(0, -2), each: true } : { name: part, each: false }));
}

function compile(specs: readonly ResourceSpec[]): Compiled[] {
  return specs.map((spec) => {
    const steps = compilePath(spec.path);
    const plain = steps.length === 1 && !steps[0]!.each && !spec.rule && !spec.prefix;
    return {
      kind: spec.kind,
      steps,
      response: spec.in === 'response',
      rule: spec.rule === true,
      prefix: spec.prefix ? compilePath(spec.prefix) : null,
      single: plain ? steps[0]!.name : null,
    };
  });
}

// Compiled once at load: normalising an event is one or two map reads and a few property reads.
const common = compile(commonSpecs);
const byService = new Map(Object.entries(serviceSpecs).map(([source, specs]) => [source, compile(specs)]));
const byEvent = new Map<string, Map<string, Compiled[]>>();
for (const [key, specs] of Object.entries(eventSpecs)) {
  const [source = '', eventName = ''] = key.split(' ');
  let names = byEvent.get(source);
  if (!names) byEvent.set(source, (names = new Map()));
  names.set(eventName, compile(specs));
}

function specsFor(eventSource: unknown, eventName: unknown): Compiled[] {
  if (typeof eventSource !== 'string') return common;
  const exact = typeof eventName === 'string' ? byEvent.get(eventSource)?.get(eventName) : undefined;
  return exact ?? byService.get(eventSource) ?? common;
}

/**
 * A property of an object. Step names are our own (never `__proto__` or `constructor`), and what
 * an object inherits is never a string, number or plain object, so a hostile record's
 * `__proto__` key or inherited names are never read as a resource.
 */
function own(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

/** The values a path reaches, each given to `leaf` with `arg`, while it returns true (no closure per call: the hot path). */
function walk<A>(value: unknown, steps: readonly Step[], index: number, leaf: (arg: A, value: unknown) => boolean, arg: A): boolean {
  if (index === steps.length) {
    if (!Array.isArray(value)) return leaf(arg, value);
    for (const item of value) if (!leaf(arg, item)) return false;
    return true;
  }
  const step = steps[index]!;
  const next = own(value, step.name);
  if (!step.each || !Array.isArray(next)) return next === undefined ? true : walk(next, steps, index + 1, leaf, arg);
  for (const item of next) if (!walk(item, steps, index + 1, leaf, arg)) return false;
  return true;
}

/** A name as the record wrote it (never trimmed: it is evidence), or '' for blanks and non-scalars. */
function scalar(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '' : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function firstScalar(value: unknown, steps: readonly Step[], index = 0): string {
  if (index === steps.length) return Array.isArray(value) ? scalar(value[0]) : scalar(value);
  const next = own(value, steps[index]!.name);
  return firstScalar(steps[index]!.each && Array.isArray(next) ? next[0] : next, steps, index + 1);
}

const ruleSources: Step[][] = [
  compilePath('ipRanges.items[].cidrIp'),
  compilePath('ipv6Ranges.items[].cidrIpv6'),
  compilePath('groups.items[].groupId'),
  compilePath('prefixListIds.items[].prefixListId'),
];

function addSource(sources: string[], value: unknown): boolean {
  const source = scalar(value);
  if (source) sources.push(source);
  return sources.length < 6;
}

/** A security group rule in one line: `tcp 22 from 0.0.0.0/0`, `all traffic from sg-0abc`. */
export function describeRule(permission: unknown): string {
  const protocol = scalar(own(permission, 'ipProtocol'));
  if (!protocol) return '';
  const from = scalar(own(permission, 'fromPort'));
  const to = scalar(own(permission, 'toPort'));
  const ports = protocol === '-1' || from === '' ? '' : from === to || to === '' ? ` ${from}` : ` ${from}-${to}`;
  const sources: string[] = [];
  for (const path of ruleSources) walk(permission, path, 0, addSource, sources);
  const shown = sources.length > 5 ? `${sources.slice(0, 5).join(', ')} and more` : sources.join(', ');
  return `${protocol === '-1' ? 'all traffic' : protocol}${ports}${shown ? ` from ${shown}` : ''}`;
}

/** True when `name` is already listed, as itself or as the last part of a listed ARN. */
function listed(names: readonly string[], name: string): boolean {
  for (const existing of names) {
    if (existing === name) return true;
    if (existing.length > name.length && existing.startsWith('arn:') && existing.endsWith(name)) {
      const before = existing.charCodeAt(existing.length - name.length - 1);
      if (before === 47 /* / */ || before === 58 /* : */) return true;
    }
  }
  return false;
}

/** Where one record's resources go: their names (to list each once) and, when asked, their kinds. */
interface Sink {
  names: string[];
  kinds: ResourceKind[] | null;
  limit: number;
  /** The spec being walked, and the bucket before an S3 key. */
  spec: Compiled;
  prefix: string;
}

function push(sink: Sink, kind: ResourceKind, raw: string): boolean {
  const name = raw.length > resourceLimits.nameLength ? `${raw.slice(0, resourceLimits.nameLength)}…` : raw;
  if (name && !listed(sink.names, name)) {
    sink.names.push(name);
    sink.kinds?.push(kind);
  }
  return sink.names.length < sink.limit;
}

function pushLeaf(sink: Sink, value: unknown): boolean {
  const name = sink.spec.rule ? describeRule(value) : scalar(value);
  return name ? push(sink, sink.spec.kind, sink.prefix ? `${sink.prefix}/${name}` : name) : true;
}

/**
 * Every resource a record names, most authoritative first: the record's own `resources` ARNs,
 * then what its request parameters (and, for what a call creates, its response) name, each once,
 * up to the sink's limit.
 */
function collect(record: CloudTrailRecord, sink: Sink): void {
  if (Array.isArray(record.resources))
    for (const resource of record.resources) {
      if (!resource || typeof resource !== 'object' || typeof resource.ARN !== 'string') continue;
      const type = typeof resource.type === 'string' ? resource.type : '';
      if (!push(sink, (Object.hasOwn(recordTypeKinds, type) && recordTypeKinds[type]) || 'Resource', resource.ARN)) return;
    }
  const request = record.requestParameters;
  const response = record.responseElements;
  const hasRequest = request !== null && typeof request === 'object' && !Array.isArray(request);
  const hasResponse = response !== null && typeof response === 'object' && !Array.isArray(response);
  if (!hasRequest && !hasResponse) return;
  for (const spec of specsFor(record.eventSource, record.eventName)) {
    if (spec.response ? !hasResponse : !hasRequest) continue;
    const root = (spec.response ? response : request) as Record<string, unknown>;
    if (spec.single !== null) {
      const value = root[spec.single];
      const name = value === undefined ? '' : scalar(value);
      if (name && !push(sink, spec.kind, name)) return;
      continue;
    }
    sink.spec = spec;
    sink.prefix = spec.prefix ? firstScalar(request, spec.prefix) : '';
    if (!walk(root, spec.steps, 0, pushLeaf, sink)) return;
  }
}

/** The names of the resources a record touched, for the normalised event (the table, filters, search). */
export function resourceNamesOf(record: CloudTrailRecord): string[] {
  const sink: Sink = { names: [], kinds: null, limit: resourceLimits.perEvent, spec: common[0]!, prefix: '' };
  collect(record, sink);
  return sink.names;
}

/** The resources a record touched with their kinds, for the event detail and the ticket. */
export function requestResourcesOf(record: CloudTrailRecord | null): RequestResource[] {
  if (!record) return [];
  const sink: Sink = { names: [], kinds: [], limit: resourceLimits.perEvent, spec: common[0]!, prefix: '' };
  collect(record, sink);
  return sink.names.map((name, i) => ({ kind: sink.kinds![i]!, name }));
}
