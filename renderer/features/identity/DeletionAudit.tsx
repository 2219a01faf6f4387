import { useState } from 'react';

import type { DeletionAuditData } from '../../../shared/api/iam-contract';
import { api } from '../../api/bridge';
import { utcText } from './identity-format';
import { useIamCall } from './useIamCall';

type Call = DeletionAuditData['deletions'][number]['deleteUser'];

const callText = (call: Call) =>
  `${utcText(call.eventTime)} ${call.eventName}${call.detail ? ` ${call.detail}` : ''}${call.errorCode ? ` (failed: ${call.errorCode})` : ''} by ${call.by} from ${call.sourceIPAddress || '-'} via ${call.via}`;

/** For a user IAM no longer knows: who deleted it, the clean-up before, and whether the name came back (CloudTrail, 90 days). */
export function DeletionAudit({ profile, userName }: { profile: string; userName: string }) {
  const [asked, setAsked] = useState(false);
  const { state } = useIamCall<DeletionAuditData>(asked ? `${profile}|${userName}` : null, () => api.iamDeletionAudit({ profile, userName }));
  if (!asked) {
    return (
      <button type="button" onClick={() => setAsked(true)}>
        Who deleted it?
      </button>
    );
  }
  if (state.status === 'loading') return <p role="status">Looking up CloudTrail&apos;s IAM events on {userName} (90 days)…</p>;
  if (state.status === 'failed') return <p className="banner banner-error">{state.error.message}</p>;
  if (state.status !== 'ready') return null;
  const audit = state.data;
  return (
    <div className="identity-deletion" data-testid="identity-deletion">
      <h4>Deletion audit of {audit.userName}</h4>
      {audit.deletions.length === 0 && <p className="muted">No DeleteUser of this name in CloudTrail&apos;s last 90 days.</p>}
      {audit.deletions.map((deletion) => (
        <div key={deletion.deleteUser.eventID}>
          <p>
            Deleted: {callText(deletion.deleteUser)}
            {deletion.userId && ` (the user ${deletion.userId})`}
          </p>
          <ul>
            {deletion.cleanup.length === 0 && <li className="muted">No clean-up call before it in the records.</li>}
            {deletion.cleanup.map((call) => (
              <li key={call.eventID}>{callText(call)}</li>
            ))}
          </ul>
        </div>
      ))}
      {audit.creations.map((creation) => (
        <p key={creation.eventID}>
          Created: {callText(creation)}
          {creation.userId && ` as ${creation.userId}`}
        </p>
      ))}
      {audit.recreatedAfterDeletion && (
        <p role="alert" className="banner banner-warning">
          A user of the same name was created again after the deletion ({utcText(audit.recreatedAfterDeletion.eventTime)}
          {audit.recreatedAfterDeletion.userId ? `, ${audit.recreatedAfterDeletion.userId}` : ''})
          {audit.recreatedAfterDeletion.differentId === true ? ': another identity under the old name.' : '.'}
        </p>
      )}
    </div>
  );
}
