/**
 * The analysis of a set of records, in the exact shape `trailcase analyze --format json` prints
 * (DESIGN 2.6). Outside checks read these names: add fields freely, never rename.
 */
import type { Severity } from '../rules/types';

export interface AnalysisFlag {
  ruleId: string;
  severity: Severity;
  category: string;
  title: string;
  reason: string;
  /** MITRE ATT&CK technique ids (`T1098`, `T1562.008`). */
  attack: string[];
}

export interface AnalyzedEvent {
  eventID: string;
  flags: AnalysisFlag[];
  /** What the baseline never showed for this identity: `sourceIP`, `asn`, `country`, `userAgent`, `eventName`, `region`… (empty without a baseline). */
  new: string[];
}

export interface AnalyzedSource {
  ip: string;
  country: string | null;
  asn: number | null;
  asOrg: string | null;
  aws: string | null;
  tor: boolean | null;
  events: number;
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
  | 'console-without-mfa'
  | 'logging-tampering'
  | 'privilege-escalation'
  | 'persistence'
  | 'exfiltration';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  summary: string;
  eventIDs: string[];
  attack: string[];
}

export interface Analysis {
  rulePack: string;
  baseline: { start: string; end: string; events: number } | null;
  events: AnalyzedEvent[];
  sources: AnalyzedSource[];
  findings: Finding[];
}
