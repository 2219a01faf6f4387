import { useLayoutEffect } from 'react';

/**
 * Runs `work` and records how long it took as a User Timing measure (`trailcase:NAME`), so the
 * renderer benchmark (and the browser's performance panel) can say where the time of a stage
 * goes. A measure costs about a microsecond.
 */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`trailcase:${name}`, { start, end: performance.now() });
  }
}

/**
 * Marks (User Timing, `trailcase:NAME drawn`) each time a view has drawn a new `value`, with
 * the count of events it drew: the benchmark times views that update after the table (deferred
 * renders) by this mark.
 */
export function useDrawnMark(name: string, value: readonly unknown[]): void {
  useLayoutEffect(() => {
    performance.mark(`trailcase:${name} drawn`, { detail: { events: value.length } });
  }, [name, value]);
}
