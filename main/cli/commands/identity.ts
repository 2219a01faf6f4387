import type { Command } from 'commander';

import { ApiError } from '../../../shared/api/errors';
import { deletionText } from '../../../shared/iam-audit/deletion-text';
import { identityText } from '../../../shared/iam/identity-text';
import { createCredentialCache } from '../../services/aws/credentials';
import { readRecordsFile } from '../../services/drafts/records-file';
import { deletionAuditOf } from '../../services/iam/deletion-lookup';
import { buildIdentityReport } from '../../services/iam/identity-report';
import { createIamService } from '../../services/iam/iam-service';
import { createCliContext } from '../cli-context';
import { printErr, printJson, printOut } from '../terminal-output';

interface IdentityOptions {
  profile?: string;
  user?: string;
  role?: string;
  accessKeyId?: string;
  events?: string;
  deleted?: boolean;
  json?: boolean;
}

/** As the AWS CLI does: --profile, else AWS_PROFILE, else the environment's keys, else default. */
const profileOf = (options: IdentityOptions, env: NodeJS.ProcessEnv) =>
  options.profile ?? env.AWS_PROFILE ?? (env.AWS_ACCESS_KEY_ID ? 'environment' : 'default');

/**
 * `trailcase identity [--profile P] (--user NAME | --role NAME) [--json]` (DESIGN 2.2): the IAM
 * context of one identity and its risky permissions. Read-only: it never changes IAM.
 */
export function registerIdentityCommand(program: Command): void {
  program
    .command('identity')
    .description('who a user or role is in IAM and what it can still do: groups, policies, keys, MFA, console, services last accessed, risky permissions (read-only)')
    .option('--profile <name>', 'AWS profile (default: AWS_PROFILE, else the environment keys, else default); "demo" is the built-in demo account')
    .option('--user <name>', 'an IAM user name')
    .option('--role <name>', 'an IAM role name')
    .option('--access-key-id <id>', "a long-term access key (AKIA…): its user's context")
    .option('--events <file>', 'the identity\'s fetched events ({"Records": [...]}): their services count as used')
    .option('--deleted', 'instead: the deletion audit of a user name from CloudTrail (who deleted it, the clean-up before, whether the name was created again)')
    .option('--json', 'print JSON')
    .action(async (options: IdentityOptions) => {
      if ([options.user, options.role, options.accessKeyId].filter((value) => value !== undefined).length !== 1) {
        throw new ApiError('BAD_INPUT', 'Give exactly one of --user NAME, --role NAME or --access-key-id ID.');
      }
      const ctx = createCliContext();
      const profile = profileOf(options, ctx.env);
      if (options.deleted) {
        if (options.user === undefined) throw new ApiError('BAD_INPUT', '--deleted audits a user: give --user NAME.');
        printErr(`Looking up CloudTrail's IAM events on "${options.user}" with profile "${profile}" (90 days)…\n`);
        const credentials = createCredentialCache({ env: ctx.env, askMfaCode: ctx.askMfaCode });
        const audit = await deletionAuditOf({ profile, userName: options.user }, { env: ctx.env, credentials });
        return options.json ? printJson({ deletionAudit: audit }) : printOut(deletionText(audit, "CloudTrail's last 90 days"));
      }
      const eventSources = options.events ? [...new Set((await readRecordsFile(options.events)).map((event) => event.eventSource))] : [];
      printErr(`Reading IAM with profile "${profile}"…\n`);
      const service = createIamService(ctx);
      const kind = options.user !== undefined ? 'user' : options.role !== undefined ? 'role' : 'accessKey';
      const context = await service.identity({ profile, kind, name: (options.user ?? options.role ?? options.accessKeyId)! });
      const report = await buildIdentityReport(context, eventSources);
      if (options.json) return printJson({ identity: report.context, risk: report.risk, usage: report.usage });
      return printOut(identityText(report, Date.now()));
    });
}
