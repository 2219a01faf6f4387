import type { ProfileKind, ProfileSummary } from '../../../shared/api/app-contract';
import './connect.css';

const kindLabels: Record<ProfileKind, string> = {
  keys: 'access keys',
  sso: 'SSO',
  role: 'assume role',
  process: 'credential process',
  env: 'environment',
  demo: 'demo data',
  unknown: 'no credentials',
};

export interface ProfilePickerProps {
  profiles: ProfileSummary[];
  value: string;
  onChange(name: string): void;
  disabled?: boolean;
}

/** Picks an AWS profile; shows its kind, region and whether it asks for MFA. */
export function ProfilePicker({ profiles, value, onChange, disabled }: ProfilePickerProps) {
  const selected = profiles.find((profile) => profile.name === value);
  return (
    <div className="profile-picker">
      <label className="field-label" htmlFor="profile-select">
        AWS profile
      </label>
      <select id="profile-select" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {profiles.map((profile) => (
          <option key={profile.name} value={profile.name}>
            {profile.name} — {kindLabels[profile.kind]}
            {profile.region ? ` · ${profile.region}` : ''}
          </option>
        ))}
      </select>
      {selected && (
        <span className={`kind-badge kind-${selected.kind}`} title={selected.ssoSession ?? undefined}>
          {kindLabels[selected.kind]}
          {selected.mfa ? ' · MFA' : ''}
        </span>
      )}
    </div>
  );
}

/** The profile to preselect: AWS_PROFILE or `default` when present, else the demo. */
export function initialProfile(profiles: ProfileSummary[]): string {
  return (profiles.find((p) => p.isDefault) ?? profiles.find((p) => p.kind === 'demo') ?? profiles[0])?.name ?? '';
}
