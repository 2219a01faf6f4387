import { ApiError } from '../../../shared/api/errors';
import { formatEvents } from '../../services/fetch/fetch-output';
import type { OutputFormat } from '../../services/fetch/fetch-output';
import { fetchLogFiles } from '../../services/sources/log-files/log-files-source';
import type { LogFilesProgress } from '../../services/sources/log-files/log-files-source';
import type { LogFilter } from '../../services/sources/log-files/log-query';
import { ExitCode } from '../exit-codes';
import { outputTarget, writeOutput } from '../output-target';
import { printErr } from '../terminal-output';
import type { AthenaOptions } from './fetch-athena';
import type { S3Options } from './fetch-s3';

/** The options of `fetch` that a non-lookup source reads. */
export interface SourceOptions {
  source: string;
  region: string[];
  user?: string;
  accessKeyId?: string;
  ip?: string;
  since?: number;
  start?: string;
  end?: string;
  out?: string;
  format: OutputFormat;
}

/** `--ip` is a pivot the lookup source cannot make: refused before any credential is read. */
export function checkLookupOptions(options: { ip?: string }): void {
  if (options.ip !== undefined)
    throw new ApiError(
      'BAD_INPUT',
      'LookupEvents cannot filter by source address: --ip needs --source with a folder or file of CloudTrail log files.',
    );
}

export function filterOf(options: SourceOptions): LogFilter {
  const given = [options.user, options.accessKeyId, options.ip].filter((value) => value !== undefined);
  if (given.length !== 1) throw new ApiError('BAD_INPUT', 'Give exactly one of --user NAME, --access-key-id ID or --ip ADDR.');
  if (options.user !== undefined) return { kind: 'user', userName: options.user };
  if (options.accessKeyId !== undefined) return { kind: 'accessKey', accessKeyId: options.accessKeyId };
  return { kind: 'ip', address: options.ip! };
}

/** The range in epoch ms; without --since or --start/--end, log files are read for every date. */
export function rangeOf(options: SourceOptions): { start: number; end: number } {
  if ((options.start || options.end) && options.since)
    throw new ApiError('BAD_INPUT', 'Use either --since or --start and --end, not both.');
  if (Boolean(options.start) !== Boolean(options.end)) throw new ApiError('BAD_INPUT', '--start and --end go together.');
  if (options.since) return { start: Date.now() - options.since, end: Date.now() };
  if (!options.start) return { start: 0, end: 8.64e15 };
  const [start, end] = [Date.parse(options.start), Date.parse(options.end!)];
  if (Number.isNaN(start) || Number.isNaN(end) || start > end)
    throw new ApiError('BAD_INPUT', '--start and --end must be ISO 8601 times, the start first.');
  return { start, end };
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const progressLine = (p: LogFilesProgress) => `Files ${p.filesDone}/${p.files}, ${mb(p.bytesDone)} of ${mb(p.bytes)}, ${p.events} event(s)`;

/**
 * `fetch --source FOLDER|FILE`: the records of CloudTrail log files, written as the lookup source
 * writes them. Files that cannot be read are named on stderr and the exit code says the result is
 * partial (4); Ctrl+C stops reading and writes what arrived (4).
 */
export async function runSourceFetch(options: SourceOptions & AthenaOptions & S3Options): Promise<number> {
  // Loaded only for their sources: their SDK clients would cost a local fetch's start.
  if (options.source.startsWith('athena:')) return (await import('./fetch-athena')).runAthenaFetch(options);
  if (options.source.startsWith('s3://')) return (await import('./fetch-s3')).runS3Fetch(options);
  const filter = filterOf(options);
  if (options.region.length) {
    // The schemas (zod) load only when there are regions to check: a tenth of a local fetch's start.
    const { Region } = await import('../../../shared/api/primitives');
    const bad = options.region.find((region) => !Region.safeParse(region).success);
    if (bad) throw new ApiError('BAD_INPUT', `--region ${bad} is not an AWS region such as us-east-1.`);
  }
  const range = rangeOf(options);
  await outputTarget(options.out);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let shown = 0;
  const result = await fetchLogFiles(
    options.source,
    { filter, ...range, regions: options.region },
    {
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.filesDone < progress.files && Date.now() - shown < 500) return;
        shown = Date.now();
        printErr(`${progressLine(progress)}\n`);
      },
    },
  ).finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  const { text, skipped } = formatEvents(result.events, options.format);
  await writeOutput(options.out, text);
  for (const failed of result.failed) printErr(`warning: ${failed.path} could not be read and is left out: ${failed.message}\n`);
  if (skipped > 0)
    printErr(`warning: ${skipped} event(s) were not valid JSON and are left out of the records; --format ndjson keeps them.\n`);
  const pruned = result.foldersSkipped ? `, ${result.foldersSkipped} folder(s) outside the regions or dates skipped` : '';
  printErr(`${result.events.length} event(s) from ${result.files} file(s)${pruned}${result.cancelled ? ': cancelled' : ''}\n`);
  if (result.cancelled) return ExitCode.interrupted;
  if (result.failed.length) return result.failed.length < result.files ? ExitCode.interrupted : ExitCode.failed;
  return ExitCode.done;
}
