import type { ReportUser } from '../../../shared/iam/credential-report';
import { isReportDate } from '../../../shared/iam/credential-report';

export type UserSortKey = 'user' | 'created' | 'passwordLastUsed' | 'keyLastUsed' | 'mfa' | 'lastActivity';

/** The latest use of any of the user's keys (ISO) or null. */
export function keyLastUsed(user: ReportUser): string | null {
  const used = user.keys.map((key) => key.lastUsedDate).filter(isReportDate).sort();
  return used.at(-1) ?? null;
}

const valueOf = (user: ReportUser, key: UserSortKey): string => {
  switch (key) {
    case 'user':
      return user.user.toLowerCase();
    case 'created':
      return user.createdAt;
    case 'passwordLastUsed':
      return isReportDate(user.passwordLastUsed) ? user.passwordLastUsed : '';
    case 'keyLastUsed':
      return keyLastUsed(user) ?? '';
    case 'mfa':
      return user.mfaActive ? '1' : '0';
    case 'lastActivity':
      return user.lastActivity ?? '';
  }
};

/** The users sorted by one column; no use (N/A, no_information, never) sorts as the oldest. */
export function sortUsers(users: readonly ReportUser[], key: UserSortKey, descending: boolean): ReportUser[] {
  const sorted = [...users].sort((a, b) => valueOf(a, key).localeCompare(valueOf(b, key)) || a.user.localeCompare(b.user));
  return descending ? sorted.reverse() : sorted;
}
