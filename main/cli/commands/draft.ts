import type { Command } from 'commander';
import { Option } from 'commander';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { renderAdf } from '../../../shared/ticket/render-adf';
import { renderMarkdown } from '../../../shared/ticket/render-markdown';
import { readRecordsFile } from '../../services/drafts/records-file';
import { printJson, printOut } from '../terminal-output';

/** `trailcase draft --events FILE [--format markdown|adf|json]`: the ticket draft for those events. */
export function registerDraftCommand(program: Command): void {
  program
    .command('draft')
    .description('print the Jira ticket draft for the events of a {"Records": [...]} file')
    .requiredOption('--events <file>', 'a {"Records": [...]} file, as `trailcase fetch` writes')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'adf', 'json']).default('markdown'))
    .action(async (options: { events: string; format: 'markdown' | 'adf' | 'json' }) => {
      const events = await readRecordsFile(options.events);
      const draft = buildTicketDraft(events);
      if (options.format === 'markdown') return printOut(renderMarkdown(draft));
      const description = renderAdf(draft);
      if (options.format === 'adf') return printJson(description);
      const { summary, priority, labels, nextSteps, rows } = draft;
      return printJson({ summary, priority, labels, nextSteps, events: rows, description });
    });
}
