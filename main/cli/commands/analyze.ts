import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';
import { Option } from 'commander';

import { analyzeRecords } from '../../../shared/analysis/analyze';
import { renderAnalysisMarkdown } from '../../../shared/analysis/render-markdown';
import { isApiError } from '../../../shared/api/errors';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';
import { isDemoAccount, withDemoTorExits } from '../../services/demo/demo-intel';
import { readRecordsFile } from '../../services/drafts/records-file';
import { loadIntel } from '../../services/intel/load-enricher';
import { createCliContext } from '../cli-context';
import { printErr, printJson, printOut } from '../terminal-output';

const notRecords = (path: string) => new Error(`${path} has no "Records" list; expected {"Records": [...]}.`);

/**
 * The events of a records file, ids as the app gives them. When every record is an object with
 * an eventID (what fetch and CloudTrail write), the id is that eventID and the file is parsed once;
 * otherwise the shared reader gives the records without one the id of their own text. A file
 * that cannot be read, or is not a records file, fails the command (exit 1) saying which and why.
 */
export async function readEventsForAnalysis(path: string): Promise<NormalizedEvent[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON; expected {"Records": [...]}.`);
  }
  const records = (value as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) throw notRecords(path);
  const withIds = records.every(
    (record: unknown) => record !== null && typeof record === 'object' && !Array.isArray(record) && typeof (record as CloudTrailRecord).eventID === 'string' && (record as CloudTrailRecord).eventID !== '',
  );
  if (withIds) return (records as CloudTrailRecord[]).map((record) => normalizeEvent(record));
  try {
    return await readRecordsFile(path);
  } catch (error) {
    throw new Error(isApiError(error) ? error.message : `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `trailcase analyze --events FILE [--baseline FILE] [--format json|markdown]`: what the events
 * mean (DESIGN 2.6), from the same engine the app uses.
 */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('what the events of a {"Records": [...]} file mean: flags, what is new against a baseline, source addresses, findings')
    .requiredOption('--events <file>', 'a {"Records": [...]} file, as `trailcase fetch` writes')
    .option('--baseline <file>', "the same identity's earlier records, to say what is new")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'markdown']).default('json'))
    .action(async (options: { events: string; baseline?: string; format: 'json' | 'markdown' }) => {
      const events = await readEventsForAnalysis(options.events);
      const baseline = options.baseline === undefined ? null : await readEventsForAnalysis(options.baseline);
      // The data folder's data sets (country and ASN bundled; AWS and Tor once imported); one
      // that cannot be read is missing (its answers unknown), and said so on stderr.
      const intel = await loadIntel(createCliContext().dataDir);
      for (const problem of intel.status.problems) printErr(`trailcase: warning: enrichment data set not used: ${problem}\n`);
      let enricher = intel.enricher;
      // The demo account's story carries its own Tor exits (named as the demo's data set).
      if (isDemoAccount(events)) enricher = withDemoTorExits(enricher);
      const analysis = analyzeRecords(events, { enricher, baseline });
      // One line of JSON: 100,000 events indented would be half whitespace (`jq .` indents it).
      return options.format === 'markdown' ? printOut(renderAnalysisMarkdown(analysis)) : printJson(analysis, 'one-line');
    });
}
