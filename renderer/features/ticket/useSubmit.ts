import { useCallback, useEffect, useRef, useState } from 'react';

import type { ApiInput } from '../../../shared/api/contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import type { PendingSubmissionInfo, SubmitResult } from '../../../shared/api/ticket-contract';
import { api } from '../../api/bridge';

export type SubmitState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: SubmitResult } | { kind: 'failed'; error: ApiErrorShape };

/** Errors after which Jira holds nothing of this submission: the next click starts afresh. */
const settledCodes = new Set(['JIRA_FIELDS', 'JIRA_AUTH', 'JIRA_FORBIDDEN', 'BAD_INPUT', 'JIRA_NOT_CONNECTED', 'NOT_FOUND', 'THROTTLED']);

/**
 * Submits with one submission id per ticket: a second click, or a retry after a lost answer,
 * sends the same id, and the host continues that submission instead of creating another issue.
 */
export function useSubmit() {
  const [state, setState] = useState<SubmitState>({ kind: 'idle' });
  const [pending, setPending] = useState<PendingSubmissionInfo[]>([]);
  const submissionId = useRef<string | null>(null);
  // A ref, not state: two clicks in one frame must not both send.
  const sending = useRef(false);

  const refreshPending = useCallback(async () => {
    const result = await api.listPendingSubmissions({});
    if (result.ok) setPending(result.data.pending);
  }, []);

  useEffect(() => {
    void refreshPending();
  }, [refreshPending]);

  const settle = (result: Awaited<ReturnType<typeof api.submitTicket>>) => {
    if (result.ok) {
      // A created issue keeps its submission id until the analyst starts another ticket: a
      // further click continues this one (attaching the events), never creates a second issue.
      setState({ kind: 'done', result: result.data });
    } else {
      if (settledCodes.has(result.error.code)) submissionId.current = null;
      setState({ kind: 'failed', error: result.error });
    }
    void refreshPending();
  };

  const run = async (send: () => ReturnType<typeof api.submitTicket>) => {
    if (sending.current) return;
    sending.current = true;
    setState({ kind: 'sending' });
    try {
      settle(await send());
    } finally {
      sending.current = false;
    }
  };

  const submit = (input: Omit<ApiInput<'submitTicket'>, 'submissionId'>) => {
    const id = (submissionId.current ??= crypto.randomUUID());
    return run(() => api.submitTicket({ ...input, submissionId: id }));
  };

  const retry = (id: string, resend: boolean) => run(() => api.retryPendingSubmission({ submissionId: id, resend }));

  const discard = async (id: string) => {
    await api.discardPendingSubmission({ submissionId: id });
    if (submissionId.current === id) submissionId.current = null;
    void refreshPending();
  };

  /** Starts another ticket: the next submit gets a new submission id. */
  const reset = () => {
    if (sending.current) return;
    submissionId.current = null;
    setState({ kind: 'idle' });
  };

  return { state, pending, submit, retry, discard, reset };
}
