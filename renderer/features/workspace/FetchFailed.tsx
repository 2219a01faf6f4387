import { visibleText } from '../../../shared/display/visible-text';
import type { FetchSession } from './useFetchSession';

/** A fetch that stopped with nothing: it failed (or every region did) before any event came. */
export function fetchedNothing(session: FetchSession): boolean {
  if (session.events.length > 0) return false;
  if (session.state === 'failed') return true;
  return session.regions.length > 0 && session.regions.every((region) => region.state === 'failed');
}

export interface FetchFailedProps {
  session: FetchSession;
  onRetry(): void;
}

/**
 * Said in place of "No events" when nothing could be fetched: an empty table would read as an
 * identity that did nothing. Each region's reason is the service's text, shown as text only.
 */
export function FetchFailed({ session, onRetry }: FetchFailedProps) {
  const failed = session.regions.filter((region) => region.error);
  const answered = session.regions.filter((region) => region.state === 'done').map((region) => region.region);
  return (
    <section className="fetch-failed" role="alert" aria-labelledby="fetch-failed-title" data-testid="fetch-failed">
      <h2 id="fetch-failed-title">{answered.length === 0 ? 'Nothing could be fetched' : 'Some regions could not be fetched'}</h2>
      <p>
        {answered.length === 0
          ? 'No region answered, so this says nothing about what the identity did. Why:'
          : `${answered.join(', ')} answered with no events; the others could not be read, so this says nothing about them. Why:`}
      </p>
      <ul>
        {failed.map((region) => (
          <li key={region.region}>
            <span className="region-name">{region.region}</span>: {visibleText(region.error?.message ?? '')}
          </li>
        ))}
        {failed.length === 0 && <li>{visibleText(session.error?.message ?? 'The fetch stopped before any region answered.')}</li>}
      </ul>
      {/* Named apart from the progress bar's Retry: both start the same resume. */}
      <button type="button" className="primary" onClick={onRetry}>
        Retry the fetch
      </button>
    </section>
  );
}
