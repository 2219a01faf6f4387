import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, but taken up only once the browser has painted the frame in which it changed, and
 * then in a transition (a newer value or a keystroke interrupts it). useDeferredValue alone is
 * not enough for views whose work cannot be split: its render can start before that frame is
 * painted, and then a keystroke's table waits for the timeline and charts to re-count 100,000
 * events. The frame comes first here: a callback before its paint, a task after it.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(() => value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown;
}
