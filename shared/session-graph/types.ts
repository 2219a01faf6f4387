import type { Severity } from '../rules/types';

/** What a node of the session graph stands for. */
export type SessionNodeKind = 'user' | 'principal' | 'access-key' | 'session' | 'role' | 'account';

/**
 * One node: an identity, a credential, a role or an account. Labels and details are untrusted
 * text from the records: a view shows them as text only (promise 8).
 */
export interface SessionGraphNode {
  /** Stable within one graph: `user:ARN`, `key:AKIA…`, `session:ASIA…`, `role:ARN`, `account:ID`. */
  id: string;
  kind: SessionNodeKind;
  label: string;
  /** One line saying what the node is: "AssumeRole · maint-0412", "long-term access key". */
  detail: string;
  /**
   * The access key ids whose events this node stands for: its own key and those of the sessions
   * issued from it (and, for a role or an account, of the sessions of that role). Clicking the
   * node filters the views to these keys.
   */
  accessKeyIds: string[];
  /** Events the node stands for (those of its keys, and its own calls without a key). */
  eventCount: number;
  /** Milliseconds since the epoch; null when no event with a valid time belongs to the node. */
  firstSeen: number | null;
  lastSeen: number | null;
  /** How many of those events the rule pack flags, and the highest severity among the flags. */
  flaggedCount: number;
  topSeverity: Severity | null;
}

/** How one node leads to the next. */
export type SessionEdgeKind = 'has-key' | 'issued' | 'of-role' | 'in-account';

export interface SessionGraphEdge {
  from: string;
  to: string;
  kind: SessionEdgeKind;
  /** The issuing call for `issued` edges (AssumeRole, GetSessionToken…), else empty. */
  label: string;
}

/** The identity's session graph: nodes in a stable order, and the edges between them. */
export interface SessionGraph {
  nodes: SessionGraphNode[];
  edges: SessionGraphEdge[];
  /** The account the identity lives in (roles elsewhere lead to account nodes). */
  homeAccountId: string;
}
