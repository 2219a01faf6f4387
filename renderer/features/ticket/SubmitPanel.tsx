import type { PendingSubmissionInfo } from '../../../shared/api/ticket-contract';
import { api } from '../../api/bridge';
import type { SubmitState } from './useSubmit';

function IssueLink({ issueKey, url }: { issueKey: string; url: string }) {
  // Opened by the host after its allow-list check, never by the page itself: this is the typed
  // api call that asks the host, not Electron's shell.openExternal.
  const open = () => void api.openExternal({ url }); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return (
    <button type="button" className="ticket-link" onClick={open}>
      Open {issueKey} in Jira
    </button>
  );
}

/** The submit button, what came of it, and submissions still waiting for the analyst. */
export function SubmitPanel(props: {
  state: SubmitState;
  pending: PendingSubmissionInfo[];
  blocked: string | null;
  onSubmit(): void;
  onRetry(id: string, resend: boolean): void;
  onDiscard(id: string): void;
}) {
  const { state } = props;
  return (
    <div className="ticket-submit">
      <button type="button" className="primary" onClick={props.onSubmit} disabled={props.blocked !== null || state.kind === 'sending'}>
        {state.kind === 'sending' ? 'Submitting…' : 'Submit to Jira'}
      </button>
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
          {state.error.message}
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
