import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';

import type { ProfileSummary } from '../../../shared/api/app-contract';
import { containmentActions } from '../../../shared/containment/types';
import type { ContainmentAction } from '../../../shared/containment/types';
import { visibleText } from '../../../shared/display/visible-text';
import { useProfiles } from '../connect/useProfiles';
import { OutcomeView } from './OutcomeView';
import { actionLabels, PlanView } from './PlanView';
import { TicketButton } from './TicketButton';
import { UndoPreview } from './UndoPreview';
import { useContainment } from './useContainment';
import type { ContainTarget } from './useContainment';
import './containment.css';

export interface ContainDialogProps extends ContainTarget {
  open: boolean;
  onClose(): void;
  /** The investigation's profile: preselected, but the analyst picks the profile to act with. */
  profile: string;
  /** The ticket draft that "Add to ticket" adds the Containment section to. */
  draftKey: string;
}

const userOnly: ReadonlySet<ContainmentAction> = new Set(['deactivate-keys', 'disable-console']);

/**
 * "Contain…": choose the actions and the acting profile, see the exact calls, type the identity's
 * name to enable Run, see what was read back, Undo in one step, add the record to the ticket.
 */
export function ContainDialog(props: ContainDialogProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content contain-dialog" aria-describedby="contain-description">
          {props.open && <ContainBody {...props} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ProfileSelect({ profiles, value, onChange, disabled }: { profiles: ProfileSummary[]; value: string; onChange(name: string): void; disabled: boolean }) {
  const names = profiles.some((p) => p.name === value) ? profiles : [...profiles, { name: value, kind: 'unknown' } as ProfileSummary];
  return (
    <label className="contain-field">
      Acting profile
      <select value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
        {names.map((profile) => (
          <option key={profile.name} value={profile.name}>
            {profile.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ContainBody({ kind, name, profile: investigating, draftKey, onClose }: ContainDialogProps) {
  const flow = useContainment({ kind, name });
  const profiles = useProfiles();
  const [profile, setProfile] = useState(investigating);
  const offered = containmentActions.filter((action) => kind === 'user' || !userOnly.has(action));
  const [chosen, setChosen] = useState<ContainmentAction[]>(kind === 'user' ? ['deactivate-keys'] : ['revoke-sessions']);
  const [typed, setTyped] = useState('');
  const { step, error } = flow;
  const busy = step.kind === 'previewing' || step.kind === 'running' || (step.kind === 'outcome' && step.undo === 'running');
  const confirmed = typed === name;
  const toggle = (action: ContainmentAction) => setChosen((now) => (now.includes(action) ? now.filter((a) => a !== action) : [...now, action]));
  const plan = step.kind === 'preview' || step.kind === 'running' ? step.plan : null;
  const callCount = plan?.actions.reduce((n, action) => n + action.calls.length, 0) ?? 0;

  return (
    <>
      <Dialog.Title>
        Contain {kind} {visibleText(name)}
      </Dialog.Title>
      <Dialog.Description id="contain-description">
        Trailcase shows the exact IAM calls first and makes them only after you type the {kind}&apos;s name. The state before is recorded, so undo is one
        step; every call is written to the audit log.
      </Dialog.Description>
      {step.kind !== 'outcome' && (
        <fieldset className="contain-choose" disabled={busy || plan !== null}>
          <legend>Actions</legend>
          {offered.map((action) => (
            <label key={action} className="contain-check">
              <input type="checkbox" checked={chosen.includes(action)} onChange={() => toggle(action)} /> {actionLabels[action]}
            </label>
          ))}
          <ProfileSelect profiles={profiles.list?.profiles ?? []} value={profile} onChange={setProfile} disabled={busy || plan !== null} />
        </fieldset>
      )}
      {error && (
        <p role="alert" className="contain-error">
          {visibleText(error.message)}
        </p>
      )}
      {plan && <PlanView plan={plan} />}
      {step.kind === 'outcome' && <OutcomeView outcome={step.outcome} />}
      {step.kind === 'outcome' && step.outcome.undoCommand && !step.undo && <UndoPreview recordId={step.outcome.id} />}
      {step.kind === 'outcome' && step.undo && step.undo !== 'running' && <OutcomeView outcome={step.undo} />}
      {(plan || (step.kind === 'outcome' && step.outcome.undoCommand && !step.undo)) && (
        <label className="contain-field contain-confirm">
          Type {visibleText(name)} to confirm
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} disabled={busy} />
        </label>
      )}
      <div className="dialog-actions">
        {step.kind === 'outcome' && <TicketButton draftKey={draftKey} outcomes={[step.outcome, ...(step.undo && step.undo !== 'running' ? [step.undo] : [])]} />}
        {step.kind === 'outcome' && step.outcome.undoCommand && !step.undo && (
          <button type="button" disabled={!confirmed || busy} onClick={() => void flow.undo(step.outcome, typed)}>
            Undo
          </button>
        )}
        {plan && (
          <button type="button" disabled={busy} onClick={flow.reset}>
            Change actions
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
        {!plan && step.kind !== 'outcome' && (
          <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void flow.preview(profile, chosen)}>
            {step.kind === 'previewing' ? 'Reading IAM…' : 'Preview the calls'}
          </button>
        )}
        {plan && (
          <button type="button" className="danger" disabled={!confirmed || busy || callCount === 0} onClick={() => void flow.run(profile, plan, typed).then(() => setTyped(''))}>
            {step.kind === 'running' ? 'Running…' : callCount === 0 ? 'Nothing to do' : `Run ${callCount === 1 ? 'the call' : `${callCount} calls`}`}
          </button>
        )}
      </div>
    </>
  );
}
