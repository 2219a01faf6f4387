import type { NormalizedEvent } from '../records/types';
import { flagEvent, topSeverity } from '../rules/engine';
import type { RuleHit, Severity } from '../rules/types';
import { GraphBuilder, homeAccountOf } from './graph-builder';
import type { Draft } from './graph-builder';
import { issuanceOf } from './issuance';
import type { Issuance } from './issuance';
import type { SessionGraph, SessionGraphEdge, SessionGraphNode } from './types';

/** Options of buildSessionGraph: the flags of an event (the caller's cache), by default the rule pack's. */
export interface SessionGraphOptions {
  flagsOf?: (event: NormalizedEvent) => readonly RuleHit[];
}

/** The keys a node stands for: its own, those of what it issued, and for roles and accounts those of their sessions. */
function keysOfNodes(nodes: Map<string, Draft>, edges: readonly SessionGraphEdge[]): Map<string, Set<string>> {
  const down = new Map<string, string[]>();
  const up = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind === 'has-key' || edge.kind === 'issued') down.set(edge.from, [...(down.get(edge.from) ?? []), edge.to]);
    else up.set(edge.to, [...(up.get(edge.to) ?? []), edge.from]);
  }
  const memo = new Map<string, Set<string>>();
  const keysOf = (id: string, seen: Set<string>): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const keys = new Set<string>();
    if (seen.has(id)) return keys; // a cycle (hostile or odd records): stop, never loop
    seen.add(id);
    const own = nodes.get(id)?.ownKey;
    if (own) keys.add(own);
    for (const next of down.get(id) ?? []) for (const key of keysOf(next, seen)) keys.add(key);
    for (const prev of up.get(id) ?? []) for (const key of keysOf(prev, seen)) keys.add(key);
    seen.delete(id);
    memo.set(id, keys);
    return keys;
  };
  return new Map([...nodes.keys()].map((id) => [id, keysOf(id, new Set())]));
}

const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

const kindRank: Record<SessionGraphNode['kind'], number> = { user: 0, principal: 1, 'access-key': 2, session: 3, role: 4, account: 5 };

interface Stats {
  eventCount: number;
  firstSeen: number | null;
  lastSeen: number | null;
  flaggedCount: number;
  topSeverity: Severity | null;
}

const emptyStats = (): Stats => ({ eventCount: 0, firstSeen: null, lastSeen: null, flaggedCount: 0, topSeverity: null });

function higher(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  return b !== null && severityRank[b] > severityRank[a] ? b : a;
}

/** The figures of a group of events: one pass, each event's flags read once. */
function statsOf(group: readonly NormalizedEvent[], flagsOf: NonNullable<SessionGraphOptions['flagsOf']>): Stats {
  const stats = emptyStats();
  for (const event of group) {
    stats.eventCount++;
    if (Number.isFinite(event.time)) {
      if (stats.firstSeen === null || event.time < stats.firstSeen) stats.firstSeen = event.time;
      if (stats.lastSeen === null || event.time > stats.lastSeen) stats.lastSeen = event.time;
    }
    const hits = flagsOf(event);
    if (hits.length === 0) continue;
    stats.flaggedCount++;
    stats.topSeverity = higher(stats.topSeverity, topSeverity(hits));
  }
  return stats;
}

/** Figures of disjoint groups added up (a node's keys never share an event). */
function merge(parts: readonly Stats[]): Stats {
  const total = emptyStats();
  for (const part of parts) {
    total.eventCount += part.eventCount;
    if (part.firstSeen !== null && (total.firstSeen === null || part.firstSeen < total.firstSeen)) total.firstSeen = part.firstSeen;
    if (part.lastSeen !== null && (total.lastSeen === null || part.lastSeen > total.lastSeen)) total.lastSeen = part.lastSeen;
    total.flaggedCount += part.flaggedCount;
    total.topSeverity = higher(total.topSeverity, part.topSeverity);
  }
  return total;
}

/**
 * The identity's session graph from its events: users and other principals, their long-term
 * keys, the sessions those keys (or sessions) opened (AssumeRole, GetSessionToken,
 * GetFederationToken, AssumeRoleWithSAML / WithWebIdentity, SSO's GetRoleCredentials, console
 * sign-ins), the roles of the sessions and the other accounts those roles live in. A session is
 * tied to its issuer by the issuing call's `responseElements.credentials.accessKeyId`, or by the
 * fetch's `via`. Pure: the same events give the same graph.
 */
export function buildSessionGraph(events: readonly NormalizedEvent[], options: SessionGraphOptions = {}): SessionGraph {
  const flagsOf = options.flagsOf ?? flagEvent;
  const byKey = new Map<string, NormalizedEvent[]>();
  const byId = new Map<string, NormalizedEvent>();
  const keyless: NormalizedEvent[] = [];
  const issuances = new Map<string, Issuance>();
  const sso: Issuance[] = [];
  const viaIssuers = new Set<string>();
  for (const event of events) if (event.via) viaIssuers.add(event.via.issuedBy);
  for (const event of events) {
    if (viaIssuers.has(event.id)) byId.set(event.id, event);
    if (event.accessKeyId) {
      const group = byKey.get(event.accessKeyId);
      if (group) group.push(event);
      else byKey.set(event.accessKeyId, [event]);
    // A parsed event (asking for `record` would parse a workspace event's text again).
    } else if (event.parseError === null) keyless.push(event);
    const issued = issuanceOf(event);
    if (issued?.accessKeyId && !issuances.has(issued.accessKeyId)) issuances.set(issued.accessKeyId, issued);
    else if (issued && !issued.accessKeyId) sso.push(issued);
  }
  // The fetch says which call issued a key it followed, when the issuing record lacks it.
  for (const event of events) {
    const via = event.via;
    if (!via || issuances.has(via.accessKeyId)) continue;
    const issuer = byId.get(via.issuedBy);
    const issued = issuer ? issuanceOf(issuer, via.accessKeyId) : null;
    if (issued) issuances.set(via.accessKeyId, issued);
  }

  const builder = new GraphBuilder(homeAccountOf(events), byKey, issuances);
  for (const event of keyless) {
    const owner = builder.principal(event);
    if (owner) builder.nodes.get(owner)!.keyless.push(event);
  }
  for (const key of byKey.keys()) builder.credential(key);
  for (const key of issuances.keys()) builder.credential(key);
  for (const issued of sso) builder.ssoSession(issued);

  const edges = [...builder.edges.values()];
  const keys = keysOfNodes(builder.nodes, edges);
  const keyStats = new Map([...byKey].map(([key, group]) => [key, statsOf(group, flagsOf)]));
  const nodes: SessionGraphNode[] = [...builder.nodes.values()].map(({ ownKey: _ownKey, keyless: own, ...node }) => {
    const nodeKeys = keys.get(node.id) ?? new Set<string>();
    const parts = [statsOf(own, flagsOf), ...[...nodeKeys].map((key) => keyStats.get(key) ?? emptyStats())];
    return { ...node, accessKeyIds: [...nodeKeys].sort(), ...merge(parts) };
  });
  // Keys before sessions, then the earliest first: the order the layout keeps among siblings.
  nodes.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || (a.firstSeen ?? Infinity) - (b.firstSeen ?? Infinity));
  return { nodes, edges, homeAccountId: builder.homeAccountId };
}
