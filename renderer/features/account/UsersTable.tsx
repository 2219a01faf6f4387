import type { ReportUser } from '../../../shared/iam/credential-report';
import { daysSince } from '../../../shared/iam/credential-report';
import { keyLastUsed } from './users-sort';
import type { UserSortKey } from './users-sort';

const columns: Array<[UserSortKey, string]> = [
  ['user', 'User'],
  ['created', 'Created'],
  ['passwordLastUsed', 'Password last used'],
  ['keyLastUsed', 'Keys last used'],
  ['mfa', 'MFA'],
  ['lastActivity', 'Days inactive'],
];

const day = (value: string) => (/^\d{4}-\d\d-\d\dT/.test(value) ? value.slice(0, 10) : value);

export interface UsersTableProps {
  users: ReportUser[];
  sort: { key: UserSortKey; descending: boolean };
  onSort(key: UserSortKey): void;
  onInvestigate(userName: string): void;
  now: number;
}

/** The credential report's users: sortable by each column, each with Investigate (root excepted). */
export function UsersTable({ users, sort, onSort, onInvestigate, now }: UsersTableProps) {
  return (
    <table className="account-users" data-testid="account-users">
      <thead>
        <tr>
          {columns.map(([key, title]) => (
            <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="account-sort" onClick={() => onSort(key)}>
                {title}
                {sort.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''}
              </button>
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const keys = user.keys.length === 0 ? 'N/A' : user.keys.map((key) => `${day(key.lastUsedDate)}${key.active ? '' : ' (inactive)'}`).join(', ');
          const days = daysSince(user.lastActivity ?? (user.root ? null : user.createdAt), now);
          return (
            <tr key={user.arn} data-testid="account-user-row">
              <td>{user.user}</td>
              <td>{day(user.createdAt)}</td>
              <td title={user.passwordLastUsed}>{user.passwordEnabled === 'false' ? 'no password' : day(user.passwordLastUsed)}</td>
              <td title={keyLastUsed(user) ?? 'no key used'}>{keys}</td>
              <td>{user.mfaActive ? 'yes' : <strong>no</strong>}</td>
              <td>{user.lastActivity === null ? `never${days !== null ? ` (created ${days === 1 ? '1 day' : `${days} days`} ago)` : ''}` : String(days)}</td>
              <td>
                {!user.root && (
                  <button type="button" onClick={() => onInvestigate(user.user)} aria-label={`Investigate ${user.user}`}>
                    Investigate
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
