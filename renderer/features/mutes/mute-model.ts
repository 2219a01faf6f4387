import type { MuteInput } from '../../../shared/api/investigation-contract';
import { muteActive } from '../../../shared/baseline/mutes';

export const expiryChoices = [
  { id: '7', label: '7 days', days: 7 },
  { id: '30', label: '30 days', days: 30 },
  { id: '90', label: '90 days', days: 90 },
] as const;

const dayMs = 24 * 60 * 60 * 1000;
export const maxReasonLength = 500;

/** The expiry of a choice made at `now`: a number of days, or the end of a picked date (UTC). */
export function expiryOf(choice: string, date: string, now: number): string | null {
  const preset = expiryChoices.find((option) => option.id === choice);
  if (preset) return new Date(now + preset.days * dayMs).toISOString();
  if (choice !== 'date' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = Date.parse(`${date}T23:59:59.000Z`);
  return Number.isFinite(end) && end > now ? new Date(end).toISOString() : null;
}

/** The mute of a rule for an identity (the newest, active or not), if any. */
export function muteOf(mutes: readonly MuteInput[], ruleId: string, identity: string): MuteInput | null {
  for (let i = mutes.length - 1; i >= 0; i -= 1) {
    const mute = mutes[i]!;
    if (mute.ruleId === ruleId && mute.identity === identity) return mute;
  }
  return null;
}

/** Adds a mute, replacing an earlier one of the same rule for the same identity. */
export function withMute(mutes: readonly MuteInput[], mute: MuteInput): MuteInput[] {
  return [...mutes.filter((m) => !(m.ruleId === mute.ruleId && m.identity === mute.identity)), mute];
}

export function withoutMute(mutes: readonly MuteInput[], ruleId: string, identity: string): MuteInput[] {
  return mutes.filter((m) => !(m.ruleId === ruleId && m.identity === identity));
}

export function isActive(mute: MuteInput, now: number): boolean {
  return muteActive(mute, now);
}

/** "until 2 Jan 2027" as the badge's tooltip says it. */
export function untilText(until: string): string {
  const time = Date.parse(until);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : 'an unreadable date';
}

/** A short name for an identity ARN (`arn:aws:iam::1:user/jmorales` → `jmorales`). */
export function identityLabel(identity: string): string {
  const slash = identity.lastIndexOf('/');
  return slash >= 0 ? identity.slice(slash + 1) : identity;
}
