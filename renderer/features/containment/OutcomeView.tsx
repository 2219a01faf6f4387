import type { ContainmentOutcome } from '../../../shared/containment/schemas';
import { visibleText } from '../../../shared/display/visible-text';
import { CallView } from './PlanView';

const callWords = { ok: 'Done', failed: 'Failed', unknown: 'No answer (may have happened)' } as const;
const statusWords = { done: 'Done', failed: 'Stopped at a failed call', refused: 'Refused: nothing was changed' } as const;

/**
 * What a run or an undo did: each call with its outcome, what was read back afterwards (keys,
 * password, attached policies, SimulatePrincipalPolicy's decision), and the record id.
 */
export function OutcomeView({ outcome }: { outcome: ContainmentOutcome }) {
  const verified = outcome.checks.length > 0 && outcome.checks.every((check) => check.ok);
  const title = outcome.kind === 'undo' ? 'Undo' : 'Containment';
  return (
    <section className="contain-outcome" data-testid={outcome.kind === 'undo' ? 'contain-undo-outcome' : 'contain-outcome'} aria-label={`${title} outcome`}>
      <h3>
        {title}: {statusWords[outcome.status]}
        {outcome.status === 'done' && <span className={`contain-badge ${verified ? 'contain-reversible' : 'contain-irreversible'}`}>{verified ? 'Verified' : 'Not verified'}</span>}
      </h3>
      {outcome.message && (
        <p role="alert" className="contain-error">
          {visibleText(outcome.message)}
        </p>
      )}
      {outcome.calls.length > 0 && (
        <ol className="contain-sent">
          {outcome.calls.map((logged) => (
            <li key={logged.seq}>
              <CallView call={logged.call} />
              <span className={`contain-call-outcome contain-call-${logged.outcome}`}>{callWords[logged.outcome]}</span>
              {logged.error && <span className="contain-error"> {visibleText(`${logged.error.code}: ${logged.error.message}`)}</span>}
            </li>
          ))}
        </ol>
      )}
      {outcome.checks.length > 0 && (
        <>
          <h4>{outcome.kind === 'undo' ? 'Compared with the state before the run' : 'Read back from IAM'}</h4>
          <ul className="contain-checks" data-testid="contain-checks">
            {outcome.checks.map((check, index) => (
              <li key={index} className={check.ok ? 'contain-check-ok' : 'contain-check-failed'}>
                <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span> {check.ok ? '' : 'Not as meant: '}
                {visibleText(check.detail)}
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.newPassword && (
        <p className="contain-password">
          New console password, shown once and never stored (the user must change it at sign-in): <code>{outcome.newPassword}</code>
        </p>
      )}
      <p className="contain-muted">
        Record <code data-testid="contain-record-id">{outcome.id}</code>
        {outcome.undoCommand && (
          <>
            {' '}
            · from a terminal: <code>{outcome.undoCommand}</code>
          </>
        )}
      </p>
    </section>
  );
}
