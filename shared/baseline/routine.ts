import type { AnalysisEvent } from '../analysis/analysis-event';
import type { BaselineField } from '../analysis/baseline';
import { maxSeverity } from '../analysis/severity';
import type { Severity } from '../rules/types';
import { actionOf } from './fields';
import { isUsual } from './frequency';
import type { IdentityBaseline } from './identity-baseline';
import { onBehalfOf } from './on-behalf';
import { userAgentFamilyName } from '../analysis/user-agent';

/** How a flagged event stands against the identity's baseline. */
export interface FlagJudgement {
  /** Something the identity does often, the same way, from its usual places: shown, counted, de-emphasised. */
  routine: boolean;
  /** What the baseline never showed (empty: nothing new). */
  raisedBy: BaselineField[];
  /** Whether the severity goes up one step (a new network, country, client or call; not a new address alone). */
  raise: boolean;
  /** Why, in our words, for the flag's reason. */
  why: string;
}

/** New values that raise a flag's severity; a new address in a known network, or a new version of a known client, only says so. */
const raising: ReadonlySet<BaselineField> = new Set(['asn', 'country', 'eventName', 'eventSource']);

const words: Record<BaselineField, string> = {
  sourceIP: 'address',
  asn: 'network (ASN)',
  country: 'country',
  userAgent: 'client version',
  eventName: 'call',
  eventSource: 'service',
  region: 'region',
  errorCode: 'error',
};

/**
 * Routine: the identity made this call on this resource on ≥ 10 % of its active days
 * (occasional or frequent), from an address or network it uses that often, with a client family it
 * uses that often, and nothing about the event is new. Raised: anything new; the severity goes up
 * when the network, country, call, service or client family is new.
 */
export function judgeFlagged(item: AnalysisEvent, fresh: readonly BaselineField[], baseline: IdentityBaseline): FlagJudgement {
  const { identity, event } = item;
  const familyNew = !onBehalfOf(event) && baseline.label(identity, 'userAgentFamily', userAgentFamilyName(event.userAgent)) === null && event.userAgent.trim() !== '';
  if (fresh.length > 0 || familyNew) {
    const fields = fresh.map((field) => (field === 'userAgent' && familyNew ? 'client' : words[field]));
    if (familyNew && !fresh.includes('userAgent')) fields.push('client');
    const raise = familyNew || fresh.some((field) => raising.has(field));
    return { routine: false, raisedBy: [...fresh], raise, why: `New for this identity: ${fields.join(', ')}.` };
  }
  if (onBehalfOf(event)) return { routine: false, raisedBy: [], raise: false, why: '' };
  const usualAction = isUsual(baseline.label(identity, 'action', actionOf(item)));
  const usualPlace = isUsual(baseline.label(identity, 'sourceIP', event.sourceIPAddress)) || isUsual(baseline.label(identity, 'asn', item.intel.asn === null ? '' : String(item.intel.asn)));
  const usualClient = isUsual(baseline.label(identity, 'userAgentFamily', userAgentFamilyName(event.userAgent)));
  const routine = usualAction && usualPlace && usualClient;
  return { routine, raisedBy: [], raise: false, why: routine ? 'Routine for this identity: the same call on the same resource, from its usual network and client.' : '' };
}

const order: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** One step up (critical stays critical). */
export function raisedSeverity(severity: Severity): Severity {
  return maxSeverity(severity, order[Math.min(order.indexOf(severity) + 1, order.length - 1)]!);
}
