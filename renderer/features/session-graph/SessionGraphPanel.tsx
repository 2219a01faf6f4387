import { useCallback, useDeferredValue, useMemo, useState } from 'react';

import type { FilterState } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { buildSessionGraph } from '../../../shared/session-graph/build-graph';
import { activeNode, toggleNodeFilter } from '../../../shared/session-graph/node-filter';
import type { SessionGraphNode } from '../../../shared/session-graph/types';
import { cellText } from '../../../shared/display/cell-text';
import { flagsOf } from '../workspace/flags';
import { kindNames } from './GraphNode';
import { SessionGraphView } from './SessionGraphView';
import './session-graph.css';

export interface SessionGraphPanelProps {
  /** Every fetched event: the graph shows the whole identity, whatever the filters hide. */
  events: readonly NormalizedEvent[];
  filters: FilterState;
  /** Updates the workspace's filters (a node click narrows every view to its keys). */
  onFiltersChange(update: (state: FilterState) => FilterState): void;
}

const counted: ReadonlyArray<[SessionGraphNode['kind'], string, string]> = [
  ['access-key', 'key', 'keys'],
  ['session', 'session', 'sessions'],
  ['role', 'role', 'roles'],
  ['account', 'other account', 'other accounts'],
];

/** "2 keys · 13 sessions · 1 role": what the graph holds, kinds with no node left out. */
function summaryOf(nodes: readonly SessionGraphNode[]): string {
  return counted
    .map(([kind, one, many]) => {
      const n = nodes.filter((node) => node.kind === kind).length;
      return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** The graph, built only while the panel is open (and deferred, so a fetch's batches never block typing). */
function OpenGraph({ events, filters, onFiltersChange }: SessionGraphPanelProps) {
  const deferred = useDeferredValue(events);
  const graph = useMemo(() => buildSessionGraph(deferred, { flagsOf }), [deferred]);
  const active = useMemo(() => activeNode(graph, filters), [graph, filters]);
  const onNodeClick = useCallback((node: SessionGraphNode) => onFiltersChange((state) => toggleNodeFilter(state, node)), [onFiltersChange]);
  if (graph.nodes.length === 0) return <p className="muted">No keys or sessions in the events.</p>;
  return (
    <>
      <p className="muted session-graph-note" role="status">
        {summaryOf(graph.nodes)}
        {active ? ` · showing ${kindNames[active.kind].toLowerCase()} ${cellText(active.label, 60)}` : ' · click a node to show only its events'}
      </p>
      <div className="session-graph-scroll">
        <SessionGraphView graph={graph} filters={filters} onNodeClick={onNodeClick} />
      </div>
    </>
  );
}

/** "Sessions": the identity's keys, the sessions they opened, the roles and accounts they reached. */
export function SessionGraphPanel(props: SessionGraphPanelProps) {
  const [open, setOpen] = useState(false);
  return (
    <section className="session-graph" aria-label="Sessions">
      <div className="panel-header session-graph-header">
        <h2>Sessions</h2>
        <span className="muted">user → keys → sessions → roles → accounts</span>
        <span className="spacer" />
        <button type="button" className="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide sessions' : 'Show sessions'}
        </button>
      </div>
      {open && (
        <div className="session-graph-body">
          <OpenGraph {...props} />
        </div>
      )}
    </section>
  );
}
