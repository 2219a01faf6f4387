import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';

import type { CredentialReport } from '../../../shared/iam/credential-report';
import { inactiveUsers } from '../../../shared/iam/credential-report';
import { usersCsv } from '../../../shared/iam/users-table';
import { api } from '../../api/bridge';
import { useIamCall } from '../identity/useIamCall';
import { downloadText } from '../workspace/download';
import { sortUsers } from './users-sort';
import type { UserSortKey } from './users-sort';
import { UsersTable } from './UsersTable';
import './account.css';

export interface AccountDialogProps {
  profile: string;
  /** Opens the user as an investigation (the form filled and the fetch started). */
  onInvestigate(userName: string): void;
}

/**
 * The account's IAM users from the credential report: inactive ones first to hand, sortable, exported
 * as CSV (promise 10), and each opened as an investigation in one click. Read-only.
 */
export function AccountDialog({ profile, onInvestigate }: AccountDialogProps) {
  const [open, setOpen] = useState(false);
  const [onlyInactive, setOnlyInactive] = useState(true);
  const [days, setDays] = useState(90);
  const [sort, setSort] = useState<{ key: UserSortKey; descending: boolean }>({ key: 'lastActivity', descending: false });
  const { state, reload } = useIamCall<CredentialReport>(open && profile ? profile : null, () => api.iamUsers({ profile }));
  const now = Date.now();
  const report = state.status === 'ready' ? state.data : null;
  const shown = useMemo(() => {
    if (!report) return [];
    return sortUsers(onlyInactive ? inactiveUsers(report.users, days, now) : report.users, sort.key, sort.descending);
    // `now` moves every render; the list follows the report and the analyst's choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report, onlyInactive, days, sort]);
  const onSort = (key: UserSortKey) => setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }));
  const exportCsv = () => downloadText(`trailcase-users-${profile.replace(/[^\w.-]+/g, '_')}-${new Date().toISOString().slice(0, 10)}.csv`, usersCsv(shown, Date.now()), 'text/csv');
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="ghost" disabled={!profile}>
          Account users
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content account-dialog" aria-describedby={undefined}>
          <Dialog.Title>IAM users of profile {profile}</Dialog.Title>
          <div className="account-controls">
            <label>
              <input type="checkbox" checked={onlyInactive} onChange={(event) => setOnlyInactive(event.target.checked)} /> Only inactive for more than
            </label>
            <input type="number" min={1} max={3650} value={days} aria-label="Days inactive" onChange={(event) => setDays(Math.max(1, Number(event.target.value) || 1))} disabled={!onlyInactive} />
            <span>days</span>
            <div className="header-spacer" />
            <button type="button" className="ghost" onClick={reload} disabled={state.status === 'loading'}>
              Read again
            </button>
            <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
              Export CSV
            </button>
          </div>
          {state.status === 'loading' && <p role="status">Reading the credential report (IAM may need a few seconds to generate it)…</p>}
          {state.status === 'failed' && (
            <p role="alert" className="banner banner-error">
              {state.error.message}
            </p>
          )}
          {report && (
            <>
              <p className="muted">
                {report.note} Generated {report.generatedAt ? `${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC` : 'at an unknown time'}. {shown.length} of {report.users.length} users shown.
              </p>
              <div className="account-table-wrap">
                <UsersTable
                  users={shown}
                  sort={sort}
                  onSort={onSort}
                  now={now}
                  onInvestigate={(userName) => {
                    setOpen(false);
                    onInvestigate(userName);
                  }}
                />
              </div>
            </>
          )}
          <Dialog.Close asChild>
            <button type="button" className="ghost account-close">
              Close
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
