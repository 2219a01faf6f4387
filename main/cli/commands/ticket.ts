import { randomUUID } from 'node:crypto';

import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

import { ApiError, isApiError } from '../../../shared/api/errors';
import { attachmentName, recordsFile } from '../../../shared/ticket/attachment';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import { renderAdf } from '../../../shared/ticket/render-adf';
import { submissionLabel } from '../../../shared/ticket/summary';
import { createPendingStore } from '../../services/drafts/pending-store';
import { readRecordsFile } from '../../services/drafts/records-file';
import { createConnectionStore } from '../../services/jira/connection-store';
import { toFieldSpecs } from '../../services/jira/create-meta';
import { openJira } from '../../services/jira/jira-dc-client';
import { toApiError } from '../../services/jira/jira-errors';
import { prepareSubmission } from '../../services/jira/prepare-submission';
import { withRetryAfter } from '../../services/jira/retry-after';
import { createSubmitter } from '../../services/jira/submission';
import { createCliContext } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { printErr, printJson, printOut } from '../terminal-output';

interface TicketOptions {
  events: string;
  project: string;
  issueType?: string;
  field: Array<[string, string]>;
  dryRun?: boolean;
  submissionId?: string;
  sendAgain?: boolean;
}

function collectField(value: string, previous: Array<[string, string]>): Array<[string, string]> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('KEY=VALUE, where KEY is a field id or name');
  return [...previous, [value.slice(0, at).trim(), value.slice(at + 1)]];
}

function submissionIdOf(value: string): string {
  // It becomes a Jira label (trailcase-sub-<id>): no spaces, nothing a label refuses.
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/.test(value)) throw new InvalidArgumentError('8 to 64 letters, digits or dashes');
  return value;
}

function projectKey(value: string): string {
  if (!/^[A-Z][A-Z0-9_]{0,49}$/.test(value)) throw new InvalidArgumentError('a Jira project key such as SEC');
  return value;
}

/**
 * `trailcase ticket --events FILE --project KEY [--issue-type NAME] [--field KEY=VALUE]...
 * [--dry-run]`: creates the issue with the events attached; prints its key and browse URL.
 */
export function registerTicketCommand(program: Command): void {
  program
    .command('ticket')
    .description('create a Jira issue from the events of a {"Records": [...]} file, with the events attached')
    .requiredOption('--events <file>', 'a {"Records": [...]} file')
    .requiredOption('--project <key>', 'the Jira project key', projectKey)
    .option('--issue-type <name>', 'the issue type name (default: Task, or the first type)')
    .option('--field <key=value>', 'a field by id or name; repeat for more', collectField, [])
    .option('--dry-run', 'print the request instead of creating the issue')
    .option(
      '--submission-id <id>',
      'name this submission (default: a new random id); the same id again never makes a second issue, and finishes one left pending',
      submissionIdOf,
    )
    .option('--send-again', 'with --submission-id: create the issue again when Jira has none with its label (you checked it was not created)')
    .action(async (options: TicketOptions) => {
      try {
        await runTicket(options);
      } catch (error) {
        // Missing or refused Jira credentials are "credentials missing or expired" (exit 3).
        if (isApiError(error) && (error.code === 'JIRA_NOT_CONNECTED' || error.code === 'JIRA_AUTH')) {
          printErr(`trailcase: ${error.message}\n`);
          process.exitCode = ExitCode.credentials;
          return;
        }
        if (isApiError(error) && error.fields)
          for (const [field, message] of Object.entries(error.fields)) printErr(`  ${field}: ${message}\n`);
        throw error;
      }
    });
}

