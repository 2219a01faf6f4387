/**
 * A rule muted for one identity by the analyst: with a reason and an expiry, kept with the
 * investigation. A muted flag stays on its event, marked `muted` and counted: never dropped.
 */
export interface Mute {
  ruleId: string;
  /** The identity key (the user's or role's ARN), as the analysis names identities. */
  identity: string;
  reason: string;
  /** ISO time after which the mute no longer applies. */
  until: string;
  createdAt?: string;
}

export interface MuteMark {
  reason: string;
  until: string;
}

/** Whether a mute still applies at `now` (an unreadable expiry never applies). */
export function muteActive(mute: Mute, now: number): boolean {
  const until = Date.parse(mute.until);
  return Number.isFinite(until) && now < until;
}

/** Looks up the mute of a rule for an identity among those still in force. */
export function createMuteLookup(mutes: readonly Mute[], now: number): (ruleId: string, identity: string) => MuteMark | null {
  const active = new Map<string, MuteMark>();
  for (const mute of mutes) {
    if (!muteActive(mute, now)) continue;
    active.set(`${mute.ruleId}\u0000${mute.identity}`, { reason: mute.reason, until: mute.until });
  }
  return (ruleId, identity) => (active.size === 0 ? null : (active.get(`${ruleId}\u0000${identity}`) ?? null));
}

/** Marks the flags a mute covers; returns new flags (the input is not changed) and how many were muted. */
export function applyMutes<F extends { ruleId: string }>(flags: readonly F[], identity: string, lookup: ReturnType<typeof createMuteLookup>): { flags: Array<F & { muted?: MuteMark }>; muted: number } {
  let muted = 0;
  const marked = flags.map((flag) => {
    const mark = lookup(flag.ruleId, identity);
    if (!mark) return flag;
    muted += 1;
    return { ...flag, muted: mark };
  });
  return { flags: marked, muted };
}

/** The mutes as a report shows them: each with whether it is still in force. */
export function muteStatus(mutes: readonly Mute[], now: number): Array<Mute & { active: boolean }> {
  return mutes.map((mute) => ({ ...mute, active: muteActive(mute, now) }));
}
