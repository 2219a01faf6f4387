import type { AnalysisEvent } from '../analysis/analysis-event';
import type { BaselineField } from '../analysis/baseline';
import { userAgentFamily } from '../analysis/user-agent';
import { mainResourceOf } from './main-resource';

/**
 * What the baseline counts per identity: the fields `new` can name (DESIGN 2.6), the client's
 * family alone, and the action (event name with its main resource, for "the same way").
 */
export type StatField = BaselineField | 'userAgentFamily' | 'action';

/** The fields `new` names, in this order. */
export const newFieldNames: readonly BaselineField[] = ['sourceIP', 'asn', 'country', 'userAgent', 'eventName', 'eventSource', 'region', 'errorCode'];

export const statFieldNames: readonly StatField[] = [...newFieldNames, 'userAgentFamily', 'action'];

/** The action key: the event name and the resource it acted on (`UpdateFunctionConfiguration billing-sync`). */
export const actionOf = (item: AnalysisEvent): string => {
  const resource = mainResourceOf(item.event);
  return resource ? `${item.event.eventName} ${resource}` : item.event.eventName;
};

/** Agents repeat (one identity, a few clients): each text is read once, in a bounded cache. */
const agents = new Map<string, [version: string, family: string]>();

function agentOf(userAgent: string): [string, string] {
  let known = agents.get(userAgent);
  if (!known) {
    const version = userAgentFamily(userAgent);
    const slash = version.indexOf('/');
    known = [version, slash > 0 ? version.slice(0, slash) : version];
    if (agents.size >= 5_000) agents.clear();
    agents.set(userAgent, known);
  }
  return known;
}

/** Each field's value of one event ('' when absent or unknown), read once, in `statFieldNames` order. */
export function statValues(item: AnalysisEvent): string[] {
  const { event, intel } = item;
  const [agent, family] = agentOf(event.userAgent);
  return [
    event.sourceIPAddress,
    intel.asn === null ? '' : String(intel.asn),
    intel.country ?? '',
    agent,
    event.eventName,
    event.eventSource,
    event.region,
    event.errorCode,
    family,
    event.eventName ? actionOf(item) : '',
  ];
}
