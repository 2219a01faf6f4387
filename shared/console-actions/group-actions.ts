import type { NormalizedEvent } from '../records/types';
import type { ConsoleAction } from './action';
import { consoleSignatures } from './catalogue';
import { eventKey, valueAt } from './event-key';
import { buildLabel } from './label';
import { defaultWindow, type ConsoleSignature } from './signature';
import { userAgentFamily } from './user-agent';

/** Actions found, and the events no action took (in their input order). */
export interface GroupedActions {
  actions: ConsoleAction[];
  ungrouped: NormalizedEvent[];
}

/** At most this many events are looked at on each side of an anchor: bursts stay bounded. */
const MAX_SCAN = 2000;

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

/** One person's console session: the same actor with the same access key. */
function sessionKey(event: NormalizedEvent): string {
  return `${event.actor}\u0000${event.accessKeyId}`;
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
  const byAnchor = new Map<string, number[]>();
  compiled.forEach((entry, rank) => {
    for (const key of entry.signature.anchor) {
      const ranks = byAnchor.get(key) ?? [];
      ranks.push(rank);
      byAnchor.set(key, ranks);
    }
  });

  const families = new Set(signatures.map((signature) => signature.userAgent));
  const keys: string[] = new Array<string>(events.length);
  const familyOf: string[] = new Array<string>(events.length);
  const sessionOf = new Int32Array(events.length).fill(-1);
  const positionOf = new Int32Array(events.length);
  const sessions: number[][] = [];
  const sessionIds = new Map<string, number>();
  const anchorsByRank: number[][] = compiled.map(() => []);

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    keys[i] = '';
    familyOf[i] = '';
    if (!Number.isFinite(event.time) || !event.eventName) continue;
    const family = userAgentFamily(event);
    if (!families.has(family)) continue;
    const key = eventKey(event);
    keys[i] = key;
    familyOf[i] = family;
    const id = sessionKey(event);
    let session = sessionIds.get(id);
    if (session === undefined) {
      session = sessions.length;
      sessionIds.set(id, session);
      sessions.push([]);
    }
    sessionOf[i] = session;
    positionOf[i] = sessions[session]!.push(i) - 1;
    const ranks = byAnchor.get(key);
    if (ranks) for (const rank of ranks) anchorsByRank[rank]!.push(i);
  }

  const taken = new Uint8Array(events.length);
  const seen = new Int32Array(64);
  let stamp = 0;
  const found: ConsoleAction[] = [];
  const scratch: number[] = [];

  for (let rank = 0; rank < compiled.length; rank++) {
    const entry = compiled[rank]!;
    const { signature } = entry;
    for (const anchorIndex of anchorsByRank[rank]!) {
      if (taken[anchorIndex] || familyOf[anchorIndex] !== signature.userAgent) continue;
      const anchor = events[anchorIndex]!;
      if (signature.when && !signature.when.every((condition) => valueAt(anchor.record, condition.path) === condition.equals)) continue;
      const list = sessions[sessionOf[anchorIndex]!]!;
      const position = positionOf[anchorIndex]!;
      const from = anchor.time - entry.before;
      const to = anchor.time + entry.after;
      stamp++;
      let missing = entry.required.size;
      scratch.length = 0;
      const visit = (index: number): void => {
        if (taken[index] || familyOf[index] !== signature.userAgent) return;
        const key = keys[index]!;
        if (!entry.members.has(key)) return;
        scratch.push(index);
        const slot = entry.required.get(key);
        if (slot !== undefined && seen[slot] !== stamp) {
          seen[slot] = stamp;
          missing--;
        }
      };
      for (let p = position - 1, n = 0; p >= 0 && n < MAX_SCAN; p--, n++) {
        const index = list[p]!;
        if (events[index]!.time < from) break;
        visit(index);
      }
      visit(anchorIndex);
      for (let p = position + 1, n = 0; p < list.length && n < MAX_SCAN; p++, n++) {
        const index = list[p]!;
        if (events[index]!.time > to) break;
        visit(index);
      }
      if (missing > 0) continue;
      scratch.sort((a, b) => a - b);
      const grouped = scratch.map((index) => events[index]!);
      for (const index of scratch) taken[index] = 1;
      found.push({
        id: `action:${anchor.id}`,
        signatureId: signature.id,
        label: buildLabel(signature.label, anchor, grouped),
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
