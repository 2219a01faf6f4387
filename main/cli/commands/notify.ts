import type { Command } from 'commander';

import { analyzeRecords } from '../../../shared/analysis/analyze';
import { ApiError } from '../../../shared/api/errors';
import { buildChatMessage, jiraIssueLink } from '../../services/chat/chat-message';
import { createNotifyLedger } from '../../services/chat/notify-ledger';
import { notifyOnce } from '../../services/chat/notify-service';
import { channelName, checkWebhookUrl, webhookVariable } from '../../services/chat/webhook-url';
import type { ChatChannel } from '../../services/chat/webhook-url';
import { isDemoAccount, withDemoTorExits } from '../../services/demo/demo-intel';
import { loadIntel } from '../../services/intel/load-enricher';
import { createCliContext } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { printErr, printJson, printOut } from '../terminal-output';
import { readEventsForAnalysis } from './analyze';

interface NotifyOptions {
  events: string;
  slack?: boolean;
  teams?: boolean;
  dryRun?: boolean;
  issue?: string;
  sendAgain?: boolean;
}

/**
 * `trailcase notify --events FILE (--slack | --teams) [--dry-run]`: the summary of those events
 * to a chat channel through its incoming webhook, whose URL comes from the environment and is
 * never printed (promise 6). Posted once: see notifyOnce.
 */
export function registerNotifyCommand(program: Command): void {
  program
    .command('notify')
    .description('post the summary of the events of a {"Records": [...]} file to Slack or Teams through an incoming webhook')
    .requiredOption('--events <file>', 'a {"Records": [...]} file, as `trailcase fetch` writes')
    .option('--slack', `post to Slack (the webhook in ${webhookVariable.slack})`)
    .option('--teams', `post to Microsoft Teams (the Workflows webhook in ${webhookVariable.teams})`)
    .option('--issue <key>', 'link the Jira issue of this investigation (its site from JIRA_BASE_URL)')
    .option('--dry-run', 'print the message body instead of posting it')
    .option('--send-again', 'post the same message again (you checked the channel after a post that got no answer)')
    .action(async (options: NotifyOptions) => {
      if (Boolean(options.slack) === Boolean(options.teams)) {
        printErr('trailcase: notify needs exactly one of --slack or --teams.\n');
        process.exitCode = ExitCode.usage;
        return;
      }
      await runNotify(options.slack ? 'slack' : 'teams', options);
    });
}

async function runNotify(channel: ChatChannel, options: NotifyOptions): Promise<void> {
  const context = createCliContext();
  const events = await readEventsForAnalysis(options.events);
  const intel = await loadIntel(context.dataDir);
  const enricher = isDemoAccount(events) ? withDemoTorExits(intel.enricher) : intel.enricher;
  const analysis = analyzeRecords(events, { enricher, baseline: null });
  let issue = null;
  if (options.issue) {
    const site = process.env.JIRA_BASE_URL;
    if (!site) throw new ApiError('BAD_INPUT', '--issue needs JIRA_BASE_URL, the Jira site the issue is on.');
    issue = jiraIssueLink(site, options.issue);
  }
  const message = buildChatMessage(channel, events, { analysis, issue });
  if (options.dryRun) return printJson(message);
  const value = process.env[webhookVariable[channel]];
  if (!value) throw new ApiError('CREDENTIALS_MISSING', `Set ${webhookVariable[channel]} to the channel's incoming webhook URL (it is a secret: Trailcase never prints it).`);
  const url = checkWebhookUrl(channel, value);
  const result = await notifyOnce({ channel, url, message, sendAgain: options.sendAgain ?? false }, { ledger: createNotifyLedger(context.dataDir) });
  if (result.alreadySent) {
    printErr(`trailcase: this summary was already posted to ${channelName(channel)}; nothing was sent again (--send-again posts another copy).\n`);
  }
  printOut(`${result.alreadySent ? 'Already posted' : 'Posted'} to ${channelName(channel)}: message ${result.messageId.slice(0, 12)}\n`);
}
