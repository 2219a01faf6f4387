import { useCallback, useEffect, useState } from 'react';

import type { ApiErrorShape } from '../../../shared/api/errors';
import type { JiraConnectionDraft, JiraConnectionInfo } from '../../../shared/api/ticket-contract';
import { api } from '../../api/bridge';

export type TestState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'ok'; displayName: string; emailAddress: string | null; site: string }
  | { kind: 'failed'; error: ApiErrorShape };

/** The Jira connection as the host reports it (never the token), with save, forget and test. */
export function useJiraConnection() {
  const [info, setInfo] = useState<JiraConnectionInfo | null>(null);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });

  const reload = useCallback(async () => {
    const result = await api.getJiraConnection({});
    if (result.ok) setInfo(result.data);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (input: JiraConnectionDraft): Promise<boolean> => {
    const result = await api.saveJiraConnection(input);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    setInfo(result.data);
    setTest({ kind: 'idle' });
    return true;
  };

  const forget = async () => {
    const result = await api.forgetJiraConnection({});
    if (result.ok) setInfo(result.data);
    setTest({ kind: 'idle' });
  };

  /** Tests the saved connection (no draft), or the form's values before they are saved. */
  const runTest = async (draft: JiraConnectionDraft | null = null) => {
    setTest({ kind: 'testing' });
    const result = await api.testJiraConnection(draft ? { draft } : {});
    setTest(
      result.ok
        ? { kind: 'ok', displayName: result.data.displayName, emailAddress: result.data.emailAddress, site: result.data.site }
        : { kind: 'failed', error: result.error },
    );
  };

  /** Forgets a test's outcome once the values it was about change. */
  const clearTest = useCallback(
    () => setTest((current) => (current.kind === 'idle' || current.kind === 'testing' ? current : { kind: 'idle' })),
    [],
  );

  return { info, error, test, save, forget, runTest, clearTest, reload };
}
