import { useState } from 'react';

import { sourceOf } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { CreateTableOffer, tableTargetOf } from '../athena/AthenaProblem';
import type { FetchSession } from './useFetchSession';

/** A fetch that stopped with nothing: it failed (or every region did) before any event came. */
export function fetchedNothing(session: FetchSession): boolean {
  if (session.events.length > 0) return false;
  if (session.state === 'failed') return true;
  return session.regions.length > 0 && session.regions.every((region) => region.state === 'failed');
}

/**
 * Each distinct reason once, with the regions that gave it: with every region searched, one
 * denied permission would otherwise be said seventeen times. A region's own name in its message
 * reads "these regions" once grouped.
 */
export function reasonsOf(session: FetchSession): { regions: string[]; message: string }[] {
  const groups = new Map<string, string[]>();
  for (const { region, error } of session.regions) {
    if (!error) continue;
    const key = error.message.split(region).join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), region]);
  }
  return [...groups].map(([key, regions]) => ({
    regions,
    message: regions.length === 1 ? key.split('\u0000').join(regions[0]!) : key.split('\u0000').join('these regions'),
  }));
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
  const [created, setCreated] = useState<string | null>(null);
  // The Athena table went missing after the estimate (the estimate offers the same): it can be created here.
  const missingTable = session.error?.fields?.['source.table'] === 'missing' && session.query ? tableTargetOf(session.query) : null;
  const failed = reasonsOf(session);
  const answered = session.regions.filter((region) => region.state === 'done').map((region) => region.region);
  return (
    <section className="fetch-failed" role="alert" aria-labelledby="fetch-failed-title" data-testid="fetch-failed">
      <h2 id="fetch-failed-title">{answered.length === 0 ? 'Nothing could be fetched' : 'Some regions could not be fetched'}</h2>
      <p>
        {session.query && sourceOf(session.query).kind !== 'lookup'
          ? 'The source could not be read, so this says nothing about what the identity did. Why:'
          : answered.length === 0
          ? 'No region answered, so this says nothing about what the identity did. Why:'
          : `${answered.join(', ')} answered with no events; the others could not be read, so this says nothing about them. Why:`}
      </p>
      <ul>
        {failed.map(({ regions, message }) => (
          <li key={regions.join()}>
            <span className="failed-regions">{regions.join(', ')}</span>: {visibleText(message)}
          </li>
        ))}
        {failed.length === 0 && <li>{visibleText(session.error?.message ?? 'The fetch stopped before any region answered.')}</li>}
      </ul>
      {/* Named apart from the progress bar's Retry: both start the same resume. */}
      <button type="button" className="primary" onClick={onRetry}>
        Retry the fetch
      </button>
      {missingTable && !created && <CreateTableOffer target={missingTable} onCreated={setCreated} />}
      {created && (
        <p role="status" className="athena-cost-note">
          Created {visibleText(created)}. Fetch events checks the scan&apos;s cost first, then runs the query.
        </p>
      )}
    </section>
  );
}
