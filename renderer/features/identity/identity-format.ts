import type { StatementRef } from '../../../shared/iam-risk/statements';

/** `2026-11-30 08:15 UTC`, or `never` / `-` for no time. */
export function utcText(iso: string | null | undefined, none = '-'): string {
  if (!iso) return none;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Whole days since a time (null for none). */
export function daysAgo(iso: string | null | undefined, now: number): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : Math.floor((now - time) / 86_400_000);
}

/** `Deployer, Statement[0] (Sid PassAny), on user alice`. */
export const statementLabel = (ref: StatementRef) =>
  `${ref.policy}, Statement[${ref.index}]${ref.sid ? ` (Sid ${ref.sid})` : ''}, ${ref.attachedTo === 'boundary' ? 'the boundary' : `on ${ref.attachedTo}`}`;
