import type { ProfileKind, ProfileSummary, SsoState } from '../../../shared/api/app-contract';
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

const ssoText: Record<SsoState, { label: string; help: (profile: string) => string }> = {
  valid: { label: 'SSO signed in', help: () => 'The cached SSO login is valid.' },
  refreshable: { label: 'SSO renews', help: () => 'The SSO access token expired; Trailcase renews it from the cached session.' },
  expired: { label: 'SSO expired', help: (p) => `Run aws sso login --profile ${p}, then Reload profiles.` },
  none: { label: 'SSO not signed in', help: (p) => `Run aws sso login --profile ${p}, then Reload profiles.` },
};

/** Whether the SSO login of the chosen profile works now, with what to do when it does not. */
function SsoBadge({ profile, state }: { profile: string; state: SsoState }) {
  const text = ssoText[state];
  return (
    <span className={`sso-badge sso-${state}`} title={text.help(profile)}>
      {text.label}
      {(state === 'expired' || state === 'none') && <span className="sso-help"> — run aws sso login --profile {profile}</span>}
    </span>
  );
}

/** Picks an AWS profile; shows its kind, region and whether it asks for MFA. */
export function ProfilePicker({ profiles, value, onChange, disabled }: ProfilePickerProps) {
  const selected = profiles.find((profile) => profile.name === value);
  return (
    <div className="profile-picker">
      <label className="field-label" htmlFor="profile-select">
        AWS profile
      </label>
      <select id="profile-select" value={selected ? value : ''} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {/* No profile chosen (a link named one that is missing): the analyst picks, nothing is assumed. */}
        {!selected && (
          <option value="" disabled>
            Choose a profile
          </option>
        )}
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
      {selected?.ssoState && <SsoBadge profile={selected.name} state={selected.ssoState} />}
    </div>
  );
}

/** The profile to preselect: AWS_PROFILE or `default` when present, else the demo. */
export function initialProfile(profiles: ProfileSummary[]): string {
  return (profiles.find((p) => p.isDefault) ?? profiles.find((p) => p.kind === 'demo') ?? profiles[0])?.name ?? '';
}
