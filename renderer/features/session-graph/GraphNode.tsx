import { memo } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import type { PlacedNode } from '../../../shared/session-graph/layout';
import type { SessionGraphNode, SessionNodeKind } from '../../../shared/session-graph/types';
import { formatUtc } from '../timeline/time-format';

/** The kind of a node in words, as the node's badge and accessible name say it. */
export const kindNames: Record<SessionNodeKind, string> = {
  user: 'User',
  principal: 'Principal',
  'access-key': 'Key',
  session: 'Session',
  role: 'Role',
  account: 'Account',
};

function seenText(node: SessionGraphNode): string {
  if (node.firstSeen === null || node.lastSeen === null) return 'no calls in the range';
  const first = formatUtc(node.firstSeen).slice(5, 16);
  const last = formatUtc(node.lastSeen).slice(5, 16);
  return first === last ? first : `${first} – ${last}`;
}

export interface GraphNodeProps {
  node: SessionGraphNode;
  place: PlacedNode;
  width: number;
  height: number;
  active: boolean;
  filterable: boolean;
  onClick(node: SessionGraphNode): void;
}

/**
 * One node as a button: kind, label, what it is, its events, when, and its top flag. Labels and
 * details come from the records: they are rendered as React text, made visible and cut
 * (promise 8), never as markup.
 */
export const GraphNode = memo(function GraphNode({ node, place, width, height, active, filterable, onClick }: GraphNodeProps) {
  const label = cellText(node.label, 48);
  const events = `${node.eventCount.toLocaleString('en-US')} ${node.eventCount === 1 ? 'event' : 'events'}`;
  const flags = node.topSeverity ? `, ${node.flaggedCount.toLocaleString('en-US')} flagged, top ${node.topSeverity}` : '';
  const title = [
    `${kindNames[node.kind]}: ${cellText(node.label, 300)}`,
    cellText(node.detail, 300),
    `${events}${flags}`,
    node.firstSeen !== null && node.lastSeen !== null ? `first seen ${formatUtc(node.firstSeen)}, last seen ${formatUtc(node.lastSeen)}` : 'no calls in the range',
    filterable ? (active ? 'Click to show every event again' : 'Click to show only these events') : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <button
      type="button"
      className={`graph-node graph-node-${node.kind}${active ? ' active' : ''}`}
      style={{ left: place.x, top: place.y, width, height }}
      aria-pressed={active}
      aria-label={`${kindNames[node.kind]} ${label}: ${events}${flags}`}
      title={title}
      disabled={!filterable}
      data-node-id={node.id}
      onClick={() => onClick(node)}
    >
      <span className="graph-node-head">
        <span className="graph-node-kind">{kindNames[node.kind]}</span>
        <span className="graph-node-label">{label}</span>
        {node.topSeverity && <span className={`sev sev-${node.topSeverity}`}>{node.topSeverity}</span>}
      </span>
      <span className="graph-node-detail">{cellText(node.detail, 60)}</span>
      <span className="graph-node-meta">
        {events} · {seenText(node)}
      </span>
    </button>
  );
});
