import { ApiError, isCredentialError } from '../../../shared/api/errors';
import { Region } from '../../../shared/api/primitives';
import { formatEvents } from '../../services/fetch/fetch-output';
import { fetchS3Logs } from '../../services/sources/s3/s3-source';
import type { S3Progress } from '../../services/sources/s3/s3-source';
import { createCliContext } from '../cli-context';
import { ExitCode, exitCodeFor } from '../exit-codes';
import { outputTarget, writeOutput } from '../output-target';
import { printErr } from '../terminal-output';
import type { SourceOptions } from './fetch-source';
import { filterOf, rangeOf } from './fetch-source';

/** The options of `fetch` the S3 source reads besides the common ones. */
export interface S3Options {
  profile?: string;
  cacheDir?: string;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function progressLine(progress: S3Progress): string {
  if (progress.phase === 'listing') return `Listed ${progress.prefixes} prefix(es): ${progress.objects} log file(s), ${mb(progress.bytes)}`;
  if (progress.phase === 'downloading')
    return `Objects ${progress.objectsDone}/${progress.objects} (${progress.cached} from the cache), ${mb(progress.bytesDone)} of ${mb(progress.bytes)}`;
  return `Files ${progress.filesDone}/${progress.files}, ${mb(progress.bytesDone)} of ${mb(progress.bytes)}, ${progress.events} event(s)`;
}

/** Progress at most twice a second, and always each phase's last line (the listing's totals, all objects, all files). */
function createProgressPrinter() {
  let shown = 0;
  let skipped: S3Progress | null = null;
  let phase = '';
  return (progress: S3Progress) => {
    if (progress.phase !== phase && skipped) printErr(`${progressLine(skipped)}\n`);
    skipped = null;
    const last =
      (progress.phase === 'downloading' && progress.objectsDone === progress.objects) || (progress.phase === 'reading' && progress.filesDone === progress.files);
    if (progress.phase === phase && !last && Date.now() - shown < 500) {
      skipped = progress;
      return;
    }
    shown = Date.now();
    phase = progress.phase;
    printErr(`${progressLine(progress)}\n`);
  };
}

/**
 * `fetch --source s3://BUCKET/PREFIX`: a trail's log files straight from its bucket, written as
 * the folder source writes them. Objects are kept in the cache folder, so a second question, or a
 * rerun after Ctrl+C, downloads only what is missing. The first Ctrl+C stops listing and downloads
 * and reads what arrived (exit 4); a second one stops that reading too.
 */
export async function runS3Fetch(options: SourceOptions & S3Options): Promise<number> {
  const filter = filterOf(options);
  const bad = options.region.find((region) => !Region.safeParse(region).success);
  if (bad) throw new ApiError('BAD_INPUT', `--region ${bad} is not an AWS region such as us-east-1.`);
  const range = rangeOf(options);
  await outputTarget(options.out);
  if (!options.since && !options.start)
    printErr('No --since or --start/--end: every date under the prefix is listed and downloaded (the cache keeps them for the next question).\n');
  const ctx = createCliContext(options.cacheDir ? { cacheDir: options.cacheDir } : {});
  const profile = options.profile ?? ctx.env.AWS_PROFILE ?? (ctx.env.AWS_ACCESS_KEY_ID ? 'environment' : 'default');
  const stop = new AbortController();
  const stopReading = new AbortController();
  const onSignal = () => (stop.signal.aborted ? stopReading.abort() : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const result = await fetchS3Logs(
    options.source,
    { filter, ...range, regions: options.region },
    { profile, env: ctx.env, askMfaCode: ctx.askMfaCode, cacheDir: ctx.cacheDir, signal: stop.signal, stopReading: stopReading.signal, onProgress: createProgressPrinter() },
  ).finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  const { text, skipped } = formatEvents(result.events, options.format);
  await writeOutput(options.out, text);
  for (const failed of result.failed) printErr(`warning: ${failed.path} could not be read and is left out: ${failed.message}\n`);
  if (skipped > 0) printErr(`warning: ${skipped} event(s) were not valid JSON and are left out of the records; --format ndjson keeps them.\n`);
  printErr(
    `${result.events.length} event(s) from ${result.files} file(s) of ${result.objects} object(s) (${result.downloaded} downloaded, ${mb(result.bytesDownloaded)}; ${result.cached} from the cache)${result.cancelled ? ': cancelled' : ''}\n`,
  );
  if (result.error) {
    printErr(`trailcase: ${result.error.message}\n`);
    if (isCredentialError(result.error.code)) return ExitCode.credentials;
    return result.downloaded + result.cached > 0 ? ExitCode.interrupted : exitCodeFor(result.error.code);
  }
  if (result.cancelled) return ExitCode.interrupted;
  if (result.failed.length) return result.failed.length < result.objects ? ExitCode.interrupted : ExitCode.failed;
  return ExitCode.done;
}
