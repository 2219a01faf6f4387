import type { IdentityReportData } from '../../../shared/api/iam-contract';
import { statementLabel } from './identity-format';

const categoryNames: Record<string, string> = {
  'privilege-escalation': 'Privilege escalation',
  'credential-exposure': 'Credential exposure',
  'resource-exposure': 'Resource exposure',
  'data-access': 'Data access without resource limits',
};

/** What the identity can still do: admin equivalence first, then each risky permission with the statements that grant it. */
export function RiskList({ risk, usage }: Pick<IdentityReportData, 'risk' | 'usage'>) {
  const none = risk.admin.length === 0 && risk.findings.length === 0;
  return (
    <div className="identity-risk">
      <h4>Risky permissions</h4>
      {none && <p className="muted">None found in the policies read.</p>}
      <ul className="identity-risk-list">
        {risk.admin.map((ref) => (
          <li key={`admin-${ref.policy}-${ref.index}`} data-testid="identity-risk">
            <span className="sev sev-critical">critical</span> <strong>Administrator</strong>: allows every action on every resource
            <div className="identity-grant">granted by {statementLabel(ref)}</div>
          </li>
        ))}
        {risk.findings.map((finding) => (
          <li key={finding.id} data-testid="identity-risk">
            <span className={`sev sev-${finding.severity}`}>{finding.severity}</span> <span className="muted">{categoryNames[finding.category] ?? finding.category}:</span> {finding.title}
            <ul className="identity-grants">
              {finding.grants.slice(0, 8).map((grant) => (
                <li key={grant.action} className="identity-grant">
                  <code>{grant.action}</code> ← {grant.grantedBy.map(statementLabel).join('; ')}
                  {grant.conditional && <span className="muted"> (only under a condition)</span>}
                  {grant.limitedBy.length > 0 && <span className="muted"> (limited by {grant.limitedBy.map((ref) => ref.policy).join(', ')})</span>}
                </li>
              ))}
              {finding.grants.length > 8 && <li className="muted">… and {finding.grants.length - 8} more actions</li>}
            </ul>
          </li>
        ))}
      </ul>
      <p className="identity-usage">
        Services granted: {usage.granted.length}; used: {usage.used.length}
        {usage.used.length > 0 && ` (${usage.used.join(', ')})`}.
        {usage.neverUsed.length > 0 && (
          <>
            {' '}
            Granted but never used: {usage.neverUsed.slice(0, 25).join(', ')}
            {usage.neverUsed.length > 25 && `, and ${usage.neverUsed.length - 25} more`}.
          </>
        )}
      </p>
    </div>
  );
}
