import { z } from 'zod';

/**
 * A value of the credential report as IAM writes it: an ISO time, or one of its words: `N/A`
 * (no such credential), `no_information` (never used, or not since IAM began tracking in
 * October 2014), `not_supported` (root's password fields).
 */
export type ReportValue = string;

export const ReportKey = z.object({
  slot: z.union([z.literal(1), z.literal(2)]),
  active: z.boolean(),
  lastRotated: z.string(),
  lastUsedDate: z.string(),
  lastUsedRegion: z.string(),
  lastUsedService: z.string(),
});

export const ReportUser = z.object({
  user: z.string(),
  arn: z.string(),
  root: z.boolean(),
  createdAt: z.string(),
  passwordEnabled: z.string(),
  passwordLastUsed: z.string(),
  passwordLastChanged: z.string(),
  mfaActive: z.boolean(),
  /** Only the key slots that hold a key (last rotated is a date). */
  keys: z.array(ReportKey),
  /** The latest use of the password or any key (ISO), or null: never used. */
  lastActivity: z.string().nullable(),
});
export type ReportUser = z.infer<typeof ReportUser>;

export const CredentialReport = z.object({
  generatedAt: z.string().nullable(),
  users: z.array(ReportUser),
  /** What the analyst must know to read it right (the 4-hour rule). */
  note: z.string(),
});
export type CredentialReport = z.infer<typeof CredentialReport>;

/** Whether a report value is a time (not N/A, no_information or not_supported). */
export const isReportDate = (value: string) => /^\d{4}-\d\d-\d\dT/.test(value);

/** The later of two report times; strings of IAM's one format (`+00:00`) compare as text, others are parsed. */
const later = (a: string | null, b: string) => {
  if (!isReportDate(b)) return a;
  if (a === null) return b;
  const sameFormat = a.length === b.length && a.endsWith('+00:00') && b.endsWith('+00:00');
  return (sameFormat ? b > a : Date.parse(b) > Date.parse(a)) ? b : a;
};

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted && char === '"' && line[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/**
 * The credential report's CSV as rows: each user (root's `<root_account>` row included), the
 * report's own words kept as they are, and each user's last activity (password or key).
 * Columns are found by name, so a column AWS adds later does not shift the others.
 */
export function parseCredentialReport(csv: string): ReportUser[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const at = (name: string) => header.indexOf(name);
  const columns = {
    user: at('user'), arn: at('arn'), created: at('user_creation_time'), passwordEnabled: at('password_enabled'),
    passwordLastUsed: at('password_last_used'), passwordLastChanged: at('password_last_changed'), mfa: at('mfa_active'),
  };
  if (columns.user < 0 || columns.arn < 0) throw new Error('The credential report has no user or arn column.');
  // Each key slot's columns, found once: the report has thousands of rows.
  const slots = ([1, 2] as const).map((slot) => ({
    slot,
    active: at(`access_key_${slot}_active`),
    rotated: at(`access_key_${slot}_last_rotated`),
    used: at(`access_key_${slot}_last_used_date`),
    region: at(`access_key_${slot}_last_used_region`),
    service: at(`access_key_${slot}_last_used_service`),
  }));
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const cell = (index: number) => (index < 0 ? 'N/A' : (cells[index] ?? 'N/A'));
    const keys = slots
      .map((slot) => ({
        slot: slot.slot,
        active: cell(slot.active) === 'true',
        lastRotated: cell(slot.rotated),
        lastUsedDate: cell(slot.used),
        lastUsedRegion: cell(slot.region),
        lastUsedService: cell(slot.service),
      }))
      .filter((key) => isReportDate(key.lastRotated));
    const passwordLastUsed = cell(columns.passwordLastUsed);
    const lastActivity = keys.reduce((latest, key) => later(latest, key.lastUsedDate), later(null, passwordLastUsed));
    const user = cell(columns.user);
    return {
      user,
      arn: cell(columns.arn),
      root: user === '<root_account>',
      createdAt: cell(columns.created),
      passwordEnabled: cell(columns.passwordEnabled),
      passwordLastUsed,
      passwordLastChanged: cell(columns.passwordLastChanged),
      mfaActive: cell(columns.mfa) === 'true',
      keys,
      lastActivity,
    };
  });
}

/**
 * Users with no activity in the last `days` days: the last use of the password and of every key
 * is older, or there was none and the user is older than that (a user created yesterday and
 * never used is not inactive yet).
 */
export function inactiveUsers(users: ReportUser[], days: number, now: number): ReportUser[] {
  const cutoff = now - days * 86_400_000;
  return users.filter((user) => {
    if (user.lastActivity !== null) return Date.parse(user.lastActivity) < cutoff;
    return !isReportDate(user.createdAt) || Date.parse(user.createdAt) < cutoff;
  });
}

/** Whole days from an ISO time to now (null for a report word). */
export function daysSince(value: string | null, now: number): number | null {
  if (value === null || !isReportDate(value)) return null;
  return Math.floor((now - Date.parse(value)) / 86_400_000);
}

export const CREDENTIAL_REPORT_NOTE =
  'IAM generates a credential report at most once every 4 hours: activity since it was generated is not in it.';
