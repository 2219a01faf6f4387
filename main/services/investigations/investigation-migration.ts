import { createHash } from 'node:crypto';

import { SavedInvestigation } from '../../../shared/api/investigation-contract';
import type { InvestigationKind } from '../../../shared/api/investigation-contract';
import { sourceOf, subjectValue } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';

/** A file as written by this version or an older one (before autosaves, `kind` was not written). */
export const StoredInvestigation = SavedInvestigation.extend({ kind: SavedInvestigation.shape.kind.optional() });

/** The name the app gave every fetch before investigations were named by the analyst: `jmorales · 2026-12-01 21:25 UTC`. */
const oldDefaultName = /^.+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/;

/**
 * What an older file was. Before this version every fetch was saved under its default name: such
 * an entry is an autosave. One the analyst renamed or wrote notes in is a saved investigation,
 * so it is never replaced by an autosave.
 */
export function kindOfOlder(file: { name: string; notes: string }): InvestigationKind {
  return oldDefaultName.test(file.name) && file.notes.trim() === '' ? 'autosave' : 'saved';
}

/** Reads a stored file of any version as a saved investigation of this one, or null when it is not one. */
export function migrateInvestigation(json: unknown): SavedInvestigation | null {
  const parsed = StoredInvestigation.safeParse(json);
  if (!parsed.success) return null;
  return { ...parsed.data, kind: parsed.data.kind ?? kindOfOlder(parsed.data) };
}

/**
 * The id of the autosave slot of a query's identity and range: one per profile, identity and
 * range (the preset, such as `7d`, when the range was one; else its start and end). Hashed, so
 * it passes the `Id` schema whatever the names hold.
 */
export function autosaveIdOf(query: FetchQuery, since: string | undefined): string {
  const { identity: subject } = query;
  const identity = subject.kind === 'user' ? `user:${subject.userName}` : subject.kind === 'accessKey' ? `key:${subject.accessKeyId}` : `${subject.kind}:${subjectValue(subject)}`;
  const range = since ? `since:${since}` : `${query.start}/${query.end}`;
  // A lookup query keeps the id it had before sources existed; another source has its own slot.
  const source = sourceOf(query);
  const parts = source.kind === 'lookup' ? [query.profile, identity, range] : [query.profile, identity, range, source];
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `autosave-${digest.slice(0, 32)}`;
}
