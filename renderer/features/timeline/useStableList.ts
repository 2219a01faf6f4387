import { useRef } from 'react';

/**
 * The previous list when the new one holds the same items in the same order, else the new one.
 * A filter that re-runs without changing its result (a brush changes the filter state, not the
 * events the timeline draws) then costs one pass of identity checks, and every view memoised on
 * the list keeps its work: the timeline's index is not rebuilt for a zoom.
 */
export function useStableList<T>(list: readonly T[]): readonly T[] {
  const last = useRef(list);
  const previous = last.current;
  if (previous !== list && !sameItems(previous, list)) last.current = list;
  return last.current;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
