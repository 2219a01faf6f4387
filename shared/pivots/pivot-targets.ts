import { classifyAddress } from '../intel/address-kind';
import { requestResourcesOf } from '../records/request-resources';
import type { ResourceKind } from '../records/request-resources';
import type { NormalizedEvent } from '../records/types';

/** What a "who else" pivot is about: an address, an access key, a role, or a resource. */
export type PivotKind = 'ip' | 'accessKey' | 'role' | 'resource';

/**
 * One value of the views an analyst can pivot on. `value` is exactly what the record holds (the
 * sources compare it as written); `label` is what it is, in words. Both are attacker-written text.
 */
export interface PivotTarget {
  kind: PivotKind;
  value: string;
  label: string;
}

/** Longest value pivoted on: longer ones are cut in the views (`…`) and would match nothing. */
export const maxPivotValueLength = 256;

/** Resource kinds that are descriptions Trailcase wrote (a rule in one line), not names a record holds. */
const describedKinds: ReadonlySet<ResourceKind> = new Set(['Ingress rule', 'Egress rule']);

function usable(value: string): boolean {
  return value !== '' && value.length <= maxPivotValueLength && !value.endsWith('…') && !/[\p{Cc}\p{Cf}]/u.test(value);
}

/**
 * The address as a pivot: an IPv4 or IPv6 address, public or private. `AWS Internal` and the
 * service names CloudTrail writes there (`ec2.amazonaws.com`) are not places anyone else "used".
 */
export function addressTarget(sourceIPAddress: string): PivotTarget | null {
  if (!usable(sourceIPAddress) || sourceIPAddress.trim() !== sourceIPAddress) return null;
  const { kind } = classifyAddress(sourceIPAddress);
  return kind === 'public' || kind === 'private' ? { kind: 'ip', value: sourceIPAddress, label: `address ${sourceIPAddress}` } : null;
}

/** The access key the call was signed with (AKIA… long-term, ASIA… temporary). */
export function accessKeyTarget(accessKeyId: string): PivotTarget | null {
  return /^A[KS]IA[A-Z0-9]{12,124}$/.test(accessKeyId) ? { kind: 'accessKey', value: accessKeyId, label: `access key ${accessKeyId}` } : null;
}

/**
 * The role behind an assumed-role session, by its name (`Admin`, as IAM names it without its
 * path): every session of it, whatever the session's name. Read from the session issuer, else
 * from the session's ARN (`arn:aws:sts::1:assumed-role/Admin/alice`).
 */
export function roleTarget(event: NormalizedEvent): PivotTarget | null {
  if (event.identityType !== 'AssumedRole') return null;
  const issuer = event.record?.userIdentity?.sessionContext?.sessionIssuer;
  const fromIssuer = issuer && issuer.type === 'Role' && typeof issuer.userName === 'string' ? issuer.userName : '';
  const name = fromIssuer || (/^arn:[\w-]+:sts::\d*:assumed-role\/([^/]+)\/[^/]*$/.exec(event.arn)?.[1] ?? '');
  return /^[\w+=,.@-]{1,64}$/.test(name) ? { kind: 'role', value: name, label: `role ${name}` } : null;
}

/** The resources the event touched (its `resources` ARNs, then what its parameters name), each once. */
export function resourceTargets(event: NormalizedEvent): PivotTarget[] {
  return requestResourcesOf(event.record)
    .filter((resource) => !describedKinds.has(resource.kind) && usable(resource.name))
    .map((resource) => ({ kind: 'resource', value: resource.name, label: `${resource.kind} ${resource.name}` }));
}

/** Everything of one event an analyst can ask "who else" about: address, key, role, resources. */
export function pivotTargetsOf(event: NormalizedEvent): PivotTarget[] {
  const targets = [addressTarget(event.sourceIPAddress), accessKeyTarget(event.accessKeyId), roleTarget(event), ...resourceTargets(event)];
  return targets.filter((target): target is PivotTarget => target !== null);
}
