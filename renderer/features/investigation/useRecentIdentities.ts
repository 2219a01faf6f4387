import { useCallback, useState } from 'react';

import type { SubjectKind } from '../../../shared/api/fetch-contract';

const kinds: readonly string[] = ['user', 'accessKey', 'ip', 'role', 'resource'] satisfies SubjectKind[];

const storageKey = 'trailcase.recentIdentities';
const maxRecent = 8;

export interface RecentIdentity {
  kind: SubjectKind;
  value: string;
}

function load(): RecentIdentity[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((item): item is RecentIdentity => typeof item?.value === 'string' && kinds.includes(item.kind))
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
