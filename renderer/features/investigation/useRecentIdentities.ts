import { useCallback, useState } from 'react';

const storageKey = 'trailcase.recentIdentities';
const maxRecent = 8;

export interface RecentIdentity {
  kind: 'user' | 'accessKey';
  value: string;
}

function load(): RecentIdentity[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((item): item is RecentIdentity => typeof item?.value === 'string' && (item.kind === 'user' || item.kind === 'accessKey'))
      .slice(0, maxRecent);
  } catch {
    return [];
  }
}

/** Identities the analyst investigated lately, newest first, remembered in localStorage. */
export function useRecentIdentities() {
  const [recent, setRecent] = useState<RecentIdentity[]>(load);
  const remember = useCallback((identity: RecentIdentity) => {
    setRecent((list) => {
      const next = [identity, ...list.filter((item) => !(item.kind === identity.kind && item.value === identity.value))].slice(0, maxRecent);
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }, []);
  return { recent, remember };
}
