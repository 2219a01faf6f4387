import { isCredentialError } from '../../../shared/api/errors';
import type { RegionProgress } from '../../../shared/api/fetch-contract';
import { countWords } from '../../../shared/display/count-words';
import { visibleText } from '../../../shared/display/visible-text';
import { fetchedNothing } from './FetchFailed';
import { SourceProgressLine } from './SourceProgressLine';
import type { FetchSession } from './useFetchSession';

export interface FetchProgressProps {
  session: FetchSession;
  onCancel(): void;
  onResume(): void;
}

function eta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  return `${Math.ceil(seconds / 60)} min left`;
}

function RegionLine({ progress }: { progress: RegionProgress }) {
  const percent = Math.round(progress.covered * 100);
  return (
    <li className={`region-progress state-${progress.state}`} aria-label={`${progress.region}: ${progress.state}`}>
      <span className="region-name">{progress.region}</span>
      <progress max={100} value={percent} aria-label={`${progress.region} covered`} />
      <span className="region-numbers">
        {countWords(progress.events, 'event')} · {countWords(progress.pages, 'page')}
        {progress.rateLimitWaits + progress.throttled > 0 && ` · ${countWords(progress.rateLimitWaits + progress.throttled, 'rate-limit wait')}`}
        {progress.waitingOnRateLimit && ' · waiting on rate limit'}
        {progress.state === 'running' && progress.etaSeconds !== null && ` · ${eta(progress.etaSeconds)}`}
      </span>
      <span className="region-state">{progress.state}</span>
      {progress.error && (
        <span className="region-error" title={visibleText(progress.error.message)}>
          {visibleText(progress.error.message)}
        </span>
      )}
    </li>
  );
}

const stateText: Record<FetchSession['state'], string> = {
  idle: '',
  starting: 'Starting…',
  loading: 'Loading stored events…',
  queued: 'Queued',
  running: 'Fetching',
  done: 'Done',
  failed: 'Stopped by an error — the events that arrived are kept.',
  cancelled: 'Cancelled — the events that arrived are kept.',
};

/**
 * Per-region progress of the fetch, with Cancel while it runs, and after it stopped Resume (from
 * the stored cursors) or Retry (after a credential problem, or a fetch that never started).
 */
export function FetchProgress({ session, onCancel, onResume }: FetchProgressProps) {
  if (session.state === 'idle') return null;
  const running = session.state === 'running' || session.state === 'queued' || session.state === 'starting';
  const stopped = session.state === 'failed' || session.state === 'cancelled';
  const resumable = stopped && (session.fetchId !== null || session.query !== null);
  const codes = [session.error?.code, ...session.regions.map((region) => region.error?.code)];
  // After a credential problem the analyst fixes something outside Trailcase: the button says Retry.
  const retryWords = session.fetchId === null || codes.some(isCredentialError);
  // The host says done after its last page; Done waits until that page is on screen too.
  const settling = session.state === 'done' && !session.error && session.events.length < session.eventCount;
  return (
    <section className="fetch-progress" aria-label="Fetch progress">
      <div className="fetch-summary" role="status">
        <strong>{settling ? 'Receiving the last pages…' : stateText[session.state]}</strong>
        <span>{countWords(session.events.length, 'event')} received</span>
        {/* A region's failure is said on its own line; the summary says only what no region does. */}
        {session.error && !session.regions.some((region) => region.error?.message === session.error?.message) && (
          <span className="fetch-error">{visibleText(session.error.message)}</span>
        )}
        <span className="spacer" />
        {running && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {resumable && (
          <button type="button" className="primary" onClick={onResume}>
            {retryWords ? 'Retry' : 'Resume'}
          </button>
        )}
      </div>
      {session.sourceProgress && !fetchedNothing(session) && <SourceProgressLine progress={session.sourceProgress} running={running} />}
      {/* When nothing came, FetchFailed below says each region's reason once; no line per region here. */}
      {session.regions.length > 0 && !fetchedNothing(session) && (
        <ul className="region-list">
          {session.regions.map((progress) => (
            <RegionLine key={progress.region} progress={progress} />
          ))}
        </ul>
      )}
    </section>
  );
}
