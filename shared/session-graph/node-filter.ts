import type { FilterChip, FilterState } from '../filters/filter-state';
import type { SessionGraph, SessionGraphNode } from './types';

/** A node standing for more keys than this is not a filter (the chips would crowd the bar and the saved state). */
export const maxNodeKeys = 60;

const isKeyChip = (chip: FilterChip) => chip.field === 'accessKeyId' && !chip.exclude;

/** The access keys the filters narrow to (their `accessKeyId` chips). */
export function activeKeys(state: FilterState): Set<string> {
  return new Set(state.chips.filter(isKeyChip).map((chip) => chip.value));
}

/** Whether the filters show exactly this node's events (its keys and no other). */
export function isNodeActive(node: SessionGraphNode, state: FilterState): boolean {
  const keys = activeKeys(state);
  return node.accessKeyIds.length > 0 && keys.size === node.accessKeyIds.length && node.accessKeyIds.every((key) => keys.has(key));
}

/** Whether a click on the node can filter the views: it has events, and keys that stand for them or it is the identity itself. */
export function isNodeFilterable(node: SessionGraphNode): boolean {
  if (node.kind === 'user' || node.kind === 'principal') return node.eventCount > 0;
  return node.accessKeyIds.length > 0 && node.accessKeyIds.length <= maxNodeKeys;
}

/**
 * The filters after a click on a node: the views narrow to the node's keys (replacing those of
 * another node); a second click on the same node, or a click on the identity (which stands for
 * every event), lifts the key filter. Other chips, the search and the time range stay.
 */
export function toggleNodeFilter(state: FilterState, node: SessionGraphNode): FilterState {
  const others = state.chips.filter((chip) => !isKeyChip(chip));
  if (node.kind === 'user' || node.kind === 'principal' || isNodeActive(node, state) || !isNodeFilterable(node)) return { ...state, chips: others };
  return { ...state, chips: [...others, ...node.accessKeyIds.map((value) => ({ field: 'accessKeyId' as const, value, exclude: false }))] };
}

/** The node the filters currently show, if any. */
export function activeNode(graph: SessionGraph, state: FilterState): SessionGraphNode | null {
  return graph.nodes.find((node) => isNodeActive(node, state)) ?? null;
}
