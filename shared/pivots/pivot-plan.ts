import { FetchQuery, sourceOf } from '../api/fetch-contract';
import type { FetchSourceKind, Subject } from '../api/fetch-contract';
import type { PivotKind, PivotTarget } from './pivot-targets';

/** A pivot as it would run: the new investigation's query, or why this source cannot make it. */
export type PivotPlan = { ok: true; query: FetchQuery; note: string | null } | { ok: false; reason: string };

/** What the new investigation is about, in the contract's words. */
export function pivotSubject(target: PivotTarget): Subject {
  switch (target.kind) {
    case 'ip':
      return { kind: 'ip', address: target.value };
    case 'accessKey':
      return { kind: 'accessKey', accessKeyId: target.value };
    case 'role':
      return { kind: 'role', roleName: target.value };
    case 'resource':
      return { kind: 'resource', name: target.value };
  }
}

/**
 * Why a source cannot filter by a kind of pivot (null: it can). LookupEvents takes one attribute
 * per call: `AccessKeyId` and `ResourceName` are among them, a source address is not, and its
 * `Username` is a session's name, not the role it came from. The files, S3 and Athena sources
 * read the records themselves, so they can filter by any field.
 */
const refusals: Record<FetchSourceKind, Record<PivotKind, string | null>> = {
  lookup: {
    ip: 'LookupEvents cannot filter by source address: open this investigation on log files, S3 or Athena to see who else used it.',
    role: "LookupEvents filters by a session's name, not by its role: open this investigation on log files, S3 or Athena to see every session of the role.",
    accessKey: null,
    resource: null,
  },
  files: { ip: null, role: null, accessKey: null, resource: null },
  s3: { ip: null, role: null, accessKey: null, resource: null },
  athena: { ip: null, role: null, accessKey: null, resource: null },
};

/** What the analyst should know about a pivot the source can make only in part. */
function noteOf(source: FetchSourceKind, kind: PivotKind): string | null {
  if (source === 'lookup' && kind === 'resource') return 'LookupEvents matches the resources CloudTrail lists for each event, which are not always every name the request holds.';
  return null;
}

function sameSubject(a: Subject, b: Subject): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The pivot from the investigation on view: the same profile, source, regions and range, about
 * the target instead. Sessions are followed only from an access key (an address, a role or a
 * resource is already everyone behind it). The query is checked by the contract's own schema.
 */
export function pivotPlan(target: PivotTarget, current: FetchQuery): PivotPlan {
  const source = sourceOf(current).kind;
  const refusal = refusals[source][target.kind];
  if (refusal) return { ok: false, reason: refusal };
  const subject = pivotSubject(target);
  if (sameSubject(subject, current.identity)) return { ok: false, reason: `This investigation is already about ${target.label}.` };
  const parsed = FetchQuery.safeParse({ ...current, identity: subject, followSessions: target.kind === 'accessKey' && current.followSessions });
  if (!parsed.success) return { ok: false, reason: `Cannot look this up: ${parsed.error.issues[0]?.message ?? 'not a valid value'}.` };
  return { ok: true, query: parsed.data, note: noteOf(source, target.kind) };
}

/** The action's name, as a button or menu item says it: "Who else used 203.0.113.9". */
export function pivotActionName(target: PivotTarget): string {
  if (target.kind === 'ip') return `Who else used ${target.value}`;
  if (target.kind === 'resource') return `Who else touched ${target.label}`;
  return `Who else used ${target.label}`;
}
