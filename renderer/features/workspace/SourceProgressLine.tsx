import type { SourceProgress } from '../../../shared/api/fetch-contract';
import { countWords } from '../../../shared/display/count-words';
import { visibleText } from '../../../shared/display/visible-text';
import './source-progress.css';

const nouns: Record<SourceProgress['unit'], [string, string]> = {
  files: ['file', 'files'],
  objects: ['object', 'objects'],
  pages: ['page of results', 'pages of results'],
};

const sourceNames: Record<SourceProgress['kind'], string> = { files: 'Log files', s3: 'S3', athena: 'Athena' };

/** `12.4 MB`: bytes in the unit that keeps three digits or fewer. */
export function sizeText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Where LookupEvents shows a line per region, a source that reads the records shows one line:
 * files (objects, result pages) done of all, bytes read, events found, and each file that could
 * not be read, by name (text only: a file name is whatever the folder holds).
 */
export function SourceProgressLine({ progress, running }: { progress: SourceProgress; running: boolean }) {
  const [one, many] = nouns[progress.unit];
  const share = progress.total ? Math.min(1, progress.done / progress.total) : null;
  const done =
    progress.total === null ? countWords(progress.done, one, many) : `${progress.done.toLocaleString('en-US')} of ${countWords(progress.total, one, many)}`;
  const bytes = progress.bytes === null ? (progress.bytesDone > 0 ? sizeText(progress.bytesDone) : null) : `${sizeText(progress.bytesDone)} of ${sizeText(progress.bytes)}`;
  return (
    <div className="source-progress" data-testid="source-progress">
      <span className="region-name">{sourceNames[progress.kind]}</span>
      {share !== null && <progress max={100} value={Math.round(share * 100)} aria-label={`${sourceNames[progress.kind]}: ${many} read`} />}
      <span className="region-numbers">
        {done}
        {bytes && ` · ${bytes}`} · {countWords(progress.events, 'event')}
        {running && progress.phase && ` · ${visibleText(progress.phase)}`}
      </span>
      {progress.failed.length > 0 && (
        <details className="source-failed">
          <summary>{countWords(progress.failed.length, `${one} could not be read`, `${many} could not be read`)} (the others loaded)</summary>
          <ul>
            {progress.failed.slice(0, 50).map((failed) => (
              <li key={failed.name}>
                <span className="mono">{visibleText(failed.name)}</span>: {visibleText(failed.message)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
