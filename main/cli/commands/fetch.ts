import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';

import { ApiError } from '../../../shared/api/errors';
import type { FetchQuery, FetchStatus } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import type { RegionService } from '../../services/aws/regions';
import type { OutputFormat } from '../../services/fetch/fetch-output';
import { ExitCode, exitCodeFor } from '../exit-codes';
import { outputTarget, writeOutput } from '../output-target';
import { printErr } from '../terminal-output';

interface FetchOptions {
  profile?: string;
  region: string[];
  user?: string;
  accessKeyId?: string;
  followSessions: boolean;
  since?: number;
  start?: string;
  end?: string;
  out?: string;
  format: OutputFormat;
  cacheDir?: string;
  source: string;
  ip?: string;
}

const MAX_SINCE_MS = 90 * 86_400_000;

function parseSince(value: string): number {
  const match = /^(\d{1,5})([mhdw])$/.exec(value);
  if (!match) throw new InvalidArgumentError('a duration such as 30m, 12h, 7d or 2w');
  const ms = Number(match[1]) * { m: 60_000, h: 3600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 'm' | 'h' | 'd' | 'w'];
  if (ms <= 0 || ms > MAX_SINCE_MS) throw new InvalidArgumentError('from 1m to 90d (CloudTrail keeps 90 days of events)');
  return ms;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--athena-max-cost USD`: a non-negative amount of dollars (here, so that the option costs no SDK load). */
function parseMaxCost(value: string): number {
  const usd = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(usd)) throw new InvalidArgumentError('an amount in US dollars such as 1 or 0.25');
  return usd;
}

/** Every region enabled for the account (else the partition's defaults), saying which on stderr. */
async function regionsOf(service: RegionService, profile: string, signal: AbortSignal): Promise<string[]> {
  const found = await service.listRegions(profile, signal);
  // Ctrl+C while the credentials were being read: stop here, as a cancelled start does.
  if (signal.aborted) throw new ApiError('CANCELLED', 'The fetch was cancelled before it started.');
  const source = { account: "the account's enabled regions", partition: "the partition's default regions", demo: "the demo account's regions" }[found.source];
  printErr(`Regions: ${found.regions.join(', ')} (${source}${found.reason ? `; ListRegions failed: ${found.reason}` : ''})\n`);
  return found.regions;
}

/** As the AWS CLI does: --profile, else AWS_PROFILE, else the environment's keys, else default. */
function profileOf(options: FetchOptions, env: NodeJS.ProcessEnv): string {
  return options.profile ?? env.AWS_PROFILE ?? (env.AWS_ACCESS_KEY_ID ? 'environment' : 'default');
}

/** The query, with `regions` the ones named by --region or, without any, the default ones. */
async function buildQuery(options: FetchOptions, env: NodeJS.ProcessEnv, defaultRegions: (profile: string) => Promise<string[]>): Promise<FetchQuery> {
  const [{ FetchQuery }, { describeIssues }] = await Promise.all([import('../../../shared/api/fetch-contract'), import('../../hosts/dispatch')]);
  const profile = profileOf(options, env);
  if (Boolean(options.user) === Boolean(options.accessKeyId))
    throw new ApiError('BAD_INPUT', 'Give exactly one of --user NAME or --access-key-id ID.');
  if ((options.start || options.end) && options.since)
    throw new ApiError('BAD_INPUT', 'Use either --since or --start and --end, not both.');
  if (Boolean(options.start) !== Boolean(options.end)) throw new ApiError('BAD_INPUT', '--start and --end go together.');
  const now = Date.now();
  const end = options.end ?? new Date(now).toISOString();
  const start = options.start ?? new Date(now - (options.since ?? 7 * 86_400_000)).toISOString();
  const parsed = FetchQuery.safeParse({
    profile,
    regions: options.region.length ? options.region : await defaultRegions(profile),
    identity: options.user ? { kind: 'user', userName: options.user } : { kind: 'accessKey', accessKeyId: options.accessKeyId },
    start,
    end,
    followSessions: options.followSessions,
  });
  if (!parsed.success) {
    const shape = describeIssues(parsed.error.issues);
    throw new ApiError('BAD_INPUT', shape.message, shape.fields);
  }
  return parsed.data;
}

/** The exit code of a fetch that ended: credentials first, then kept partial results. */
function exitCodeOf(status: FetchStatus): number {
  if (status.state === 'done') return ExitCode.done;
  if (status.state === 'cancelled') return ExitCode.interrupted;
  const code = exitCodeFor(status.error?.code ?? 'INTERNAL');
  if (code === ExitCode.credentials || code === ExitCode.usage) return code;
  return status.eventCount > 0 ? ExitCode.interrupted : ExitCode.failed;
}

/**
 * `trailcase fetch`: one identity's events, written as a CloudTrail log file (or NDJSON, CSV).
 * Progress goes to stderr; Ctrl+C cancels and still writes what arrived (exit 4).
 */
export function registerFetchCommand(program: Command): void {
  program
    .command('fetch')
    .description("fetch one identity's CloudTrail events")
    .option('--profile <name>', 'AWS profile (default: AWS_PROFILE, else the environment keys, else default); "demo" is the built-in demo account')
    .option('--region <region>', 'region to search (repeatable; default: every region enabled for the account, else the partition default regions)', collect, [])
    .option('--user <name>', 'IAM user name or role session name')
    .option('--access-key-id <id>', 'access key id')
    .option('--ip <addr>', 'source address (log files and Athena only: LookupEvents cannot filter by address)')
    .option('--source <src>', '"lookup" (LookupEvents), a folder or file of CloudTrail log files (.json, .json.gz), s3://BUCKET/PREFIX (the trail’s objects, kept in the cache folder), or athena:DATABASE.TABLE', 'lookup')
    .option('--follow-sessions', 'also fetch what temporary keys issued to the identity did (default)', true)
    .option('--no-follow-sessions', 'only the identity itself')
    .option('--since <duration>', 'how far back, e.g. 12h, 7d (default 7d)', parseSince)
    .option('--start <iso>', 'start of the range (ISO 8601)')
    .option('--end <iso>', 'end of the range (ISO 8601)')
    .option('--out <file>', 'write to this file instead of stdout ("-" is stdout; a FIFO or device is written in place, never replaced)')
    .addOption(new Option('--format <format>', 'output format').choices(['records', 'ndjson', 'csv']).default('records'))
    .option('--cache-dir <dir>', 'folder for fetched pages, cursors and downloaded S3 log files')
    .option('--athena-workgroup <name>', 'Athena workgroup to run the query in (default: primary)')
    .option('--athena-output <s3url>', "where Athena writes the results, s3://BUCKET/PREFIX/ (default: the workgroup's)")
    .option('--athena-max-cost <usd>', 'largest estimated cost a query runs at without --yes (default 1.00)', parseMaxCost)
    .option('--athena-create-table <s3url>', "print the DDL of the CloudTrail table over this trail folder (s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/); with --yes, create it")
    .option('--athena-query-id <id>', 'read the results of this earlier Athena query again, without running one')
    .option('--athena-cleanup', "remove the query's result objects (.csv, .csv.metadata) once read")
    .option('--yes', 'run an Athena query estimated above --athena-max-cost, or create the table')
    .action(async (options: FetchOptions) => {
      // Each source loads only its own modules: the SDK clients cost a CLI start half a second.
      const { checkLookupOptions, runSourceFetch } = await import('./fetch-source');
      if (options.source !== 'lookup') {
        process.exitCode = await runSourceFetch(options);
        return;
      }
      checkLookupOptions(options);
      const [{ createCliContext }, { createProgressReporter }, { createFetchService }, { createRegionService }, { formatEvents }] =
        await Promise.all([
          import('../cli-context'),
          import('./fetch-progress'),
          import('../../services/fetch/fetch-service'),
          import('../../services/aws/regions'),
          import('../../services/fetch/fetch-output'),
        ]);
      const ctx = createCliContext(options.cacheDir ? { cacheDir: options.cacheDir } : {});
      // Usage errors first, before any credential or AWS call.
      await buildQuery(options, ctx.env, () => Promise.resolve(['us-east-1']));
      // A path that cannot be written is refused before the fetch, not after it.
      await outputTarget(options.out);
      const progress = createProgressReporter(process.stderr);
      const service = createFetchService({ ...ctx, emit: (message: StreamMessage) => progress.onMessage(message) });
      const regions = createRegionService({ env: ctx.env, credentials: service.credentials });
      // Ctrl+C stops the fetch, even while its credentials are still being resolved (a hung
      // credential_process): what arrived is kept and the exit code is 4.
      const starting = new AbortController();
      let fetchId: string | null = null;
      const onSignal = () => (fetchId ? void service.manager.cancel(fetchId) : starting.abort());
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      printErr(`Getting credentials for profile "${profileOf(options, ctx.env)}"…\n`);
      const status = await buildQuery(options, ctx.env, (profile) => regionsOf(regions, profile, starting.signal))
        .then((query) => service.manager.start(query, starting.signal))
        .then((id) => {
          fetchId = id;
          return service.manager.settled(id);
        })
        .finally(() => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          progress.stop();
        });
      const { events } = service.manager.events(status.fetchId, 0, Number.MAX_SAFE_INTEGER);
      const { text, skipped } = formatEvents(events, options.format);
      await writeOutput(options.out, text);
      if (skipped > 0)
        printErr(
          `warning: ${skipped} event(s) were not valid JSON and are left out of the records; --format ndjson keeps them.\n`,
        );
      printErr(`${status.eventCount} event(s), fetch ${status.fetchId}: ${status.state}\n`);
      if (status.error) printErr(`trailcase: ${status.error.message}\n`);
      process.exitCode = exitCodeOf(status);
    });
}
