/** Time-range presets of the investigation form, shortest first. */
export const timePresets = ['1h', '24h', '7d', '14d', '30d', '90d'] as const;
export type TimePreset = (typeof timePresets)[number];

const unitMs: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** LookupEvents keeps 90 days of management events; older ranges return nothing. */
export const maxLookbackMs = 90 * unitMs.d!;

/**
 * Parses a relative duration such as `15m`, `24h`, `7d` or `2w` into milliseconds. Returns null
 * for anything else, for zero, and for more than 90 days (CloudTrail keeps no more).
 */
export function parseSince(text: string): number | null {
  const match = /^(\d{1,4})([mhdw])$/.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * unitMs[match[2]!]!;
  return ms > 0 && ms <= maxLookbackMs ? ms : null;
}

/** The ISO start and end of the range that ends now and lasts `since`. */
export function rangeFromSince(since: string, now: number): { start: string; end: string } | null {
  const ms = parseSince(since);
  if (ms === null) return null;
  return { start: new Date(now - ms).toISOString(), end: new Date(now).toISOString() };
}

/** Says whether a text is one of the presets. */
export function isTimePreset(value: unknown): value is TimePreset {
  return typeof value === 'string' && (timePresets as readonly string[]).includes(value);
}

/** A short label for a preset: `1 hour`, `7 days`. */
export function presetLabel(preset: TimePreset): string {
  const labels: Record<TimePreset, string> = { '1h': '1 hour', '24h': '24 hours', '7d': '7 days', '14d': '14 days', '30d': '30 days', '90d': '90 days' };
  return labels[preset];
}
