import { stringify } from 'csv-stringify/browser/esm/sync';

import { csvCell } from '../export/csv';
import { daysSince, isReportDate } from './credential-report';
import type { ReportUser } from './credential-report';

/** The columns of the users table and its CSV, in order. */
export const userColumns = [
  'user', 'arn', 'created', 'passwordEnabled', 'passwordLastUsed', 'mfaActive',
  'key1Active', 'key1LastUsed', 'key1Service', 'key2Active', 'key2LastUsed', 'key2Service', 'lastActivity', 'daysInactive',
] as const;

/** One user as the table shows it: the report's words (N/A, no_information) kept, days computed. */
export function userRow(user: ReportUser, now: number): Record<(typeof userColumns)[number], string> {
  const key = (slot: 1 | 2) => user.keys.find((candidate) => candidate.slot === slot);
  const days = daysSince(user.lastActivity, now) ?? daysSince(isReportDate(user.createdAt) ? user.createdAt : null, now);
  return {
    user: user.user,
    arn: user.arn,
    created: user.createdAt,
    passwordEnabled: user.passwordEnabled,
    passwordLastUsed: user.passwordLastUsed,
    mfaActive: String(user.mfaActive),
    key1Active: key(1) ? String(key(1)!.active) : 'N/A',
    key1LastUsed: key(1)?.lastUsedDate ?? 'N/A',
    key1Service: key(1)?.lastUsedService ?? 'N/A',
    key2Active: key(2) ? String(key(2)!.active) : 'N/A',
    key2LastUsed: key(2)?.lastUsedDate ?? 'N/A',
    key2Service: key(2)?.lastUsedService ?? 'N/A',
    lastActivity: user.lastActivity ?? 'never',
    daysInactive: days === null ? '' : String(days),
  };
}

/**
 * The users as CSV, every cell quoted and safe to open in a spreadsheet (promise 10: a formula
 * start is neutralised, control characters made visible). The header holds our column names only.
 */
export function usersCsv(users: readonly ReportUser[], now: number): string {
  const rows = users.map((user) => Object.values(userRow(user, now)).map(csvCell));
  return `${userColumns.join(',')}\r\n${stringify(rows, { quoted: true, quoted_empty: true, eof: true, record_delimiter: 'windows' })}`;
}

/** The users as a fixed-width table for a terminal. */
export function usersTable(users: readonly ReportUser[], now: number): string {
  const short = (value: string) => (isReportDate(value) ? value.slice(0, 10) : value);
  const header = ['USER', 'CREATED', 'PASSWORD', 'PASSWORD LAST USED', 'MFA', 'KEY 1 LAST USED', 'KEY 2 LAST USED', 'DAYS INACTIVE'];
  const rows = users.map((user) => {
    const row = userRow(user, now);
    const keyText = (active: string, used: string, service: string) => (active === 'N/A' ? 'N/A' : `${short(used)}${active === 'false' ? ' (inactive)' : ''}${service !== 'N/A' ? ` ${service}` : ''}`);
    return [row.user, short(row.created), row.passwordEnabled, short(row.passwordLastUsed), row.mfaActive, keyText(row.key1Active, row.key1LastUsed, row.key1Service), keyText(row.key2Active, row.key2LastUsed, row.key2Service), row.daysInactive || '-'];
  });
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index < cells.length - 1 ? cell.padEnd(widths[index]!) : cell)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
