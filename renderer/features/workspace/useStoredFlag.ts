import { useCallback, useState } from 'react';

const prefix = 'trailcase.';

function read(key: string, initial: boolean): boolean {
  try {
    const stored = localStorage.getItem(prefix + key);
    return stored === null ? initial : stored === 'true';
  } catch {
    return initial;
  }
}

/**
 * A yes/no preference of the analyst (a panel shown or hidden) kept in localStorage, so the
 * layout they chose is the one they get after a reload. Storage that refuses (private mode,
 * quota) leaves the flag working for the session.
 */
export function useStoredFlag(key: string, initial: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState(() => read(key, initial));
  const set = useCallback(
    (next: boolean) => {
      try {
        localStorage.setItem(prefix + key, String(next));
      } catch {
        // Kept for this session only.
      }
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
