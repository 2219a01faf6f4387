import { useState } from 'react';

import { visibleText } from '../../../shared/display/visible-text';
import { identityLabel, isActive, untilText } from './mute-model';
import { useMutesContext } from './MutesContext';
import './mutes.css';

/** The investigation's mutes, under "What stands out": "2 rules muted for jmorales — show", each with Unmute. */
export function MutesList() {
  const context = useMutesContext();
  const [shown, setShown] = useState(false);
  if (!context || context.mutes.length === 0) return null;
  const now = Date.now();
  const active = context.mutes.filter((mute) => isActive(mute, now));
  const who = [...new Set(context.mutes.map((mute) => identityLabel(mute.identity)))].join(', ');
  const expired = context.mutes.length - active.length;
  return (
    <div className="mutes-list" aria-label="Muted rules">
      <span className="muted">
        {active.length} {active.length === 1 ? 'rule' : 'rules'} muted for {visibleText(who)}
        {expired > 0 ? ` (${expired} expired)` : ''}
      </span>{' '}
      <button type="button" className="ghost" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'hide' : 'show'}
      </button>
      {shown && (
        <ul>
          {context.mutes.map((mute) => (
            <li key={`${mute.ruleId} ${mute.identity}`} data-testid="mute-item">
              <span className="mono">{visibleText(mute.ruleId)}</span> for{' '}
              <span className="mono">{visibleText(identityLabel(mute.identity))}</span>
              {isActive(mute, now) ? (
                ` until ${untilText(mute.until)}`
              ) : (
                <span className="badge mute-expired"> expired {untilText(mute.until)}</span>
              )}
              <span className="muted"> · {visibleText(mute.reason)}</span>{' '}
              <button type="button" className="ghost" onClick={() => context.unmute(mute.ruleId, mute.identity)}>
                Unmute
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
