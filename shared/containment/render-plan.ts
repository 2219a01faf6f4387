import type { ActionPlan, ContainmentPlan, IamCall } from './types';

const reversibilityWords = { reversible: 'can be undone', irreversible: 'cannot be undone', partly: 'can be partly undone' } as const;

/** A PolicyDocument parameter shown indented, or as sent when it is not JSON. */
export function prettyDocument(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}

/** One call as text: `UpdateAccessKey UserName=… AccessKeyId=… Status=Inactive`, a document below it. */
export function describeCall(call: IamCall): string[] {
  const inline = Object.entries(call.params)
    .filter(([name]) => name !== 'PolicyDocument')
    .map(([name, value]) => `${name}=${String(value)}`);
  const lines = [`${call.api} ${inline.join(' ')}`];
  const document = call.params.PolicyDocument;
  if (typeof document === 'string') lines.push('PolicyDocument:', ...prettyDocument(document).split('\n').map((line) => `  ${line}`));
  return lines;
}

/** The AWS CLI command equivalent to a call (`aws iam update-access-key --user-name …`), for the record. */
export function awsCliCommand(call: IamCall): string {
  const verb = call.api.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  const options = Object.entries(call.params).map(([name, value]) => {
    const flag = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    if (typeof value === 'boolean') return value ? `--${flag}` : `--no-${flag}`;
    return `--${flag} '${value.replace(/'/g, `'\\''`)}'`;
  });
  return ['aws iam', verb, ...options].join(' ');
}

function actionLines(action: ActionPlan): string[] {
  const lines = [`${action.action} (${reversibilityWords[action.reversibility.kind]})`];
  if (action.calls.length === 0) lines.push('  no call');
  action.calls.forEach((call, index) => lines.push(...describeCall(call).map((line, n) => (n === 0 ? `  ${index + 1}. ${line}` : `     ${line}`))));
  for (const text of action.affects) lines.push(`  Affects: ${text}`);
  for (const text of action.notes) lines.push(`  Note: ${text}`);
  lines.push(`  Undo: ${action.reversibility.how}`);
  lines.push(`  Recorded before acting: ${action.recorded.join('; ')}`);
  return lines;
}

/** The plan as the CLI's dry run prints it: who, then each action's exact calls, effects and undo. */
export function renderPlanText(plan: ContainmentPlan): string {
  const { identity } = plan;
  const head = `${identity.kind === 'user' ? 'User' : 'Role'} ${identity.name} (${identity.uniqueId}, ${identity.arn}), planned at ${plan.at}`;
  return [head, ...plan.actions.flatMap(actionLines)].join('\n') + '\n';
}
