import { useEffect } from 'react';

import { initialProfile, ProfilePicker } from '../connect/ProfilePicker';
import { useProfiles } from '../connect/useProfiles';

/** The profile picker, for when the page header does not provide one. */
export function WorkspaceProfile({ value, onChange }: { value: string; onChange(name: string): void }) {
  const { list, loading } = useProfiles();
  const profiles = list?.profiles ?? [];
  const chosen = value && profiles.some((p) => p.name === value) ? value : initialProfile(profiles);
  useEffect(() => {
    if (chosen && chosen !== value) onChange(chosen);
  }, [chosen, value, onChange]);
  return <ProfilePicker profiles={profiles} value={chosen} onChange={onChange} disabled={loading} />;
}
