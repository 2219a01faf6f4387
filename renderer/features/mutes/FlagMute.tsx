import { visibleText } from '../../../shared/display/visible-text';
import { isActive, muteOf, untilText } from './mute-model';
import { MuteDialog } from './MuteDialog';
import { useMutesContext } from './MutesContext';
import './mutes.css';

/**
 * On one flag of one event: a "muted" badge (reason and expiry in its tooltip) when the analyst
 * muted the rule for this identity, "expired" once the mute ran out, else the control to mute it.
 */
export function FlagMute({ ruleId, title, identity }: { ruleId: string; title: string; identity: string }) {
  const context = useMutesContext();
  if (!context || !identity) return null;
  const mute = muteOf(context.mutes, ruleId, identity);
  if (mute && isActive(mute, Date.now())) {
    return (
      <span className="mute-state">
        <span
          className="badge mute-badge"
          data-testid="muted-badge"
          title={`Muted until ${untilText(mute.until)}: ${visibleText(mute.reason)}`}
        >
          muted
        </span>
        <button type="button" className="ghost" onClick={() => context.unmute(ruleId, identity)}>
          Unmute
        </button>
      </span>
    );
  }
  return (
    <span className="mute-state">
      {mute && (
        <span className="badge mute-expired" title={`Mute expired ${untilText(mute.until)}: ${visibleText(mute.reason)}`}>
          mute expired
        </span>
      )}
      <MuteDialog ruleId={ruleId} title={title} identity={identity} onSave={context.mute} />
    </span>
  );
}
