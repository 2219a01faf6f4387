import { z } from 'zod';

import { data, label, words } from '../ticket/blocks';
import type { Block, Span } from '../ticket/blocks';
import { inertText } from '../ticket/inert-text';
import type { ContainmentOutcome } from './schemas';

/**
 * One containment run or undo as the ticket keeps it: what was done to whom, each call with its
 * outcome, and what was read back. Built from the outcome the analyst added; every name and value
 * is data (rendered as unmarked text), our own words are labels.
 */
export const ContainmentTicketEntrySchema = z.strictObject({
  id: z.string().max(80),
  kind: z.enum(['run', 'undo']),
  undoOf: z.string().max(80).optional(),
  at: z.string().max(40),
  profile: z.string().max(128),
  identity: z.strictObject({ kind: z.enum(['user', 'role']), name: z.string().max(128), uniqueId: z.string().max(128) }),
  status: z.enum(['done', 'failed', 'refused']),
  message: z.string().max(2000).optional(),
  calls: z.array(z.strictObject({ call: z.string().max(600), outcome: z.enum(['ok', 'failed', 'unknown']) })).max(50),
  checks: z.array(z.strictObject({ ok: z.boolean(), detail: z.string().max(600) })).max(50),
});
export type ContainmentTicketEntry = z.infer<typeof ContainmentTicketEntrySchema>;

/** A call in one line for the ticket: the API and its parameters, a policy document by its name only. */
function callLine(call: ContainmentOutcome['calls'][number]['call']): string {
  const params = Object.entries(call.params)
    .filter(([name]) => name !== 'PolicyDocument')
    .map(([name, value]) => `${name}=${String(value)}`);
  return `${call.api} ${params.join(' ')}`.slice(0, 600);
}

/** The ticket's entry for a run or an undo (the new password never goes in: it is redacted in the calls). */
export function ticketEntryOf(outcome: ContainmentOutcome): ContainmentTicketEntry {
  const { identity } = outcome.plan;
  return {
    id: outcome.id,
    kind: outcome.kind,
    ...(outcome.undoOf ? { undoOf: outcome.undoOf } : {}),
    at: outcome.plan.at,
    profile: outcome.profile,
    identity: { kind: identity.kind, name: identity.name, uniqueId: identity.uniqueId },
    status: outcome.status,
    ...(outcome.message ? { message: outcome.message.slice(0, 2000) } : {}),
    calls: outcome.calls.slice(0, 50).map((logged) => ({ call: callLine(logged.call), outcome: logged.outcome })),
    checks: outcome.checks.slice(0, 50).map((check) => ({ ok: check.ok, detail: check.detail.slice(0, 600) })),
  };
}

const callWords = { ok: ' (done)', failed: ' (failed)', unknown: ' (no answer: may have happened)' } as const;

function entryBlocks(entry: ContainmentTicketEntry): Block[] {
  const who: Span[] = [data(inertText(entry.identity.name, 128)), words(' ('), data(inertText(entry.identity.uniqueId, 128)), words(')')];
  const head: Span[] =
    entry.kind === 'undo'
      ? [label('Undo '), data(entry.id), words(' of '), data(entry.undoOf ?? ''), words(` on ${entry.identity.kind} `), ...who]
      : [label('Containment '), data(entry.id), words(` on ${entry.identity.kind} `), ...who];
  const blocks: Block[] = [
    { type: 'paragraph', spans: [...head, words(', at '), data(entry.at), words(' with profile '), data(inertText(entry.profile, 128)), words(`: ${entry.status}.`)] },
  ];
  if (entry.message) blocks.push({ type: 'paragraph', spans: [data(inertText(entry.message, 2000))] });
  if (entry.calls.length) blocks.push({ type: 'bullets', items: entry.calls.map((c) => [data(inertText(c.call, 600)), words(callWords[c.outcome])]) });
  if (entry.checks.length) {
    blocks.push({ type: 'paragraph', spans: [label(entry.kind === 'undo' ? 'Compared with the state before:' : 'Read back after acting:')] });
    blocks.push({ type: 'bullets', items: entry.checks.map((c) => [words(c.ok ? 'As meant: ' : 'NOT as meant: '), data(inertText(c.detail, 600))]) });
  }
  return blocks;
}

/** The ticket's "Containment" section: each run and undo added, in the order they were made. */
export function containmentSection(entries: readonly ContainmentTicketEntry[]): Block[] {
  if (entries.length === 0) return [];
  const ordered = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return [{ type: 'heading', text: 'Containment' }, ...ordered.flatMap(entryBlocks)];
}
