import type { NormalizedEvent } from '../records/types';
import type { DraftFacts } from './facts';
import { inertText } from './inert-text';

function param(event: NormalizedEvent, name: string): string {
  const params = event.record?.requestParameters;
  if (!params || typeof params !== 'object') return '';
  const value = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? inertText(value, 200) : '';
}

function responseKeyId(event: NormalizedEvent): string {
  const response = event.record?.responseElements;
  if (!response || typeof response !== 'object') return '';
  const key = (response as { accessKey?: { accessKeyId?: unknown } }).accessKey?.accessKeyId;
  return typeof key === 'string' ? inertText(key, 128) : '';
}

/** Steps that follow from specific successful events, whatever the rule pack says. */
function stepsFromEvent(event: NormalizedEvent): string[] {
  if (event.errorCode) return [];
  const name = event.eventName;
  if (name === 'StopLogging' || name === 'DeleteTrail')
    return [`Re-enable the stopped trail ${param(event, 'name') || '(name not recorded)'} and check who else changed it.`];
  if (name === 'PutEventSelectors' || name === 'UpdateTrail')
    return [
      `Check the settings of trail ${param(event, 'trailName') || param(event, 'name') || '(name not recorded)'}: ${name} changed what it records.`,
    ];
  if (/^Attach(User|Role|Group)Policy$/.test(name)) {
    const target = param(event, 'userName') || param(event, 'roleName') || param(event, 'groupName');
    return [`Review the policy attached at ${target || '(target not recorded)'}: ${param(event, 'policyArn') || '(policy not recorded)'}.`];
  }
  if (/^Put(User|Role|Group)Policy$/.test(name)) {
    const target = param(event, 'userName') || param(event, 'roleName') || param(event, 'groupName');
    return [`Review the inline policy ${param(event, 'policyName') || '(name not recorded)'} put on ${target || '(target not recorded)'}.`];
  }
  if (name === 'CreateAccessKey') {
    const key = responseKeyId(event);
    return [
      `Deactivate access key ${key || '(id not recorded)'} created for ${param(event, 'userName') || 'the caller'} unless it is expected.`,
    ];
  }
  if (name === 'CreateLoginProfile' || name === 'UpdateLoginProfile')
    return [`Check the console password set for ${param(event, 'userName') || 'the caller'}.`];
  return [];
}

/**
 * Suggested next steps: the rule pack's own step for each flag, steps that follow from what was
 * done (a stopped trail, an attached policy, a new key), and containment for the key used.
 */
export function suggestNextSteps(events: readonly NormalizedEvent[], facts: DraftFacts): string[] {
  const steps: string[] = [];
  const flaggedIds = new Set(facts.flagged.map((event) => event.eventId));
  for (const flagged of facts.flagged) for (const hit of flagged.hits) if (hit.nextStep.trim()) steps.push(inertText(hit.nextStep, 400));
  for (const event of events) if (flaggedIds.has(event.id)) steps.push(...stepsFromEvent(event));
  if (facts.flagged.length > 0) {
    for (const key of facts.identity.accessKeys) {
      if (key.value.startsWith('AKIA'))
        steps.push(`Deactivate access key ${inertText(key.value, 128)} if this activity was not expected, and rotate it.`);
    }
  }
  if (facts.accessDenied >= 5)
    steps.push(`Find out why ${facts.accessDenied} calls were denied: repeated denials can mean someone is probing permissions.`);
  const actor = facts.identity.actors[0]?.value;
  if (actor) steps.push(`Confirm with the owner of ${inertText(actor, 200)} whether this activity was expected.`);
  return [...new Set(steps)].slice(0, 20);
}
