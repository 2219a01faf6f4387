import { Command, CommanderError } from 'commander';

import { isApiError } from '../../shared/api/errors';
import { appVersion } from '../hosts/package-info';
import { ExitCode, exitCodeFor } from './exit-codes';
import { printErr, printOut } from './terminal-output';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded when the command runs (or every one, for help and unknown
 * names): Jira's client, the rules and the AWS SDK clients take most of a second to load, and a
 * short fetch must not wait for modules it never calls. In the order help lists them.
 */
const commands: Array<[string, () => Promise<Register>]> = [
  ['profiles', async () => (await import('./commands/profiles')).registerProfilesCommand],
  ['fetch', async () => (await import('./commands/fetch')).registerFetchCommand],
  ['serve', async () => (await import('./commands/serve')).registerServeCommand],
  ['draft', async () => (await import('./commands/draft')).registerDraftCommand],
  ['ticket', async () => (await import('./commands/ticket')).registerTicketCommand],
  ['intel', async () => (await import('./commands/intel')).registerIntelCommand],
  ['analyze', async () => (await import('./commands/analyze')).registerAnalyzeCommand],
  ['identity', async () => (await import('./commands/identity')).registerIdentityCommand],
  ['users', async () => (await import('./commands/users')).registerUsersCommand],
  ['notify', async () => (await import('./commands/notify')).registerNotifyCommand],
  ['contain', async () => (await import('./commands/contain')).registerContainCommand],
];

/**
 * `trailcase <command>`: the same services as the app, headless. Only a command's own output goes
 * to stdout; progress, warnings and errors go to stderr. Exit codes follow DESIGN.md 2.2.
 */
export async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('trailcase')
    .description('Investigate one AWS identity in CloudTrail and draft a Jira ticket from it.')
    .version(appVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  // Commander echoes what it was given (an unknown option, a bad value): that goes through the
  // terminal-safe writer too.
  program.configureOutput({ writeOut: (text) => void printOut(text), writeErr: (text) => printErr(text) });
  const named = commands.find(([name]) => name === argv[0]);
  for (const [, load] of named ? [named] : commands) (await load())(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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
