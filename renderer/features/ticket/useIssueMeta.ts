import { useCallback, useEffect, useState } from 'react';

import type { ApiErrorShape } from '../../../shared/api/errors';
import type { JiraFieldSpec } from '../../../shared/api/ticket-contract';
import { api } from '../../api/bridge';

type Loaded<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; error: ApiErrorShape };

function useLoaded<T>(
  load: (() => Promise<{ ok: true; data: T } | { ok: false; error: ApiErrorShape }>) | null,
  deps: unknown[],
): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'idle' });
  useEffect(() => {
    if (!load) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    void load().then(
      (result) => live && setState(result.ok ? { kind: 'ready', value: result.data } : { kind: 'failed', error: result.error }),
    );
    return () => {
      live = false;
    };
    // The loader is rebuilt each render; what it depends on is listed by the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** Projects, issue types of the chosen project, and the create fields of the chosen type; `retry` loads again what failed. */
export function useIssueMeta(connected: boolean, site: string | null, projectKey: string | null, issueTypeId: string | null) {
  const [attempt, setAttempt] = useState(0);
  const projects = useLoaded(connected ? () => api.listJiraProjects({}) : null, [connected, site, attempt]);
  const issueTypes = useLoaded(connected && projectKey ? () => api.listJiraIssueTypes({ projectKey }) : null, [
    connected,
    site,
    projectKey,
    attempt,
  ]);
  const fields = useLoaded<{ fields: JiraFieldSpec[] }>(
    connected && projectKey && issueTypeId ? () => api.listJiraFields({ projectKey, issueTypeId }) : null,
    [connected, site, projectKey, issueTypeId, attempt],
  );
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { projects, issueTypes, fields, retry };
}

export type { Loaded };
