import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import type { FormValues } from '../investigation/form-model';
import { differenceMessage, formDifferences, identityOf, sourceName, sourcePlace, sourceText, spanOf, utcMinute } from './fetched-header';
import './fetched-header.css';

export interface FetchedHeaderProps {
  /** The query the events on screen were fetched with. */
  query: FetchQuery;
  /** The form as it is now, and the profile chosen in the page header. */
  values: FormValues;
  profile: string;
  /** The time the form's preset is read at (Date.now() in the app). */
  now: number;
}

/**
 * What the events below were fetched with (identity, range, regions, source, follow sessions),
 * fixed above the results, and a warning when the form now names something else: the events on
 * screen stay the fetched identity's until Fetch replaces them. Every value is shown as text.
 */
export function FetchedHeader({ query, values, profile, now }: FetchedHeaderProps) {
  const differences = formDifferences(query, values, profile, now);
  const regions = query.regions.join(', ');
  return (
    <section className="fetched-header" aria-label="Events on screen" data-testid="fetched-header">
      <dl className="fetched-facts">
        <div>
          <dt>Identity</dt>
          <dd className="mono">{visibleText(identityOf(query))}</dd>
        </div>
        <div>
          <dt>Range</dt>
          <dd>
            {utcMinute(query.start)} – {utcMinute(query.end)} UTC <span className="muted">({spanOf(query)})</span>
          </dd>
        </div>
        <div>
          <dt>Regions</dt>
          <dd title={regions}>
            {query.regions.length === 0 ? 'every region' : <>{query.regions.length} · <span className="fetched-regions">{regions}</span></>}
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd title={visibleText(sourceText(query))}>
            {sourceName(query)} · {sourcePlace(query) && <span className="mono">{visibleText(sourcePlace(query)!)} · </span>}profile{' '}
            <span className="mono">{visibleText(query.profile)}</span>
          </dd>
        </div>
        <div>
          <dt>Follow sessions</dt>
          <dd>{query.followSessions ? 'on' : 'off'}</dd>
        </div>
      </dl>
      <p className="fetched-differs" role="status">
        {differences.length > 0 ? visibleText(differenceMessage(query, values, differences)) : ''}
      </p>
    </section>
  );
}
