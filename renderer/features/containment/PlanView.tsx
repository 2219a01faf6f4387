import { prettyDocument } from '../../../shared/containment/render-plan';
import type { ActionPlan, ContainmentAction, ContainmentPlan, IamCall } from '../../../shared/containment/types';
import { visibleText } from '../../../shared/display/visible-text';

export const actionLabels: Record<ContainmentAction, string> = {
  'deactivate-keys': 'Deactivate access keys',
  'disable-console': 'Disable console password',
  'deny-all': 'Deny all (attach AWSDenyAll)',
  'revoke-sessions': 'Revoke active sessions',
};

const reversibilityLabels = { reversible: 'Can be undone', irreversible: 'Cannot be undone', partly: 'Partly undoable' } as const;

/** One IAM call exactly as it is sent: its API, each parameter, and a policy document in full. */
export function CallView({ call }: { call: IamCall }) {
  const params = Object.entries(call.params).filter(([name]) => name !== 'PolicyDocument');
  const document = call.params.PolicyDocument;
  return (
    <div className="contain-call" data-testid="contain-call">
      <code className="contain-api">{call.api}</code>
      <dl className="contain-params">
        {params.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <code>{visibleText(String(value))}</code>
            </dd>
          </div>
        ))}
      </dl>
      {typeof document === 'string' && (
        <pre className="contain-document" aria-label="PolicyDocument">
          {visibleText(prettyDocument(document), { keepLineBreaks: true })}
        </pre>
      )}
    </div>
  );
}

function ActionView({ action }: { action: ActionPlan }) {
  const { kind, how } = action.reversibility;
  return (
    <section className="contain-action" aria-label={actionLabels[action.action]}>
      <h3>
        {actionLabels[action.action]} <span className={`contain-badge contain-${kind}`}>{reversibilityLabels[kind]}</span>
      </h3>
      {action.calls.length === 0 ? <p className="contain-muted">No call.</p> : action.calls.map((call, index) => <CallView key={index} call={call} />)}
      {action.affects.map((text) => (
        <p key={text} className="contain-affects">
          <strong>Affects:</strong> {visibleText(text)}
        </p>
      ))}
      {action.notes.map((text) => (
        <p key={text} className="contain-note">
          {visibleText(text)}
        </p>
      ))}
      <p className="contain-undo-how">
        <strong>Undo:</strong> {visibleText(how)}
      </p>
      <p className="contain-muted">Recorded before acting: {action.recorded.join('; ')}.</p>
    </section>
  );
}

/** The plan of a run: who (by unique id), then each action's exact calls, what they affect and how undo goes. */
export function PlanView({ plan }: { plan: ContainmentPlan }) {
  const { identity } = plan;
  return (
    <div className="contain-plan" data-testid="contain-plan">
      <p className="contain-who">
        {identity.kind === 'user' ? 'User' : 'Role'} <strong>{visibleText(identity.name)}</strong>, unique id <code>{visibleText(identity.uniqueId)}</code>{' '}
        <span className="contain-muted">({visibleText(identity.arn)}), read at {plan.at}</span>
      </p>
      {plan.actions.map((action) => (
        <ActionView key={action.action} action={action} />
      ))}
    </div>
  );
}
