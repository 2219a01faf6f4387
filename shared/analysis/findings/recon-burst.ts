import type { AnalysisEvent } from '../analysis-event';
import { findBursts } from './bursts';
import type { Detector } from './detector';
import type { FindingDraft } from './finding';
import { count, distinct, duration, listOf, name, says } from './finding-text';

/** A burst: this many discovery calls within the window, across this many services and names. */
export const reconLimits = { windowMs: 10 * 60_000, calls: 10, services: 3, names: 5, share: 0.75, manyDenied: 5 };

/** Reads of data or tokens, not of what exists: their names start like discovery but are not. */
const notDiscovery = new Set([
  'GetObject', 'GetObjectTagging', 'GetSecretValue', 'GetParameter', 'GetParameters', 'GetParametersByPath', 'GetItem', 'BatchGetItem',
  'GetRecords', 'GetShardIterator', 'GetLogEvents', 'GetQueryResults', 'GetMetricData', 'GetMetricStatistics', 'GetSessionToken',
  'GetFederationToken', 'GetSigninToken', 'GetAuthorizationToken', 'GetRoleCredentials', 'GetDownloadUrlForLayer', 'GetQueueAttributes',
]);

const discoveryName = /^(List|Describe|Get)[A-Z]/;

const isDenied = (code: string) => code !== '' && /AccessDenied|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden/.test(code);

/** Console pages list and describe on their own; their calls count only when refused. */
function fromConsole(item: AnalysisEvent): boolean {
  const agent = item.event.userAgent;
  return item.event.record?.sessionCredentialFromConsole === 'true' || agent.startsWith('Mozilla/') || /console\.(aws\.)?amazonaws\.com/.test(agent);
}

const discoveryNames = new Map<string, boolean>();

/** Whether an event name reads what exists (List…, Describe…, Get… but not reads of data or tokens); remembered per name. */
function isDiscoveryName(name: string): boolean {
  let known = discoveryNames.get(name);
  if (known === undefined) {
    known = discoveryName.test(name) && !notDiscovery.has(name);
    if (discoveryNames.size < 10_000) discoveryNames.set(name, known);
  }
  return known;
}

/** A call that maps what the credentials can reach: a refused call, or a broad read outside a console page. */
export function isDiscoveryCall(item: AnalysisEvent): boolean {
  const { event } = item;
  if (event.identityType === 'AWSService' || event.record?.userIdentity?.invokedBy) return false;
  if (isDenied(event.errorCode)) return true;
  return isDiscoveryName(event.eventName) && !fromConsole(item);
}

/**
 * Many discovery calls by one user or session within minutes, across several services, making
 * up most of what it did then (a deploy also lists and describes, among its writes).
 */
export const detectReconBursts: Detector = (events, context) => {
  const drafts: FindingDraft[] = [];
  // Decided once an event: the window reads it as it enters and as it leaves.
  const discovery = events.map(isDiscoveryCall);
  for (const actorEvents of context.byActor.values()) {
    if (!actorEvents.some((item) => discovery[item.index])) continue;
    const bursts = findBursts(actorEvents, {
      timeOf: ({ event }) => event.time,
      windowMs: reconLimits.windowMs,
      isMarked: (item) => discovery[item.index]!,
      keys: [({ event }) => event.eventSource, ({ event }) => event.eventName],
      qualifies: ({ size, marked, distinct }) =>
        marked >= reconLimits.calls && distinct[0]! >= reconLimits.services && distinct[1]! >= reconLimits.names && marked >= size * reconLimits.share,
    });
    for (const burst of bursts) {
      const services = distinct(burst.map(({ event }) => name(event.service || event.eventSource)));
      const denied = burst.filter(({ event }) => isDenied(event.errorCode)).length;
      const span = burst.at(-1)!.event.time - burst[0]!.event.time;
      const iam = burst.some(({ event }) => ['iam.amazonaws.com', 'sts.amazonaws.com', 'organizations.amazonaws.com'].includes(event.eventSource));
      drafts.push({
        kind: 'recon-burst',
        severity: denied >= reconLimits.manyDenied ? 'high' : 'medium',
        title: `Reconnaissance: ${count(burst.length, 'discovery call')} in ${duration(span)}`,
        summary: says`${name(burst[0]!.event.actor)} made ${count(burst.length, 'discovery call')} (lists, describes and refused calls) in ${duration(span)} across ${count(services.length, 'service')} (${listOf(services)})${denied ? `, ${denied.toLocaleString('en-US')} of them refused` : ''}: the pattern of someone mapping what a credential can reach rather than of routine work.`,
        events: burst,
        attack: iam ? ['T1580', 'T1526', 'T1087.004'] : ['T1580', 'T1526'],
      });
    }
  }
  return drafts;
};
