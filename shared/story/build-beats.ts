import type { NormalizedEvent } from '../records/types';
import type { RuleHit } from '../rules/types';
import type { Beat } from './beat';
import { groupActions } from '../console-actions/group-actions';
import { beatOf } from './extract';
import type { History } from './history';
import { isAddress } from './history';
import { mergeable } from './templates';

const MIN = 60_000;

const serviceNames: Record<string, string> = {
  ec2: 'EC2',
  s3: 'S3',
  iam: 'IAM',
  rds: 'RDS',
  secretsmanager: 'Secrets Manager',
  lambda: 'Lambda',
  kms: 'KMS',
  sts: 'STS',
  dynamodb: 'DynamoDB',
  cloudtrail: 'CloudTrail',
  organizations: 'Organizations',
  ssm: 'Systems Manager',
};
const serviceName = (service: string) => (Object.hasOwn(serviceNames, service) ? serviceNames[service]! : service);
const deniedCodes = /AccessDenied|Unauthorized|Forbidden/i;

/** What the story starts from: the events in time order and how each is judged. */
export interface BeatInput {
  events: readonly NormalizedEvent[];
  history: History;
  flag: (event: NormalizedEvent) => RuleHit[];
}

export interface Beats {
  beats: Beat[];
  /** When the first beat happened (null: nothing significant). */
  start: number | null;
  /** Addresses, long-term keys and agents the identity used before the story began. */
  usual: { ips: Set<string>; keys: Set<string>; agents: Set<string> };
}

/** Runs of events close in time (each within `gap` of the previous). */
function runs(events: readonly NormalizedEvent[], gap: number): NormalizedEvent[][] {
  const out: NormalizedEvent[][] = [];
  for (const event of events) {
    const run = out[out.length - 1];
    if (run && event.time - run[run.length - 1]!.time <= gap) run.push(event);
    else out.push([event]);
  }
  return out;
}

function burstBeats(candidates: readonly NormalizedEvent[], kind: 'denied' | 'recon', least: number, gap: number): Beat[] {
  return runs(candidates, gap)
    .filter((run) => run.length >= least)
    .map((run) => ({ kind, time: run[0]!.time, eventIds: run.map((event) => event.id), values: { count: [String(run.length)] } }));
}

/** Joins beats of one kind that follow each other within ten minutes ("read the secrets a and b"). */
function merge(beats: Beat[]): Beat[] {
  const out: Beat[] = [];
  for (const beat of beats) {
    const last = out[out.length - 1];
    if (last && last.kind === beat.kind && mergeable.has(beat.kind) && beat.time - last.time <= 10 * MIN) {
      for (const [slot, values] of Object.entries(beat.values)) last.values[slot] = [...new Set([...(last.values[slot] ?? []), ...values])];
      last.eventIds.push(...beat.eventIds);
    } else out.push({ ...beat, values: { ...beat.values }, eventIds: [...beat.eventIds] });
  }
  return out;
}

/** The significant things that happened, in time order, from events not routine for the identity. */
export function buildBeats({ events, history, flag }: BeatInput): Beats {
  const timed = events.filter((event) => Number.isFinite(event.time));
  const fresh = timed.filter((event) => !history.isRoutine(event));
  const keysSoFar = new Set<string>();
  const own: Beat[] = [];
  const told = new Set<string>();
  let i = 0;
  for (const event of fresh) {
    while (i < timed.length && timed[i]!.time < event.time) {
      if (timed[i]!.accessKeyId.startsWith('AKIA')) keysSoFar.add(timed[i]!.accessKeyId);
      i++;
    }
    const beat = beatOf(event, { subject: history.subject, keysBefore: keysSoFar });
    if (beat) {
      own.push(beat);
      told.add(event.id);
    }
  }
  const denied = burstBeats(
    fresh.filter((event) => !told.has(event.id) && deniedCodes.test(event.errorCode)),
    'denied',
    3,
    10 * MIN,
  );
  const first = Math.min(own[0]?.time ?? Infinity, denied[0]?.time ?? Infinity);
  const before = timed.filter((event) => event.time < first);
  const usual = {
    ips: new Set(before.map((event) => event.sourceIPAddress)),
    keys: new Set(before.map((event) => event.accessKeyId).filter((key) => key.startsWith('AKIA'))),
    agents: new Set(before.map((event) => event.userAgent)),
  };
  const after = fresh.filter((event) => event.time >= first && !told.has(event.id));
  const strange = (event: NormalizedEvent) =>
    !usual.ips.has(event.sourceIPAddress) ||
    (!!event.accessKeyId && event.accessKeyId.startsWith('AKIA') && !usual.keys.has(event.accessKeyId));
  const recon = burstBeats(
    after.filter((event) => !event.errorCode && event.readOnly === true && strange(event)),
    'recon',
    8,
    2 * MIN,
  );
  for (const beat of [...denied, ...recon]) for (const id of beat.eventIds) told.add(id);
  // What the person did in the console, from bursts of calls no other beat tells.
  const actions: Beat[] = groupActions(after.filter((event) => !told.has(event.id) && !event.errorCode))
    .actions.filter((action) => action.eventIds.every((id) => !told.has(id)))
    .map((action) => ({ kind: 'consoleAction', time: action.start, eventIds: [...action.eventIds], values: {}, label: action.label }));
  for (const beat of actions) for (const id of beat.eventIds) told.add(id);
  const extra: Beat[] = [];
  const introduced = new Set(usual.ips);
  for (const event of fresh.filter((e) => e.time >= first)) {
    const ip = event.sourceIPAddress;
    if (!introduced.has(ip) && isAddress(ip)) {
      introduced.add(ip);
      // A move to a new address is news only against earlier days, and not at the story's first moment (its opening says when).
      if (event.eventName !== 'ConsoleLogin' && before.length > 0 && event.time > first)
        extra.push({ kind: 'newAddress', time: event.time, eventIds: [event.id], values: { ip: [ip] } });
    }
    if (!told.has(event.id) && flag(event).some((hit) => hit.severity === 'high' || hit.severity === 'critical'))
      extra.push(
        event.readOnly === true
          ? { kind: 'looked', time: event.time, eventIds: [event.id], values: { service: [serviceName(event.service)] } }
          : { kind: 'flagged', time: event.time, eventIds: [event.id], values: { event: [event.eventName] } },
      );
  }
  // A new address is told before what was done from it at the same moment.
  const rank = (beat: Beat) => (beat.kind === 'newAddress' ? 0 : 1);
  const beats = [...own, ...denied, ...recon, ...actions, ...extra].sort((a, b) => a.time - b.time || rank(a) - rank(b));
  return { beats: merge(beats), start: Number.isFinite(first) ? first : null, usual };
}
