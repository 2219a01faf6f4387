import { useCallback, useState } from 'react';

import { maxColumnWidth, minColumnWidth } from './column-layout';
import { defaultColumnOrder } from './columns';

const storageKey = 'trailcase.columns';

export interface ColumnPrefs {
  order: string[];
  hidden: string[];
  /** Widths the analyst gave columns by dragging their edge, in pixels; others take the default. */
  sizes?: Record<string, number>;
}

const defaults: ColumnPrefs = { order: defaultColumnOrder, hidden: [], sizes: {} };

function loadSizes(value: unknown, known: Set<string>): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  const sizes: Record<string, number> = {};
  for (const [id, size] of Object.entries(value)) {
    if (known.has(id) && typeof size === 'number' && Number.isFinite(size)) sizes[id] = Math.min(maxColumnWidth, Math.max(minColumnWidth, Math.round(size)));
  }
  return sizes;
}

function load(): ColumnPrefs {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<ColumnPrefs> | null;
    const known = new Set(defaultColumnOrder);
    const order = Array.isArray(parsed?.order) ? parsed.order.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    const hidden = Array.isArray(parsed?.hidden) ? parsed.hidden.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    // Columns added since the preferences were saved go at the end.
    return { order: [...new Set([...order, ...defaultColumnOrder])], hidden, sizes: loadSizes(parsed?.sizes, known) };
  } catch {
    return defaults;
  }
}

/** Which columns show, in what order and how wide, remembered in localStorage. */
export function useColumnPrefs() {
  const [prefs, setPrefs] = useState<ColumnPrefs>(load);
  const update = useCallback((next: ColumnPrefs) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage refused: the columns stay as set for this session.
    }
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
  const resize = useCallback((sizes: Record<string, number>) => update({ ...prefs, sizes }), [prefs, update]);
  const reset = useCallback(() => update(defaults), [update]);
  return { prefs, toggle, move, resize, reset };
}
