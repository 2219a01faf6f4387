import { ApiError } from '../../../shared/api/errors';
import { Region } from '../../../shared/api/primitives';
import { createCredentialCache } from '../../services/aws/credentials';
import { formatEvents } from '../../services/fetch/fetch-output';
import { connectAthena } from '../../services/sources/athena/athena-connection';
import type { AthenaConnection } from '../../services/sources/athena/athena-connection';
import { toAthenaApiError } from '../../services/sources/athena/athena-errors';
import { parseAthenaSource, partitionDays } from '../../services/sources/athena/athena-sql';
import { fetchAthena } from '../../services/sources/athena/athena-source';
import type { AthenaFetchRequest, AthenaProgress } from '../../services/sources/athena/athena-source';
import { costOf, DEFAULT_MAX_COST_USD, describeCost } from '../../services/sources/athena/cost-estimate';
import { tableCreation } from '../../services/sources/athena/table-create';
import { createCliContext } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { outputTarget, writeOutput } from '../output-target';
import { printErr, printOut } from '../terminal-output';
import type { SourceOptions } from './fetch-source';
import { filterOf, rangeOf } from './fetch-source';

/** The options of `fetch` that the Athena source reads besides the common ones. */
export interface AthenaOptions {
  profile?: string;
  athenaWorkgroup?: string;
  athenaOutput?: string;
  athenaMaxCost?: number;
  athenaCreateTable?: string;
  athenaQueryId?: string;
  athenaCleanup?: boolean;
  yes?: boolean;
}

const WEEK_MS = 7 * 86_400_000;

function progressLine(progress: AthenaProgress, yes: boolean, maxCost: number): string {
  if (progress.kind === 'estimate') {
    const { estimate } = progress;
    const over = estimate.usd > maxCost ? ` — above --athena-max-cost $${maxCost.toFixed(2)}${yes ? ', accepted with --yes' : ''}` : '';
    const none = estimate.objects ? '' : " — no log files in those days' folders: check the range, and the table's storage.location.template";
    return `Estimated scan: ${describeCost(estimate)} (${estimate.objects} object(s) in ${estimate.partitions} daily partition(s))${over}${none}\n`;
  }
  if (progress.kind === 'started') return `Athena query ${progress.queryId} started (read its results again with --athena-query-id ${progress.queryId})\n`;
  if (progress.kind === 'state') return `Query ${progress.state}\n`;
  return `Rows ${progress.rows}\n`;
}

/**
 * `fetch --source athena:DATABASE.TABLE`: one identity's records through Athena, written as the
 * other sources write them. The estimated cost is shown before the query runs, and above
 * --athena-max-cost it runs only with --yes; Ctrl+C stops the query (StopQueryExecution) or the
 * paging and writes what arrived (exit 4). `--athena-create-table LOCATION` shows the DDL and runs
 * it only with --yes; `--athena-query-id ID` reads an earlier execution's results again.
 */
export async function runAthenaFetch(options: SourceOptions & AthenaOptions): Promise<number> {
  const target = parseAthenaSource(options.source);
  const ctx = createCliContext();
  const profile = options.profile ?? ctx.env.AWS_PROFILE ?? (ctx.env.AWS_ACCESS_KEY_ID ? 'environment' : 'default');
  const place = { workgroup: options.athenaWorkgroup ?? 'primary', ...(options.athenaOutput ? { outputLocation: options.athenaOutput } : {}) };
  if (options.athenaOutput && !/^s3:\/\/[^/]+/.test(options.athenaOutput)) throw new ApiError('BAD_INPUT', '--athena-output must be an s3://BUCKET/PREFIX/ location.');
  const bad = options.region.find((region) => !Region.safeParse(region).success);
  if (bad) throw new ApiError('BAD_INPUT', `--region ${bad} is not an AWS region such as us-east-1.`);
  const creation = options.athenaCreateTable ? tableCreation({ ...target, location: options.athenaCreateTable }) : null;
  if (creation) {
    await printOut(`${creation.ddl};\n`);
    if (!options.yes) {
      printErr('The table was not created: run again with --yes to create it with this statement.\n');
      return ExitCode.usage;
    }
  }
  const filter = creation ? null : filterOf(options);
  const range = options.since || options.start || options.end ? rangeOf(options) : { start: Date.now() - WEEK_MS, end: Date.now() };
  if (!creation) await outputTarget(options.out);
  const credentials = createCredentialCache({ env: ctx.env, askMfaCode: ctx.askMfaCode });
  // Ctrl+C stops the fetch from here on, even while the credentials are being resolved.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const maxCost = options.athenaMaxCost ?? DEFAULT_MAX_COST_USD;
  let connection: AthenaConnection | null = null;
  try {
    // S3 lists the partitions for the estimate and removes the results; a DDL or a plain resume needs neither.
    const s3 = !creation && !(options.athenaQueryId && !options.athenaCleanup);
    printErr(`Getting credentials for profile "${profile}"…\n`);
    connection = await connectAthena(profile, { env: ctx.env, credentials, s3, signal: stop.signal }).catch((error: unknown) => {
      if (stop.signal.aborted) throw new ApiError('CANCELLED', 'The Athena fetch was cancelled before it started.');
      throw error;
    });
    if (creation) {
      const queryId = await creation.create(connection.athena, place, stop.signal);
      printErr(`Created ${target.database}.${target.table} (Athena query ${queryId}).\n`);
      return ExitCode.done;
    }
    const days = partitionDays(range);
    if (!options.athenaQueryId) printErr(`Athena ${target.database}.${target.table}: partitions ${days[0]} to ${days.at(-1)} (${days.length} day(s))\n`);
    const request: AthenaFetchRequest = {
      target,
      filter: filter!,
      ...range,
      regions: options.region,
      place,
      cleanup: Boolean(options.athenaCleanup),
      ...(options.athenaQueryId ? { queryId: options.athenaQueryId } : {}),
    };
    const result = await fetchAthena(request, {
      ...connection,
      confirmCost: (estimate) => {
        if (estimate.usd <= maxCost || options.yes) return true;
        printErr(`The query would scan ${describeCost(estimate)}, above --athena-max-cost $${maxCost.toFixed(2)}: run again with --yes to accept it, or narrow --start/--end.\n`);
        return false;
      },
      signal: stop.signal,
      onProgress: (progress) => printErr(progressLine(progress, Boolean(options.yes), maxCost)),
    });
    const { text, skipped } = formatEvents(result.events, options.format);
    await writeOutput(options.out, text);
    if (skipped > 0) printErr(`warning: ${skipped} event(s) were not valid JSON and are left out of the records; --format ndjson keeps them.\n`);
    const scanned = result.query ? `, ${describeCost({ bytes: result.query.scannedBytes, ...costOf(result.query.scannedBytes) })} scanned` : '';
    printErr(`${result.events.length} event(s) from Athena query ${result.queryId ?? '(none)'}${scanned}${result.cancelled ? ': cancelled' : ''}\n`);
    for (const removed of result.cleanup?.deleted ?? []) printErr(`Removed ${removed}\n`);
    for (const failed of result.cleanup?.failed ?? []) printErr(`warning: could not remove ${failed}\n`);
    return result.cancelled ? ExitCode.interrupted : result.cleanup?.failed.length ? ExitCode.failed : ExitCode.done;
  } catch (error) {
    throw toAthenaApiError(error, connection ?? { profile, kind: 'keys' });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    connection?.destroy();
  }
}
