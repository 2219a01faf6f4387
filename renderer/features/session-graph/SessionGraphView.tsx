import { useMemo } from 'react';

import type { FilterState } from '../../../shared/filters/filter-state';
import { defaultLayoutOptions, layoutGraph } from '../../../shared/session-graph/layout';
import { isNodeActive, isNodeFilterable } from '../../../shared/session-graph/node-filter';
import type { SessionGraph, SessionGraphNode } from '../../../shared/session-graph/types';
import { GraphNode } from './GraphNode';

export interface SessionGraphViewProps {
  graph: SessionGraph;
  filters: FilterState;
  onNodeClick(node: SessionGraphNode): void;
}

const { nodeWidth, nodeHeight } = defaultLayoutOptions;

/** The drawing: edges as SVG curves under the nodes, which are buttons laid out in layers. */
export function SessionGraphView({ graph, filters, onNodeClick }: SessionGraphViewProps) {
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const paths = useMemo(
    () =>
      graph.edges.flatMap((edge) => {
        const from = layout.nodes.get(edge.from);
        const to = layout.nodes.get(edge.to);
        if (!from || !to) return [];
        const x1 = from.x + nodeWidth;
        const y1 = from.y + nodeHeight / 2;
        const x2 = to.x;
        const y2 = to.y + nodeHeight / 2;
        const bend = (x2 - x1) / 2;
        return [{ key: `${edge.from}\n${edge.to}`, kind: edge.kind, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` }];
      }),
    [graph, layout],
  );
  return (
    <div className="session-graph-canvas" style={{ width: layout.width, height: layout.height }}>
      <svg className="session-graph-edges" width={layout.width} height={layout.height} aria-hidden="true">
        {paths.map((path) => (
          <path key={path.key} d={path.d} className={`graph-edge graph-edge-${path.kind}`} />
        ))}
      </svg>
      {graph.nodes.map((node) => {
        const place = layout.nodes.get(node.id);
        return (
          place && (
            <GraphNode
              key={node.id}
              node={node}
              place={place}
              width={nodeWidth}
              height={nodeHeight}
              active={isNodeActive(node, filters)}
              filterable={isNodeFilterable(node)}
              onClick={onNodeClick}
            />
          )
        );
      })}
    </div>
  );
}
