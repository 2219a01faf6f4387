import type { NormalizedEvent } from '../records/types';
import type { ConsoleAction } from './action';
import { consoleSignatures } from './catalogue';
import { eventKey, valueAt } from './event-key';
import { buildLabel } from './label';
import { defaultWindow, type ConsoleSignature, type UserAgentFamily } from './signature';
import { consoleSessionFlag, userAgentFamily } from './user-agent';

/** Actions found, and the events no action took (in their input order). */
export interface GroupedActions {
  actions: ConsoleAction[];
  ungrouped: NormalizedEvent[];
}

/** At most this many events are looked at on each side of an anchor: bursts stay bounded. */
const MAX_SCAN = 2000;
/** Required calls are counted in a fixed table of this size. */
const MAX_REQUIRED = 64;

interface Compiled {
  signature: ConsoleSignature;
  members: Set<string>;
  required: Map<string, number>;
  before: number;
  after: number;
}

function compile(signatures: readonly ConsoleSignature[]): Compiled[] {
  const ranked = signatures.map((signature, order) => ({ signature, order }));
  ranked.sort(
    (a, b) =>
      (b.signature.priority ?? 0) - (a.signature.priority ?? 0) ||
      b.signature.required.length - a.signature.required.length ||
      a.order - b.order,
  );
  return ranked.map(({ signature }) => {
    if (signature.required.length > MAX_REQUIRED) throw new Error(`console signature ${signature.id} requires more than ${MAX_REQUIRED} calls`);
    const window = signature.window ?? defaultWindow;
    return {
      signature,
      members: new Set([...signature.anchor, ...signature.required, ...(signature.optional ?? [])]),
      required: new Map(signature.required.map((key, index) => [key, index])),
      before: window.before * 1000,
      after: window.after * 1000,
    };
  });
}

/** Two-level memo: events repeat the same agents, names and sessions thousands of times. */
function memo<T>(): (a: string, b: string, make: () => T) => T {
  const outer = new Map<string, Map<string, T>>();
  return (a, b, make) => {
    let inner = outer.get(a);
    if (!inner) outer.set(a, (inner = new Map()));
    let value = inner.get(b);
    if (value === undefined) inner.set(b, (value = make()));
    return value;
  };
}

interface Indexed {
  /** Per event: its key when its family is one a signature asks for, else ''. */
  keys: string[];
  families: UserAgentFamily[];
  sessionOf: Int32Array;
  positionOf: Int32Array;
  /** Per session (one actor and access key), its events' indexes in time order. */
  sessions: number[][];
  anchorsByRank: number[][];
}

function index(events: readonly NormalizedEvent[], compiled: readonly Compiled[]): Indexed {
  const wanted = new Set(compiled.map((entry) => entry.signature.userAgent));
  const byAnchor = new Map<string, number[]>();
  compiled.forEach((entry, rank) => {
    for (const key of entry.signature.anchor) byAnchor.set(key, [...(byAnchor.get(key) ?? []), rank]);
  });
  const familyMemo = memo<UserAgentFamily>();
  const keyMemo = memo<string>();
  const sessionMemo = memo<number>();
  const result: Indexed = {
    keys: new Array<string>(events.length).fill(''),
    families: new Array<UserAgentFamily>(events.length).fill('other'),
    sessionOf: new Int32Array(events.length).fill(-1),
    positionOf: new Int32Array(events.length),
    sessions: [],
    anchorsByRank: compiled.map(() => []),
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (!event.eventName || !Number.isFinite(event.time)) continue;
    const flag = consoleSessionFlag(event) ? 'true' : '';
    const family = familyMemo(event.userAgent, flag, () => userAgentFamily(event));
    if (!wanted.has(family)) continue;
    const key = keyMemo(event.service, event.eventName, () => eventKey(event));
    result.keys[i] = key;
    result.families[i] = family;
    const session = sessionMemo(event.actor, event.accessKeyId, () => result.sessions.push([]) - 1);
    result.sessionOf[i] = session;
    result.positionOf[i] = result.sessions[session]!.push(i) - 1;
    const ranks = byAnchor.get(key);
    if (ranks) for (const rank of ranks) result.anchorsByRank[rank]!.push(i);
  }
  return result;
}

/**
 * Groups console-generated calls into the actions a person took ("opened IAM › Users ›
 * dana.reyes"). Greedy: signatures are tried most specific first, each anchor in time order, and
 * an event joins at most one action. Only calls whose agent is of the signature's family count,
 * within one actor and access key, inside the signature's window around the anchor. `events`
 * must be sorted by time, as the fetch and the store keep them.
 */
export function groupActions(events: readonly NormalizedEvent[], signatures: readonly ConsoleSignature[] = consoleSignatures): GroupedActions {
  const compiled = compile(signatures);
  const { keys, families, sessionOf, positionOf, sessions, anchorsByRank } = index(events, compiled);
  const taken = new Uint8Array(events.length);
  const seen = new Int32Array(MAX_REQUIRED);
  let stamp = 0;
  const found: ConsoleAction[] = [];
  const scratch: number[] = [];

  for (let rank = 0; rank < compiled.length; rank++) {
    const { signature, members, required, before, after } = compiled[rank]!;
    for (const anchorIndex of anchorsByRank[rank]!) {
      if (taken[anchorIndex] || families[anchorIndex] !== signature.userAgent) continue;
      const anchor = events[anchorIndex]!;
      if (signature.when && !signature.when.every((condition) => valueAt(anchor.record, condition.path) === condition.equals)) continue;
      const list = sessions[sessionOf[anchorIndex]!]!;
      const position = positionOf[anchorIndex]!;
      const from = anchor.time - before;
      const to = anchor.time + after;
      stamp++;
      let missing = required.size;
      scratch.length = 0;
      const lowest = Math.max(0, position - MAX_SCAN);
      const highest = Math.min(list.length - 1, position + MAX_SCAN);
      let first = position;
      while (first > lowest && events[list[first - 1]!]!.time >= from) first--;
      for (let p = first; p <= highest; p++) {
        const at = list[p]!;
        if (p > position && events[at]!.time > to) break;
        if (taken[at] || families[at] !== signature.userAgent || !members.has(keys[at]!)) continue;
        scratch.push(at);
        const slot = required.get(keys[at]!);
        if (slot !== undefined && seen[slot] !== stamp) {
          seen[slot] = stamp;
          missing--;
        }
      }
      if (missing > 0) continue;
      const grouped = scratch.map((at) => events[at]!);
      for (const at of scratch) taken[at] = 1;
      found.push({
        id: `action:${anchor.id}`,
        signatureId: signature.id,
        label: buildLabel(signature.label, anchor, grouped, scratch.map((at) => keys[at]!)),
        start: grouped[0]!.time,
        end: grouped[grouped.length - 1]!.time,
        eventIds: grouped.map((event) => event.id),
        region: anchor.region,
        actor: anchor.actor,
        anchorEventId: anchor.id,
      });
    }
  }

  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const ungrouped: NormalizedEvent[] = [];
  for (let i = 0; i < events.length; i++) if (!taken[i]) ungrouped.push(events[i]!);
  return { actions: found, ungrouped };
}
