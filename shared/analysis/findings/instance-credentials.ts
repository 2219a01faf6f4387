import type { AnalysisEvent } from '../analysis-event';
import { isAwsAddress } from '../analysis-event';
import type { Detector } from './detector';
import type { FindingDraft } from './finding';
import { groupBy } from './finding';
import { address, count, listOf, name, says } from './finding-text';

/** EC2 names an instance profile's role session after the instance: `…/role/i-0abc…`. */
const instanceSession = /\/(i-[0-9a-f]{8}(?:[0-9a-f]{9})?)$/;

/** The instance id of a role session EC2 opened for an instance, or null. */
export function instanceIdOf(item: AnalysisEvent): string | null {
  const { event } = item;
  if (event.identityType !== 'AssumedRole') return null;
  // A service acting for the instance (invokedBy) calls from AWS's own network.
  if (event.record?.userIdentity?.invokedBy) return null;
  return instanceSession.exec(event.arn)?.[1] ?? null;
}

/**
 * An instance's role credentials used from a public address in none of AWS's ranges: they were
 * taken off the instance (GuardDuty's InstanceCredentialExfiltration.OutsideAWS). Without AWS's
 * ranges loaded this cannot be told, and nothing is claimed.
 */
export const detectInstanceCredentialsOutsideAws: Detector = (events, context) => {
  const fromPublic = events.filter((item) => item.intel.kind === 'public' && instanceIdOf(item) !== null);
  if (fromPublic.length === 0) return [];
  if (!context.has('aws-ip-ranges')) {
    context.note(
      `EC2 instance credentials were used from ${count(new Set(fromPublic.map(({ event }) => event.sourceIPAddress)).size, 'public address', 'public addresses')}; ` +
        "whether those are AWS's is unknown without AWS's ip-ranges.json (trailcase intel import --aws-ip-ranges FILE).",
    );
    return [];
  }
  const outside = fromPublic.filter(({ intel }) => !isAwsAddress(intel));
  const drafts: FindingDraft[] = [];
  for (const hits of groupBy(outside, (item) => item.event.arn).values()) {
    const instance = instanceIdOf(hits[0]!)!;
    const addresses = [...new Set(hits.map(({ event }) => address(event.sourceIPAddress)))];
    drafts.push({
      kind: 'instance-credentials-outside-aws',
      severity: 'high',
      title: `Credentials of instance ${instance} used outside AWS`,
      summary: says`The role session of EC2 instance ${instance} (${name(hits[0]!.event.actor)}) made ${count(hits.length, 'call')} from ${listOf(addresses)}, in none of AWS's published ranges: its credentials were most likely taken from the instance (for example through its metadata service) and used elsewhere.`,
      events: hits,
      attack: ['T1552.005', 'T1078.004'],
    });
  }
  return drafts;
};
