import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useStableList } from '../../../renderer/features/timeline/useStableList';

describe('useStableList (the timeline keeps its index across a zoom)', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('keeps the previous list when a new one holds the same items in order', () => {
    const first = [a, b];
    const { result, rerender } = renderHook(({ list }) => useStableList(list), { initialProps: { list: first } });
    rerender({ list: [a, b] });
    expect(result.current).toBe(first);
  });

  it('takes the new list when an item, the order or the length differs', () => {
    const { result, rerender } = renderHook(({ list }) => useStableList(list), { initialProps: { list: [a, b] } });
    for (const next of [[b, a], [a], [a, b, { id: 'c' }]]) {
      rerender({ list: next });
      expect(result.current).toBe(next);
    }
  });
});
