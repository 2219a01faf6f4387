import { createContext, useContext, useEffect, useMemo, useRef } from 'react';

import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { pivotPlan } from '../../../shared/pivots/pivot-plan';
import type { PivotPlan } from '../../../shared/pivots/pivot-plan';
import type { PivotTarget } from '../../../shared/pivots/pivot-targets';

/** The investigation on view, and how the workspace opens a pivot from it as an investigation of its own. */
export interface PivotActions {
  current: FetchQuery;
  open(query: FetchQuery): void;
}

/** Set by the workspace once a query is on view; without it (tests, an idle workspace) no pivot is offered. */
export const PivotContext = createContext<PivotActions | null>(null);

/** A target's pivot from the investigation on view: the plan (or why not) and the action that opens it. */
export function usePivot(target: PivotTarget | null): { plan: PivotPlan; open(): void } | null {
  const actions = useContext(PivotContext);
  const plan = useMemo(() => (actions && target ? pivotPlan(target, actions.current) : null), [actions, target]);
  if (!actions || !plan) return null;
  return { plan, open: () => plan.ok && actions.open(plan.query) };
}

/** Every target's pivot, for a menu of them (one context read, one plan each). */
export function usePivots(targets: readonly PivotTarget[]): { target: PivotTarget; plan: PivotPlan }[] | null {
  const actions = useContext(PivotContext);
  return useMemo(() => (actions ? targets.map((target) => ({ target, plan: pivotPlan(target, actions.current) })) : null), [actions, targets]);
}

/** Opens a planned pivot, when there is a context to open it in. */
export function useOpenPivot(): (plan: PivotPlan) => void {
  const actions = useContext(PivotContext);
  return (plan) => {
    if (actions && plan.ok) actions.open(plan.query);
  };
}

/**
 * The workspace's side of the context: the query on view and its opener. The value changes only
 * with the query (the opener is read through a ref), so the rows that read it do not draw again on
 * every render of the workspace.
 */
export function usePivotActions(current: FetchQuery | null, open: (query: FetchQuery) => void): PivotActions | null {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  return useMemo(() => (current ? { current, open: (query: FetchQuery) => latest.current(query) } : null), [current]);
}
