import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import type { FormValues } from '../investigation/form-model';
import { differenceMessage, followsSessions, formDifferences, identityOf, placeLabel, shortPlace, sourceName, sourcePlace, spanOf, utcMinute } from './fetched-header';
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
 * What the events below were fetched with (identity, range, regions, the source and where it is:
 * the folder, the s3:// URL or the Athena table; follow sessions for LookupEvents, the only source
 * that follows them), fixed above the results, and a warning when the form now names something
 * else: the events on screen stay the fetched identity's until Fetch replaces them. Every value is
 * shown as text.
 */
export function FetchedHeader({ query, values, profile, now }: FetchedHeaderProps) {
  const differences = formDifferences(query, values, profile, now);
  const regions = query.regions.join(', ');
  const place = sourcePlace(query);
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
          <dd>
            {sourceName(query)} · profile <span className="mono">{visibleText(query.profile)}</span>
          </dd>
        </div>
        {place !== null && (
          <div>
            <dt>{placeLabel(query)}</dt>
            <dd className="mono fetched-place" title={visibleText(place)}>
              {shortPlace(visibleText(place))}
            </dd>
          </div>
        )}
        {followsSessions(query) && (
          <div>
            <dt>Follow sessions</dt>
            <dd>{query.followSessions ? 'on' : 'off'}</dd>
          </div>
        )}
      </dl>
      <p className="fetched-differs" role="status">
        {differences.length > 0 ? visibleText(differenceMessage(query, values, differences)) : ''}
      </p>
    </section>
  );
}
