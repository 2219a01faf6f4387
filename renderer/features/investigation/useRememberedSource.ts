import { useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';

import { FetchSource } from '../../../shared/api/fetch-contract';
import type { FormValues } from './form-model';
import { sourceValuesOf } from './source-model';
import type { SourceValues } from './source-model';

const storageKey = 'trailcase.sourceByProfile';

/** The sources remembered per profile; anything stored that the contract refuses is dropped. */
function load(): Record<string, FetchSource> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const sources: Record<string, FetchSource> = {};
    for (const [profile, value] of Object.entries(parsed as Record<string, unknown>)) {
      const source = FetchSource.safeParse(value);
      if (source.success) sources[profile] = source.data;
    }
    return sources;
  } catch {
    return {};
  }
}

/** Remembers the source a profile last fetched from (on this machine, in the renderer's storage). */
export function rememberSource(profile: string, source: FetchSource): void {
  if (!profile) return;
  try {
    localStorage.setItem(storageKey, JSON.stringify({ ...load(), [profile]: source }));
  } catch {
    // Storage full or refused: the source is simply not remembered.
  }
}

/** The source a profile last fetched from, as form values (kept fields of other kinds stay). */
export function rememberedSource(profile: string, base: SourceValues): SourceValues | null {
  const source = load()[profile];
  return source ? sourceValuesOf(source, base) : null;
}

/**
 * The form's source follows the profile: each profile opens on the source it last fetched from,
 * unless a link filled the form (a link names no source: it means LookupEvents). Called during
 * Workspace's render, adjusted when the profile changes, as React advises for derived state that
 * stays editable.
 */
export function useRememberedSource(profile: string, fromLink: boolean, setValues: Dispatch<SetStateAction<FormValues>>): void {
  const [applied, setApplied] = useState<string | null>(fromLink ? profile : null);
  if (profile && applied !== profile) {
    setApplied(profile);
    setValues((values) => {
      const remembered = rememberedSource(profile, values.source);
      return remembered ? { ...values, source: remembered } : values;
    });
  }
}
