import { describeCall, renderPlanText } from './render-plan';
import type { ContainmentOutcome } from './schemas';

const outcomeWords = { ok: 'done', failed: 'FAILED', unknown: 'no answer' } as const;

/** What a run or an undo did, as the CLI prints it: the plan, each call's outcome, the checks, the record id. */
export function renderOutcomeText(outcome: ContainmentOutcome): string {
  const lines: string[] = [renderPlanText(outcome.plan).trimEnd(), ''];
  const title = outcome.kind === 'undo' ? `Undo of ${outcome.undoOf ?? ''}` : 'Run';
  lines.push(`${title}: ${outcome.status}${outcome.message ? `. ${outcome.message}` : ''}`);
  if (outcome.calls.length) {
    lines.push('Sent:');
    for (const logged of outcome.calls) {
      const [first = ''] = describeCall(logged.call);
      const error = logged.error ? ` (${logged.error.code}: ${logged.error.message})` : '';
      lines.push(`  ${logged.seq}. ${first}: ${outcomeWords[logged.outcome]}${error}`);
    }
  } else if (outcome.status !== 'refused') {
    lines.push('Sent: no call (nothing to do).');
  }
  if (outcome.checks.length) {
    lines.push(outcome.kind === 'undo' ? 'Compared with the state before the run:' : 'Read back:');
    for (const check of outcome.checks) lines.push(`  ${check.ok ? 'ok  ' : 'NOT '} ${check.action}: ${check.detail}`);
  }
  if (outcome.newPassword) {
    lines.push(`New console password (shown once, never stored; the user must change it at sign-in): ${outcome.newPassword}`);
  }
  lines.push(`Record: ${outcome.id}`);
  if (outcome.undoCommand) lines.push(`Undo: ${outcome.undoCommand}`);
  return lines.join('\n') + '\n';
}

/** Whether a run or undo did all it meant to: done, and every check read as meant. */
export function isComplete(outcome: ContainmentOutcome): boolean {
  return outcome.status === 'done' && outcome.checks.every((check) => check.ok);
}
