import { describe, expect, it } from 'vitest';

import { applyFilters } from '../../../shared/filters/apply-filters';
import { addChip, emptyFilters } from '../../../shared/filters/filter-state';
import { buildSessionGraph } from '../../../shared/session-graph/build-graph';
import { defaultLayoutOptions, layoutGraph } from '../../../shared/session-graph/layout';
import { activeNode, toggleNodeFilter } from '../../../shared/session-graph/node-filter';
import type { SessionGraph } from '../../../shared/session-graph/types';
import { asUser, call, flagsByName, newKey, ownerKey, roleArn, roleKey, storyEvents, tokenKey, userArn } from './fixture';

const events = storyEvents();
const graph = buildSessionGraph(events, { flagsOf: flagsByName({}) });
const byId = (id: string) => graph.nodes.find((n) => n.id === id)!;
const shown = (state: typeof emptyFilters) => applyFilters(events, state, () => []).map((e) => e.eventName);

describe('filtering by a node of the session graph', () => {
  it('narrows the events to the node’s keys, replacing another node’s, and keeps other chips', () => {
    const withRegion = addChip(emptyFilters, { field: 'region', value: 'us-east-1', exclude: false });
    const onRole = toggleNodeFilter(withRegion, byId(`session:${roleKey}`));
    expect(shown(onRole)).toEqual(['ListBuckets', 'StopLogging']);
    const onToken = toggleNodeFilter(onRole, byId(`session:${tokenKey}`));
    expect(shown(onToken)).toEqual(['DescribeDBInstances', 'ListBuckets']);
    expect(onToken.chips.filter((c) => c.field === 'region')).toHaveLength(1);
    expect(activeNode(graph, onToken)?.id).toBe(`session:${tokenKey}`);
  });

  it('shows what a key did with the sessions it opened', () => {
    expect(shown(toggleNodeFilter(emptyFilters, byId(`key:${newKey}`)))).toEqual([
      'GetCallerIdentity',
      'AssumeRole',
      'ListBuckets',
      'StopLogging',
      'GetSessionToken',
      'DescribeDBInstances',
      'ListBuckets',
    ]);
  });

  it('lifts the key filter on a second click, and on a click on the user (who stands for everything)', () => {
    const on = toggleNodeFilter(emptyFilters, byId(`key:${ownerKey}`));
    expect(shown(on)).toEqual(['ListUsers', 'CreateAccessKey']);
    expect(toggleNodeFilter(on, byId(`key:${ownerKey}`)).chips).toEqual([]);
    expect(toggleNodeFilter(on, byId(`user:${userArn}`)).chips).toEqual([]);
    expect(shown(toggleNodeFilter(on, byId(`user:${userArn}`)))).toHaveLength(events.length);
  });
});

describe('the layered layout', () => {
  it('puts each node one layer right of its deepest parent, without overlaps', () => {
    const layout = layoutGraph(graph);
    const layer = (id: string) => layout.nodes.get(id)!.layer;
    expect(layer(`user:${userArn}`)).toBe(0);
    expect(layer(`key:${newKey}`)).toBe(1);
    expect(layer(`session:${roleKey}`)).toBe(2);
    for (const edge of graph.edges) expect(layer(edge.to)).toBeGreaterThan(layer(edge.from));
    const placed = [...layout.nodes.values()];
    for (const a of placed)
      for (const b of placed) if (a !== b && a.x === b.x) expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(defaultLayoutOptions.nodeHeight);
  });

  it('sets a lone child level with its parent', () => {
    const layout = layoutGraph(graph);
    expect(layout.nodes.get(`role:${roleArn}`)!.y).toBe(layout.nodes.get(`session:${roleKey}`)!.y);
  });

  it('lays out 50 sessions in bounded columns and places every node of a cycle', () => {
    const many = buildSessionGraph(
      Array.from({ length: 50 }, (_, i) => call(i, 'GetSessionToken', asUser(ownerKey), { eventSource: 'sts.amazonaws.com', responseElements: { credentials: { accessKeyId: `ASIAMANY${String(i).padStart(4, '0')}` } } })),
    );
    const layout = layoutGraph(many);
    expect(layout.nodes.size).toBe(52);
    expect(Math.max(...[...layout.nodes.values()].map((n) => n.layer))).toBe(2);
    const cyclic: SessionGraph = { ...graph, edges: [...graph.edges, { from: `session:${roleKey}`, to: `key:${newKey}`, kind: 'issued', label: '' }] };
    expect(layoutGraph(cyclic).nodes.size).toBe(graph.nodes.length);
  });
});
