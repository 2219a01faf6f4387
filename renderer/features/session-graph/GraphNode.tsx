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

/** When the node was active, short: `11-30 20:46–21:40` within a day, else `11-18 – 12-01`. */
function seenText(node: SessionGraphNode): string {
  if (node.firstSeen === null || node.lastSeen === null) return 'no calls in the range';
  const first = formatUtc(node.firstSeen);
  const last = formatUtc(node.lastSeen);
  if (first.slice(0, 10) !== last.slice(0, 10)) return `${first.slice(5, 10)} – ${last.slice(5, 10)}`;
  const day = `${first.slice(5, 10)} ${first.slice(11, 16)}`;
  return first.slice(11, 16) === last.slice(11, 16) ? day : `${day}–${last.slice(11, 16)}`;
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
      </span>
      <span className="graph-node-line">
        <span className="graph-node-detail">{cellText(node.detail, 60)}</span>
        {node.topSeverity && <span className={`sev sev-${node.topSeverity}`}>{node.topSeverity}</span>}
      </span>
      <span className="graph-node-meta">
        {events} · {seenText(node)}
      </span>
    </button>
  );
});
