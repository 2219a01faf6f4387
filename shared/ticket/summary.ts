import type { Severity } from '../rules/types';
import type { DraftFacts } from './facts';
import { oneLine, toLabel } from './inert-text';

/** Jira's limit on a summary, in characters. */
export const maxSummaryLength = 255;

/** Jira priority names, highest first. */
export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';

const priorityOf: Record<Severity, PriorityName> = { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low', info: 'Lowest' };

/** The suggested priority for the highest severity flagged (Lowest when nothing was flagged). */
export function suggestPriority(severity: Severity | null): PriorityName {
  return severity ? priorityOf[severity] : 'Lowest';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `2026-11-01 10:04` in UTC. */
export function formatUtcMinute(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The time span of the facts in one phrase: `2026-11-01 10:00–12:30 UTC`. */
export function formatSpan(first: number | null, last: number | null): string {
  if (first === null || last === null) return 'time not recorded';
  const start = formatUtcMinute(first);
  const end = formatUtcMinute(last);
  if (start === end) return `${start} UTC`;
  if (start.slice(0, 10) === end.slice(0, 10)) return `${start}–${end.slice(11)} UTC`;
  return `${start} – ${end} UTC`;
}

/** Cleans any text into a valid Jira summary: one line, nothing invisible, at most 255 characters. */
export function cleanSummary(text: string): string {
  return oneLine(text, maxSummaryLength) || 'CloudTrail activity';
}

/**
 * The one-line summary: who, the most important thing it did (the flagged categories, or the
 * count of events), from where and when.
 */
export function buildSummary(facts: DraftFacts): string {
  const actor = oneLine(facts.identity.actors[0]?.value ?? '', 80) || 'unknown identity';
  const type = oneLine(facts.identity.types[0]?.value ?? '', 30);
  const who = type ? `${actor} (${type})` : actor;
  const what =
    facts.categories.length > 0
      ? facts.categories
          .slice(0, 3)
          .map((category) => category.replace(/-/g, ' '))
          .join(', ')
      : `${facts.total} event${facts.total === 1 ? '' : 's'}${facts.accessDenied ? `, ${facts.accessDenied} denied` : ''}`;
  const ips = facts.sourceIPs;
  const where = ips.length === 0 ? '' : ` from ${oneLine(ips[0]!.value, 60)}${ips.length > 1 ? ` (+${ips.length - 1} more)` : ''}`;
  return cleanSummary(`${who}: ${what}${where}, ${formatSpan(facts.first, facts.last)}`);
}

/** Labels for the issue: no spaces, a conservative character set, at most ten. */
export function buildLabels(facts: DraftFacts): string[] {
  const labels = ['trailcase'];
  if (facts.highestSeverity) labels.push(`severity-${facts.highestSeverity}`);
  for (const category of facts.categories) labels.push(toLabel(category));
  const type = facts.identity.types[0]?.value;
  if (type) labels.push(toLabel(`identity-${type}`));
  return [...new Set(labels.filter(Boolean))].slice(0, 10);
}

/** The label that marks one submission, so a create whose response was lost can be found. */
export function submissionLabel(submissionId: string): string {
  return toLabel(`trailcase-sub-${submissionId}`, 120);
}