async function runTicket(options: TicketOptions): Promise<void> {
  const ctx = createCliContext();
  const events = await readRecordsFile(options.events);
  if (events.length === 0) throw new ApiError('BAD_INPUT', `${options.events} holds no records.`);
  const credentials = await createConnectionStore(ctx)
    .credentials()
    .catch((error: unknown) => {
      // A dry run needs no Jira: without a connection it prints the request as it would be built.
      if (options.dryRun && isApiError(error) && error.code === 'JIRA_NOT_CONNECTED') return null;
      throw error;
    });
  if (!credentials) return printOfflineDryRun(options, events);
  const ask = <T>(what: string, work: () => Promise<T>) =>
    withRetryAfter(work).catch((error: unknown) => Promise.reject(toApiError(error, what, credentials.site)));
  // Cloud (REST v3, ADF) with an email and API token; Data Center (REST v2, wiki markup) with a
  // personal access token, confirmed by the site's serverInfo.
  const { api, deployment } = await ask('Reading the server info', () => openJira(credentials));
  const types = await ask('Listing issue types', () => api.issueTypes(options.project));
  const wanted = options.issueType?.toLowerCase();
  const type = wanted
    ? types.find((t) => t.name.toLowerCase() === wanted || t.id === wanted)
    : (types.find((t) => t.name === 'Task') ?? types.find((t) => !t.subtask));
  if (!type)
    throw new ApiError(
      'BAD_INPUT',
      `Project ${options.project} has no issue type ${options.issueType ?? ''}; it has: ${types.map((t) => t.name).join(', ')}.`,
    );
  const createMeta = await ask('Reading the create fields', () => api.fields(options.project, type.id));
  const specs = toFieldSpecs(createMeta);
  const formValues: Record<string, string> = {};
  for (const [key, value] of options.field) {
    const spec = specs.find((s) => s.fieldId === key || s.name.toLowerCase() === key.toLowerCase());
    if (!spec)
      throw new ApiError(
        'BAD_INPUT',
        `${type.name} in ${options.project} has no field "${key}"; fields: ${specs.map((s) => `${s.fieldId} (${s.name})`).join(', ')}.`,
      );
    formValues[spec.fieldId] = value;
  }
  if (options.sendAgain && !options.submissionId) throw new ApiError('BAD_INPUT', '--send-again needs the --submission-id of the pending submission.');
  const submissionId = options.submissionId ?? randomUUID();
  const { request } = prepareSubmission({
    submissionId,
    events,
    analyst: {},
    projectKey: options.project,
    issueTypeId: type.id,
    formValues,
    createMeta,
    deployment,
  });
  if (options.dryRun) {
    return printJson({
      site: credentials.site,
      fields: request.fields,
      attachment: { name: request.attachmentName, bytes: Buffer.byteLength(request.attachmentContent) },
    });
  }
  printErr(`Creating a ${type.name} in ${options.project} on ${credentials.site}…\n`);
  const submitter = createSubmitter({ api, site: credentials.site, pending: createPendingStore(ctx.dataDir) });
  const result = options.sendAgain ? await submitter.retry(submissionId, true) : await submitter.submit(submissionId, async () => request);
  if (result.issueKey) await printOut(`${result.issueKey} ${result.issueUrl}\n`);
  if (result.state !== 'created' || result.attachment !== 'attached') {
    printErr(`trailcase: ${result.message}\n`);
    printErr(
      `trailcase: to finish it, run the same command with --submission-id ${submissionId} (Trailcase looks the issue up by its label and never creates it twice).\n`,
    );
    process.exitCode = ExitCode.failed;
  }
}

/**
 * `--dry-run` without a Jira connection: the fields Trailcase would send, built from the events
 * alone. Field ids and option values are as given, not checked against the site's create screen.
 */
function printOfflineDryRun(options: TicketOptions, events: Awaited<ReturnType<typeof readRecordsFile>>): Promise<void> {
  const draft = buildTicketDraft(events, {});
  const label = submissionLabel(options.submissionId ?? randomUUID());
  const fields: Record<string, unknown> = {
    project: { key: options.project },
    issuetype: { name: options.issueType ?? 'Task' },
    summary: draft.summary,
    description: renderAdf(draft),
    labels: [...new Set([...draft.labels, label])],
    ...Object.fromEntries(options.field),
  };
  const attachment = recordsFile(events);
  printErr('trailcase: no Jira connection, so the fields are not checked against the site’s create screen.\n');
  return printJson({ site: null, fields, attachment: { name: attachmentName(new Date()), bytes: Buffer.byteLength(attachment) } });
}
