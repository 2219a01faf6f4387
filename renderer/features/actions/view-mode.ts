import { useSyncExternalStore } from 'react';

/** Whether the event table shows raw events or the actions grouped from console calls. */
export type EventViewMode = 'events' | 'actions';

let mode: EventViewMode = 'events';
const listeners = new Set<() => void>();

/** Sets the table's view (the toolbar's Actions / Events toggle). */
export function setEventViewMode(next: EventViewMode): void {
  if (next === mode) return;
  mode = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The table's view, shared by the toolbar toggle and the table of one window. */
export function useEventViewMode(): EventViewMode {
  return useSyncExternalStore(subscribe, () => mode);
}
