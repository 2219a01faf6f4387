/**
 * Replays public detection-content test records (test/fixtures/detection-replay) through the same
 * engine `trailcase analyze` uses for each event's `flags` (DESIGN 2.6): a record counts as flagged
 * when it carries any flag, info included, as an outside check reading `flags` would count it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';

export interface ReplayCase {
  /** The public rule the record tests (its RuleID). */
  rule: string;
  /** The test's name in that rule. */
  name: string;
  /** Whether the public rule expects an alert on this record. */
  expected: boolean;
  record: CloudTrailRecord;
  /** For a quiet record: other public rules of the same content that do alert on it. */
  alertedByOtherRules?: string[];
}

export interface ReplayOutcome extends ReplayCase {
  /** The rule ids that flagged the record. */
  flags: string[];
}

export interface ReplaySummary {
  alerts: number;
  quiet: number;
  /** Share of expected-alert records flagged, 0–1. */
  recall: number;
  /**
   * The same share among records in CloudTrail's own shape (an `eventName` key): a few public test
   * logs spell every key in lower case, which CloudTrail never writes and no rule can read.
   */
  recallCloudTrailShaped: number;
  /** Share of expected-quiet records flagged, 0–1. */
  quietFlagged: number;
  /** Expected-alert records with no flag. */
  missed: ReplayOutcome[];
  /** Expected-quiet records with a flag. */
  noisy: ReplayOutcome[];
  /** Share of the quiet records no other rule of the content alerts on that are flagged, 0–1. */
  quietEverywhereFlagged: number;
}

export function loadReplayCorpus(file = 'panther.json'): ReplayCase[] {
  const path = fileURLToPath(new URL(`../../fixtures/detection-replay/${file}`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: ReplayCase[] }).cases;
}

export function replay(cases: readonly ReplayCase[]): ReplaySummary {
  const outcomes = cases.map((item) => ({ ...item, flags: flagEvent(normalizeEvent(item.record)).map((hit) => hit.ruleId) }));
  const alerts = outcomes.filter((item) => item.expected);
  const quiet = outcomes.filter((item) => !item.expected);
  const missed = alerts.filter((item) => item.flags.length === 0);
  const shaped = alerts.filter((item) => typeof item.record.eventName === 'string');
  const noisy = quiet.filter((item) => item.flags.length > 0);
  const quietEverywhere = quiet.filter((item) => !item.alertedByOtherRules?.length);
  return {
    alerts: alerts.length,
    quiet: quiet.length,
    recall: alerts.length ? (alerts.length - missed.length) / alerts.length : 1,
    recallCloudTrailShaped: shaped.length ? shaped.filter((item) => item.flags.length > 0).length / shaped.length : 1,
    quietFlagged: quiet.length ? noisy.length / quiet.length : 0,
    missed,
    noisy,
    quietEverywhereFlagged: quietEverywhere.length ? quietEverywhere.filter((item) => item.flags.length > 0).length / quietEverywhere.length : 0,
  };
}
