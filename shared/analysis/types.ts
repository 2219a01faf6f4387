/**
 * The analysis of a set of records, in the exact shape `trailcase analyze --format json` prints
 * (DESIGN 2.6). Outside checks read these names: add fields freely, never rename.
 */
import type { AddressKind, DatasetInfo } from '../intel/types';
import type { FlagGroup } from '../baseline/groups';
import type { Mute } from '../baseline/mutes';
import type { BaselineStats } from '../baseline/stats';
import type { Severity } from '../rules/types';

export interface AnalysisFlag {
  ruleId: string;
  severity: Severity;
  category: string;
  title: string;
  reason: string;
  /** MITRE ATT&CK technique ids (`T1098`, `T1562.008`). */
  attack: string[];
  /** The rule's own severity, when the baseline raised it (something new); `reason` says why. */
  raisedFrom?: Severity;
  /** The analyst muted this rule for the identity: shown as muted, counted, never dropped. */
  muted?: { reason: string; until: string };
}

export interface AnalyzedEvent {
  eventID: string;
  /** The record's eventTime as written (empty when it had none). */
  eventTime: string;
  eventName: string;
  flags: AnalysisFlag[];
  /** What the baseline never showed for this identity: `sourceIP`, `asn`, `country`, `userAgent`, `eventName`, `region`… (empty without a baseline). */
  new: string[];
  /** A flagged event the identity does often, the same way, from its usual places (shown, de-emphasised); false without a baseline. */
  routine: boolean;
}

export interface AnalyzedSource {
  ip: string;
  country: string | null;
  asn: number | null;
  asOrg: string | null;
  aws: string | null;
  tor: boolean | null;
  events: number;
  /** What kind of value `sourceIPAddress` held; only `public` addresses are looked up. */
  kind: AddressKind;
  /** The AWS region of the AWS range holding the address, when `aws` is known. */
  awsRegion: string | null;
}

/** Kinds of finding that span events; these words where they apply (DESIGN 2.6). */
export type FindingKind =
  | 'impossible-travel'
  | 'new-country'
  | 'new-asn'
  | 'new-user-agent'
  | 'tor-exit'
  | 'pentest-tool'
  | 'instance-credentials-outside-aws'
  | 'recon-burst'
  | 'password-spraying'
  /** Many failed console sign-ins for one user (password guessing), from any address. */
  | 'repeated-sign-in-failures'
  | 'console-without-mfa'
  | 'logging-tampering'
  | 'privilege-escalation'
  | 'persistence'
  | 'exfiltration'
  /** The identity's usual address active within the hour of calls from a new address or network: two parties hold the credentials. */
  | 'concurrent-sessions';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** A short name for lists ("Sign-ins through Tor"). */
  title: string;
  /** Plain-language why, naming what was seen; values from records are made inert. */
  summary: string;
  /** The summary as our words and values from records or data sets, so a report can set the values apart. */
  summaryParts: Array<{ text: string } | { value: string }>;
  eventIDs: string[];
  attack: string[];
  /** For `concurrent-sessions`: the events from the usual address and from the new one. */
  parties?: { usual: string[]; new: string[] };
  /** Time of the first and last event named (ISO), for ordering and display. */
  start: string | null;
  end: string | null;
}

export interface Analysis {
  rulePack: string;
  baseline: { start: string; end: string; events: number } | null;
  /** Per identity, first and last seen, count and label of each value, AWS services' calls apart (shared/baseline); null without a baseline. */
  baselineStats: BaselineStats | null;
  /** Repeated flags as one line each: the same rule on the same call and resource. */
  groups: FlagGroup[];
  /** Flagged events routine for their identity, flags raised by the baseline, flags muted by the analyst. */
  counts: { flagged: number; routine: number; raised: number; muted: number };
  /** The analyst's mutes given to the analysis, each with whether it is still in force. */
  mutes: Array<Mute & { active: boolean }>;
  events: AnalyzedEvent[];
  sources: AnalyzedSource[];
  findings: Finding[];
  /** The enrichment data sets behind `sources` and the findings, with their dates (PROMISES 22). */
  datasets: DatasetInfo[];
  /** What could not be decided and why (a data set missing, a limit of a method). */
  notes: string[];
}
