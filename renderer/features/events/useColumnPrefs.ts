import { useCallback, useState } from 'react';

import { defaultColumnOrder } from './columns';

const storageKey = 'trailcase.columns';

export interface ColumnPrefs {
  order: string[];
  hidden: string[];
}

function load(): ColumnPrefs {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<ColumnPrefs> | null;
    const known = new Set(defaultColumnOrder);
    const order = Array.isArray(parsed?.order) ? parsed.order.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    const hidden = Array.isArray(parsed?.hidden) ? parsed.hidden.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    // Columns added since the preferences were saved go at the end.
    return { order: [...new Set([...order, ...defaultColumnOrder])], hidden };
  } catch {
    return { order: defaultColumnOrder, hidden: [] };
  }
}

/** Which columns show and in what order, remembered in localStorage. */
export function useColumnPrefs() {
  const [prefs, setPrefs] = useState<ColumnPrefs>(load);
  const update = useCallback((next: ColumnPrefs) => {
    localStorage.setItem(storageKey, JSON.stringify(next));
    setPrefs(next);
  }, []);
  const toggle = useCallback((id: string) => update({ ...prefs, hidden: prefs.hidden.includes(id) ? prefs.hidden.filter((h) => h !== id) : [...prefs.hidden, id] }), [prefs, update]);
  const move = useCallback(
    (id: string, by: -1 | 1) => {
      const order = [...prefs.order];
      const from = order.indexOf(id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to]!, order[from]!];
      update({ ...prefs, order });
    },
    [prefs, update],
  );
  const reset = useCallback(() => update({ order: defaultColumnOrder, hidden: [] }), [update]);
  return { prefs, toggle, move, reset };
}
