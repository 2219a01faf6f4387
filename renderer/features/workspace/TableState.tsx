import type { InvestigationSummary } from '../../../shared/api/investigation-contract';
import { visibleText } from '../../../shared/display/visible-text';

export type TableStateProps =
  | { kind: 'idle'; recent: InvestigationSummary[]; total?: number; onOpenRecent(id: string): void; onShowAll?(): void }
  | { kind: 'waiting' | 'none' | 'filtered'; filtering: boolean; onClearFilters(): void };

/** What the events area says when there is nothing to list, and what to do next. */
export function TableState(props: TableStateProps) {
  if (props.kind === 'idle') {
    return (
      <section className="empty-state">
        <h1>Investigate an AWS identity</h1>
        <p>Name a user, role session or access key above, pick regions and a time range, then press Fetch events. Events appear in every view as they arrive.</p>
        <p className="muted">No AWS account at hand? Choose the demo profile and investigate user jmorales.</p>
        {props.recent.length > 0 && (
          <div className="recent-card">
            <h2>Continue a recent investigation</h2>
            <ul>
              {props.recent.map((item) => (
                <li key={item.id}>
                  <span>{visibleText(item.name)}</span>
                  <button type="button" onClick={() => props.onOpenRecent(item.id)} aria-label={`Open ${visibleText(item.name)}`}>
                    Open
                  </button>
                </li>
              ))}
            </ul>
            {props.onShowAll && (
              <button type="button" className="ghost" onClick={props.onShowAll}>
                All investigations ({(props.total ?? props.recent.length).toLocaleString('en-US')})…
              </button>
            )}
          </div>
        )}
      </section>
    );
  }
  if (props.kind === 'waiting') {
    return (
      <div className="table-state" role="status">
        <span className="spinner" aria-hidden="true" /> Waiting for the first page of events…
      </div>
    );
  }
  if (props.kind === 'none') {
    return (
      <div className="table-state" role="status">
        No events for this identity in these regions and time range. Try a longer range, more regions, or check the identity's spelling.
      </div>
    );
  }
  return (
    <div className="table-state" role="status">
      No events match the filters.
      {props.filtering && (
        <button type="button" onClick={props.onClearFilters}>
          Clear all filters
        </button>
      )}
    </div>
  );
}
