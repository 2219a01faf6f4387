import { Command, CommanderError } from 'commander';

import { isApiError } from '../../shared/api/errors';
import { appVersion } from '../hosts/package-info';
import { registerFetchCommand } from './commands/fetch';
import { registerIntelCommand } from './commands/intel';
import { registerProfilesCommand } from './commands/profiles';
import { registerServeCommand } from './commands/serve';
import { registerAnalyzeCommand } from './commands/analyze';
import { registerDraftCommand } from './commands/draft';
import { registerTicketCommand } from './commands/ticket';
import { ExitCode, exitCodeFor } from './exit-codes';
import { printErr, printOut } from './terminal-output';

/**
 * `trailcase <command>`: the same services as the app, headless. Only a command's own output goes
 * to stdout; progress, warnings and errors go to stderr. Exit codes follow DESIGN.md 2.2.
 */
export function buildProgram(): Command {
  const program = new Command('trailcase')
    .description('Investigate one AWS identity in CloudTrail and draft a Jira ticket from it.')
    .version(appVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  // Commander echoes what it was given (an unknown option, a bad value): that goes through the
  // terminal-safe writer too.
  program.configureOutput({ writeOut: (text) => void printOut(text), writeErr: (text) => printErr(text) });
  registerProfilesCommand(program);
  registerFetchCommand(program);
  registerServeCommand(program);
  registerDraftCommand(program);
  registerTicketCommand(program);
  registerIntelCommand(program);
  registerAnalyzeCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.done;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.done;
      return ExitCode.usage;
    }
    if (isApiError(error)) {
      printErr(`trailcase: ${error.message}\n`);
      return exitCodeFor(error.code);
    }
    printErr(`trailcase: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
}
