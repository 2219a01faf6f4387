import { useState } from 'react';

import type { PendingSubmissionInfo } from '../../../shared/api/ticket-contract';
import { api } from '../../api/bridge';
import type { SubmitState } from './useSubmit';

function IssueLink({ issueKey, url }: { issueKey: string; url: string }) {
  const [note, setNote] = useState<string | null>(null);
  // Opened by the host after its allow-list check, never by the page itself: this is the typed
  // api call that asks the host, not Electron's shell.openExternal.
  const open = async () => {
    const result = await api.openExternal({ url }); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    if (!result.ok || !result.data.opened) setNote('This window cannot open links: copy the address instead.');
  };
  const copy = async () => {
    await navigator.clipboard.writeText(url).then(
      () => setNote('Address copied.'),
      () => setNote('Copying failed: select the address and copy it.'),
    );
  };
  return (
    <span className="ticket-issue-link">
      <button type="button" className="ticket-link" onClick={() => void open()}>
        Open {issueKey} in Jira
      </button>
      <code className="ticket-url">{url}</code>
      <button type="button" className="ghost" onClick={() => void copy()}>
        Copy link
      </button>
      {note && <span className="ticket-help">{note}</span>}
    </span>
  );
}

/** What the main button does now: submit, finish attaching, or nothing (the issue is done). */
function mainAction(state: SubmitState): { label: string; disabled: boolean } {
  if (state.kind === 'sending') return { label: 'Submitting…', disabled: true };
  if (state.kind === 'done' && state.result.state === 'created') {
    if (state.result.attachment === 'failed')
      return { label: `Attach the events to ${state.result.issueKey ?? 'the issue'}`, disabled: false };
    return { label: `Submitted as ${state.result.issueKey ?? 'an issue'}`, disabled: true };
  }
  return { label: 'Submit to Jira', disabled: false };
}

/** The submit button, what came of it, and submissions still waiting for the analyst. */
export function SubmitPanel(props: {
  state: SubmitState;
  pending: PendingSubmissionInfo[];
  blocked: string | null;
  onSubmit(): void;
  /** Starts another ticket once this one is created. */
  onNewTicket(): void;
  /** Jira's errors on fields that no form control shows, as [field id, message]. */
  unplacedErrors: Array<[string, string]>;
  onRetry(id: string, resend: boolean): void;
  onDiscard(id: string): void;
}) {
  const { state } = props;
  const action = mainAction(state);
  const created = state.kind === 'done' && state.result.state === 'created';
  return (
    <div className="ticket-submit">
      <div className="ticket-actions">
        <button type="button" className="primary" onClick={props.onSubmit} disabled={props.blocked !== null || action.disabled}>
          {action.label}
        </button>
        {created && (
          <button type="button" onClick={props.onNewTicket}>
            Start another ticket
          </button>
        )}
      </div>
      {props.blocked && <div className="ticket-help">{props.blocked}</div>}
      {state.kind === 'done' && (
        <div
          role="status"
          className={state.result.state === 'created' && state.result.attachment !== 'failed' ? 'ticket-ok' : 'banner banner-warning'}
        >
          {state.result.issueKey && <strong className="ticket-issue-key">{state.result.issueKey}</strong>} {state.result.message}{' '}
          {state.result.issueKey && state.result.issueUrl && <IssueLink issueKey={state.result.issueKey} url={state.result.issueUrl} />}
        </div>
      )}
      {state.kind === 'failed' && (
        <div role="alert" className="banner banner-error">
          {state.error.message}{' '}
          {/* The same submission again: after a lost answer the host continues it instead of creating a second issue. */}
          {props.blocked === null && (
            <button type="button" onClick={props.onSubmit}>
              Retry
            </button>
          )}
          {props.unplacedErrors.length > 0 && (
            <ul>
              {props.unplacedErrors.map(([fieldId, message]) => (
                <li key={fieldId}>
                  <code>{fieldId}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.pending.length > 0 && (
        <div className="ticket-pending">
          <h4>Waiting for you</h4>
          <ul>
            {props.pending.map((entry) => (
              <li key={entry.submissionId}>
                <span className="ticket-data">{entry.summary}</span>
                <span className="ticket-help">
                  {entry.stage === 'created'
                    ? ` ${entry.issueKey ?? ''} was created; its events are not attached yet.`
                    : ' Jira did not confirm this issue.'}
                  {entry.lastError ? ` ${entry.lastError}` : ''}
                </span>
                <div className="ticket-actions">
                  <button type="button" onClick={() => props.onRetry(entry.submissionId, false)}>
                    {entry.stage === 'created' ? 'Attach the events' : 'Look for it again'}
                  </button>
                  {entry.stage === 'creating' && (
                    <button type="button" onClick={() => props.onRetry(entry.submissionId, true)}>
                      It was not created: send again
                    </button>
                  )}
                  <button type="button" className="ghost" onClick={() => props.onDiscard(entry.submissionId)}>
                    Discard
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
