import type { SessionGraph } from './types';

/** Where a node sits, in pixels from the top left of the drawing. */
export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  layer: number;
}

export interface GraphLayout {
  nodes: Map<string, PlacedNode>;
  width: number;
  height: number;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  gapX: number;
  gapY: number;
}

export const defaultLayoutOptions: LayoutOptions = { nodeWidth: 256, nodeHeight: 58, gapX: 48, gapY: 10 };

/** Each node's layer: one more than its deepest parent (longest path); nodes on a cycle go after the rest. */
function layersOf(graph: SessionGraph): Map<string, number> {
  const parents = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const indegree = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const children = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const edge of graph.edges) {
    if (!parents.has(edge.to) || !parents.has(edge.from)) continue;
    parents.get(edge.to)!.push(edge.from);
    children.get(edge.from)!.push(edge.to);
    indegree.set(edge.to, indegree.get(edge.to)! + 1);
  }
  const layer = new Map<string, number>();
  const queue = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    layer.set(id, Math.max(0, ...parents.get(id)!.map((p) => (layer.get(p) ?? -1) + 1)));
    for (const child of children.get(id)!) {
      indegree.set(child, indegree.get(child)! - 1);
      if (indegree.get(child) === 0) queue.push(child);
    }
  }
  const deepest = Math.max(-1, ...layer.values());
  for (const node of graph.nodes) if (!layer.has(node.id)) layer.set(node.id, deepest + 1);
  return layer;
}

/**
 * A layered drawing, left to right: identities, then keys, sessions, roles and accounts. Within
 * a layer, nodes follow the mean position of their parents (one barycentre sweep), which keeps a
 * key's sessions beside it and edges mostly uncrossed for the near-trees these graphs are.
 */
export function layoutGraph(graph: SessionGraph, options: LayoutOptions = defaultLayoutOptions): GraphLayout {
  const layer = layersOf(graph);
  const parents = new Map<string, string[]>();
  for (const edge of graph.edges) parents.set(edge.to, [...(parents.get(edge.to) ?? []), edge.from]);
  const columns: string[][] = [];
  for (const node of graph.nodes) (columns[layer.get(node.id)!] ??= []).push(node.id);
  const row = new Map<string, number>();
  const placed = new Map<string, PlacedNode>();
  const step = options.nodeHeight + options.gapY;
  let height = 0;
  columns.forEach((column, index) => {
    const parentYs = (id: string) => (parents.get(id) ?? []).map((p) => placed.get(p)?.y).filter((y): y is number => y !== undefined);
    const weight = (id: string) => {
      const known = (parents.get(id) ?? []).map((p) => row.get(p)).filter((r): r is number => r !== undefined);
      return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : Number.POSITIVE_INFINITY;
    };
    const order = column.map((id, position) => ({ id, position, weight: weight(id) })).sort((a, b) => a.weight - b.weight || a.position - b.position);
    // Each node as level with its parents as the nodes above it allow: a key's sessions sit beside it.
    let next = 0;
    order.forEach(({ id }, position) => {
      const ys = parentYs(id);
      const wanted = ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
      const y = Math.max(next, Math.round(wanted));
      next = y + step;
      row.set(id, position);
      placed.set(id, { id, layer: index, x: index * (options.nodeWidth + options.gapX), y });
    });
    height = Math.max(height, next - options.gapY);
  });
  return {
    nodes: placed,
    width: Math.max(0, columns.length * (options.nodeWidth + options.gapX) - options.gapX),
    height: Math.max(0, height),
  };
}
