import { useCallback, useEffect, useRef } from 'react';

/**
 * Calls `save` a moment after `value` last changed, and at once when the page is hidden or
 * closed, so an investigation survives the app being closed in the middle of a fetch. The
 * returned flush saves a change still waiting now (before the work on view is replaced).
 */
export function useAutosave<T>(value: T, enabled: boolean, save: (value: T) => void, delayMs = 1000): () => void {
  const latest = useRef({ value, save, dirty: false });
  useEffect(() => {
    latest.current = { value, save, dirty: enabled };
    if (!enabled) return;
    const timer = setTimeout(() => {
      latest.current.dirty = false;
      save(value);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [value, enabled, save, delayMs]);

  const flush = useCallback(() => {
    if (!latest.current.dirty) return;
    latest.current.dirty = false;
    latest.current.save(latest.current.value);
  }, []);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);
  return flush;
}
