import type { FlagGroupView } from '../../../shared/api/analysis-contract';
import { groupTail } from '../../../shared/baseline/groups';
import { shortResourceName } from '../../../shared/baseline/main-resource';
import { visibleText } from '../../../shared/display/visible-text';

const maxShown = 20;
const rank: Record<FlagGroupView['severity'], number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/**
 * Repeated flags as one line each ("UpdateFunctionConfiguration on billing-sync, 12 times,
 * 18 Nov – 1 Dec, routine for this identity"); routine groups de-emphasised, never hidden.
 */
export function FlagGroups({ groups }: { groups: readonly FlagGroupView[] }) {
  // What is not routine first, most severe first; routine groups last (shown, de-emphasised).
  const repeated = groups
    .filter((group) => group.count > 1)
    .sort((a, b) => Number(a.routine) - Number(b.routine) || rank[b.severity] - rank[a.severity] || b.count - a.count);
  if (repeated.length === 0) return null;
  return (
    <div className="flag-groups" aria-label="Repeated flags">
      <h3 className="flag-groups-title">Repeated flags</h3>
      <ul>
        {repeated.slice(0, maxShown).map((group) => (
          <li key={`${group.ruleId} ${group.eventName} ${group.resource}`} className={group.routine ? 'flag-group routine' : 'flag-group'}>
            <span className={`sev sev-${group.severity}`}>{group.severity}</span>{' '}
            <span className="mono">{visibleText(group.eventName)}</span>
            {group.resource && (
              <>
                {' on '}
                <span className="mono">{visibleText(shortResourceName(group.resource))}</span>
              </>
            )}
            {groupTail(group)}
            <span className="muted"> · {visibleText(group.title)}</span>
          </li>
        ))}
      </ul>
      {repeated.length > maxShown && <p className="muted">…and {(repeated.length - maxShown).toLocaleString('en-US')} more repeated flags.</p>}
    </div>
  );
}
