import type { Severity } from '../rules/types';

const rank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** The more severe of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return rank[b] > rank[a] ? b : a;
}

/** Orders most severe first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return rank[b] - rank[a];
}

/** Whether a severity is at least another. */
export function atLeast(severity: Severity, floor: Severity): boolean {
  return rank[severity] >= rank[floor];
}
