import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

import { inactiveUsers } from '../../../shared/iam/credential-report';
import { usersCsv, usersTable } from '../../../shared/iam/users-table';
import { createIamService } from '../../services/iam/iam-service';
import { createCliContext } from '../cli-context';
import { printErr, printJson, printOut } from '../terminal-output';

interface UsersOptions {
  profile?: string;
  inactive?: number;
  json?: boolean;
  csv?: boolean;
}

function parseDays(value: string): number {
  const match = /^(\d{1,5})([dw])$/.exec(value);
  if (!match || Number(match[1]) === 0) throw new InvalidArgumentError('a number of days or weeks such as 90d or 12w');
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}

const profileOf = (options: UsersOptions, env: NodeJS.ProcessEnv) =>
  options.profile ?? env.AWS_PROFILE ?? (env.AWS_ACCESS_KEY_ID ? 'environment' : 'default');

/**
 * `trailcase users [--profile P] [--inactive 90d] [--json]` (DESIGN 2.2): the account's IAM users
 * from the credential report, root's row included; with `--inactive`, only those unused for longer.
 * It generates the report when IAM has none fresh (that is all it writes: no IAM entity changes).
 */
export function registerUsersCommand(program: Command): void {
  program
    .command('users')
    .description("the account's IAM users from the credential report: last use of the password and each key, MFA, age")
    .option('--profile <name>', 'AWS profile (default: AWS_PROFILE, else the environment keys, else default); "demo" is the built-in demo account')
    .option('--inactive <days>', 'only users with no password or key use for longer than this (90d, 12w)', parseDays)
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (quoted, safe to open in a spreadsheet)')
    .action(async (options: UsersOptions) => {
      const ctx = createCliContext();
      const profile = profileOf(options, ctx.env);
      printErr(`Reading the credential report with profile "${profile}"…\n`);
      const report = await createIamService(ctx).credentialReport(profile);
      const now = Date.now();
      const users = options.inactive === undefined ? report.users : inactiveUsers(report.users, options.inactive, now);
      printErr(`${report.note} This one was generated ${report.generatedAt ?? 'at an unknown time'}.\n`);
      if (options.json) return printJson({ generatedAt: report.generatedAt, note: report.note, inactiveDays: options.inactive ?? null, users });
      if (options.csv) return printOut(usersCsv(users, now));
      if (users.length === 0) return printOut(options.inactive ? `No user has been inactive for more than ${options.inactive} days.\n` : 'No users.\n');
      return printOut(usersTable(users, now));
    });
}
