import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

import { ApiError } from '../../../shared/api/errors';
import { planCalls } from '../../../shared/containment/plan';
import { renderPlanText } from '../../../shared/containment/render-plan';
import { isComplete, renderOutcomeText } from '../../../shared/containment/render-outcome';
import { isContainmentAction } from '../../../shared/containment/types';
import type { ContainmentAction, ContainmentPlan } from '../../../shared/containment/types';
import { createCredentialCache } from '../../services/aws/credentials';
import { createActingIam } from '../../services/containment/acting-iam';
import { createContainmentService } from '../../services/containment/containment-service';
import type { ContainmentTarget } from '../../services/containment/containment-service';
import { createCliContext } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { printErr, printJson, printOut } from '../terminal-output';

interface ContainOptions {
  profile?: string;
  user?: string;
  role?: string;
  action: ContainmentAction[];
  accessKeyId: string[];
  uniqueId?: string;
  undo?: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
}

const collect = <T>(value: T, previous: T[]) => [...previous, value];
function parseAction(value: string): ContainmentAction {
  if (!isContainmentAction(value)) throw new InvalidArgumentError('one of deactivate-keys, disable-console, deny-all, revoke-sessions');
  return value;
}

const profileOf = (options: ContainOptions, env: NodeJS.ProcessEnv) => options.profile ?? env.AWS_PROFILE ?? (env.AWS_ACCESS_KEY_ID ? 'environment' : 'default');

/** Usage errors, before any credential or AWS call: what is missing and how to say it. */
function targetOf(options: ContainOptions, profile: string): ContainmentTarget {
  if (Boolean(options.user) === Boolean(options.role)) throw new ApiError('BAD_INPUT', 'Give exactly one of --user NAME or --role NAME.');
  if (options.action.length === 0) throw new ApiError('BAD_INPUT', 'Name at least one --action: deactivate-keys, disable-console, deny-all, revoke-sessions.');
  if (options.dryRun === options.yes)
    throw new ApiError('BAD_INPUT', options.yes ? 'Use either --dry-run or --yes, not both.' : 'One of --dry-run (show the exact calls) or --yes (make them) is required.');
  return {
    profile,
    kind: options.user ? 'user' : 'role',
    name: (options.user ?? options.role)!,
    actions: options.action,
    ...(options.accessKeyId.length ? { accessKeyIds: options.accessKeyId } : {}),
    ...(options.uniqueId ? { expectedUniqueId: options.uniqueId } : {}),
  };
}

/** The command that runs the previewed plan, pinned to the unique id the preview read. */
function runCommandOf(target: ContainmentTarget, plan: ContainmentPlan): string {
  const parts = ['trailcase contain', `--profile ${target.profile}`, `--${target.kind} ${target.name}`];
  for (const action of plan.actions) parts.push(`--action ${action.action}`);
  for (const key of target.accessKeyIds ?? []) parts.push(`--access-key-id ${key}`);
  return [...parts, `--unique-id ${plan.identity.uniqueId}`, '--yes'].join(' ');
}

/**
 * `trailcase contain` (DESIGN 2.2, 2.7): shows the exact IAM calls (`--dry-run`) or makes them
 * (`--yes`) with the profile chosen for acting, prints the record id and the undo; `--undo ID`.
 */
export function registerContainCommand(program: Command): void {
  program
    .command('contain')
    .description('contain a user or role: deactivate its keys, disable its console password, deny all, revoke its sessions (with undo)')
    .option('--profile <name>', 'the AWS profile to act with (default: AWS_PROFILE, else the environment keys, else default); "demo" is the built-in demo account')
    .option('--user <name>', 'the IAM user to contain')
    .option('--role <name>', 'the IAM role to contain')
    .option('--action <action>', 'deactivate-keys, disable-console, deny-all or revoke-sessions (repeatable)', (v, p: ContainmentAction[]) => collect(parseAction(v), p), [])
    .option('--access-key-id <id>', 'for deactivate-keys: only this key (repeatable; default every Active key)', collect<string>, [])
    .option('--unique-id <id>', 'act only if the identity still has this unique id (AIDA…/AROA…, as the dry run printed)')
    .option('--undo <id>', 'undo the run with this record id (c-…)')
    .option('--dry-run', 'print the exact calls, make none')
    .option('--yes', 'make the calls')
    .option('--json', 'print JSON')
    .action(async (options: ContainOptions) => {
      const ctx = createCliContext();
      const profile = profileOf(options, ctx.env);
      const target = options.undo ? null : targetOf(options, profile);
      if (options.undo && (options.user || options.role || options.action.length)) throw new ApiError('BAD_INPUT', '--undo takes a record id alone: the record names the identity and the calls.');
      const credentials = createCredentialCache({ env: ctx.env, askMfaCode: ctx.askMfaCode });
      const service = createContainmentService({ dataDir: ctx.dataDir, iamFor: createActingIam({ env: ctx.env, credentials }) });
      printErr(`Acting profile: "${options.undo && !options.profile ? 'the one the run used' : profile}". Audit log: ${service.records().path}\n`);
      if (options.undo) {
        const undoOptions = options.profile ? { profile: options.profile } : {};
        if (!options.yes) {
          const preview = await service.previewUndo(options.undo, undoOptions);
          if (options.json) return printJson({ dryRun: true, undoOf: options.undo, ...preview, calls: planCalls(preview.plan) });
          if (preview.refused) throw new ApiError('CONFLICT', preview.refused);
          return printOut(`Dry run: nothing was changed. The undo would send:\n${renderPlanText(preview.plan)}To undo: trailcase contain --undo ${options.undo} --yes\n`);
        }
        return report(await service.undo(options.undo, undoOptions), options.json);
      }
      if (options.dryRun) {
        const plan = await service.preview(target!);
        if (options.json) return printJson({ dryRun: true, plan, calls: planCalls(plan), runCommand: runCommandOf(target!, plan) });
        return printOut(`Dry run: nothing was changed. --yes sends exactly these calls:\n${renderPlanText(plan)}To run it: ${runCommandOf(target!, plan)}\n`);
      }
      return report(await service.run(target!), options.json);
    });
}

async function report(outcome: Parameters<typeof renderOutcomeText>[0], json: boolean | undefined): Promise<void> {
  await (json ? printJson(outcome) : printOut(renderOutcomeText(outcome)));
  if (!isComplete(outcome)) process.exitCode = ExitCode.failed;
}
