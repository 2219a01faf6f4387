import { useMemo } from 'react';
import type { ReactNode } from 'react';

import type { IdentityReportData } from '../../../shared/api/iam-contract';
import type { IdentityContext } from '../../../shared/iam/types';
import { api } from '../../api/bridge';
import { DeletionAudit } from './DeletionAudit';
import { IdentityFacts } from './IdentityFacts';
import { RiskList } from './RiskList';
import { useIamCall } from './useIamCall';
import './identity.css';

export interface IdentityPanelProps {
  profile: string;
  /** The IAM user the investigation is about (null when it is about an access key). */
  userName: string | null;
  /** The access key the investigation is about: a long-term key's user is read. */
  accessKeyId?: string | null;
  /** The fetched events' eventSource values (they count as used services); null while events still arrive. */
  eventSources: string[] | null;
  /** Controls for the identity read (containment's button), shown in the panel's header. */
  renderActions?: (context: IdentityContext) => ReactNode;
}

/**
 * Beside the events: who the identity is in IAM and what it can still do. Read-only; a quarantine
 * policy comes first, then what the profile may not read, then the facts and the risky permissions.
 */
export function IdentityPanel({ profile, userName, accessKeyId = null, eventSources, renderActions }: IdentityPanelProps) {
  const sources = useMemo(
    () => (eventSources ? [...new Set(eventSources.map((source) => source.toLowerCase()))].filter((source) => /^[\w.-]+$/.test(source)).slice(0, 500).sort() : null),
    [eventSources],
  );
  // Read once the events are in: their services are part of the question.
  // A long-term key (AKIA…) names its user; a temporary one (ASIA…) belongs to a session.
  const target = userName ? { kind: 'user' as const, name: userName } : accessKeyId?.startsWith('AKIA') ? { kind: 'accessKey' as const, name: accessKeyId } : null;
  const key = target && profile && sources ? `${profile}|${target.kind}|${target.name}|${sources.join(',')}` : null;
  const { state, reload } = useIamCall<IdentityReportData>(key, () => api.iamIdentity({ profile, kind: target!.kind, name: target!.name, eventSources: sources ?? [] }));
  const shownName = state.status === 'ready' ? state.data.context.name : userName;
  const now = Date.now();
  return (
    <section className="identity-panel" aria-label="IAM context" data-testid="identity-panel">
      <div className="identity-head">
        <h3>
          Identity{shownName ? `: user ${shownName}` : ''}
          {target?.kind === 'accessKey' && ` (key ${target.name})`}
        </h3>
        {state.status === 'ready' && <span className="muted">{state.data.context.id} · read {state.data.context.readAt.slice(11, 16)} UTC</span>}
        <div className="header-spacer" />
        {state.status === 'ready' && renderActions?.(state.data.context)}
        {target && (
          <button type="button" className="ghost" onClick={reload} disabled={state.status === 'loading'}>
            Read IAM again
          </button>
        )}
      </div>
      {target && !sources && <p className="muted">IAM is read once the fetch has finished.</p>}
      {!target && <p className="muted">A temporary key (ASIA…) belongs to a session, not to an IAM user: investigate the user or role that made it.</p>}
      {state.status === 'loading' && <p role="status">Reading IAM (the services-last-accessed job can take a few seconds)…</p>}
      {state.status === 'failed' && (
        <p role="alert" className="banner banner-error">
          {state.error.message}
        </p>
      )}
      {state.status === 'failed' && state.error.code === 'NOT_FOUND' && userName && <DeletionAudit profile={profile} userName={userName} />}
      {state.status === 'ready' && <IdentityBody report={state.data} now={now} />}
    </section>
  );
}

function IdentityBody({ report, now }: { report: IdentityReportData; now: number }) {
  const { context } = report;
  const quarantine = context.policies.filter((policy) => policy.quarantine);
  return (
    <>
      {quarantine.map((policy) => (
        <p key={policy.name} role="alert" className="banner banner-error identity-quarantine">
          <strong>{policy.name}</strong> is attached: AWS attaches it when it finds this identity&apos;s access key exposed.
        </p>
      ))}
      {context.gaps.length > 0 && (
        <ul className="identity-gaps" aria-label="Not read">
          {context.gaps.map((gap) => (
            <li key={gap.action}>{gap.reason === 'not-allowed' ? `Not allowed for this profile: ${gap.action}` : gap.message}</li>
          ))}
        </ul>
      )}
      <div className="identity-body">
        <IdentityFacts context={context} now={now} />
        <RiskList risk={report.risk} usage={report.usage} />
      </div>
    </>
  );
}
