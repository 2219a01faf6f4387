import type { Command } from 'commander';
import { Option } from 'commander';

import { analyzeRecords } from '../../../shared/analysis/analyze';
import { renderAnalysisMarkdown } from '../../../shared/analysis/render-markdown';
import { isApiError } from '../../../shared/api/errors';
import type { NormalizedEvent } from '../../../shared/records/types';
import { isDemoAccount, withDemoTorExits } from '../../services/demo/demo-intel';
import { readRecordsFile } from '../../services/drafts/records-file';
import { loadIpEnricher } from '../../services/intel/load-enricher';
import { createCliContext } from '../cli-context';
import { printJson, printOut } from '../terminal-output';

/** A file that cannot be read or is not a records file fails the command (exit 1), saying which and why. */
async function readInput(path: string): Promise<NormalizedEvent[]> {
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
      const events = await readInput(options.events);
      const baseline = options.baseline === undefined ? null : await readInput(options.baseline);
      // The data folder's data sets (country and ASN bundled; AWS and Tor once imported).
      let enricher = await loadIpEnricher(createCliContext().dataDir);
      // The demo account's story carries its own Tor exits (named as the demo's data set).
      if (isDemoAccount(events)) enricher = withDemoTorExits(enricher);
      const analysis = analyzeRecords(events, { enricher, baseline });
      return options.format === 'markdown' ? printOut(renderAnalysisMarkdown(analysis)) : printJson(analysis);
    });
}
