import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';

import type { MuteInput } from '../../../shared/api/investigation-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { expiryChoices, expiryOf, identityLabel, maxReasonLength } from './mute-model';

export interface MuteDialogProps {
  ruleId: string;
  title: string;
  identity: string;
  onSave(mute: MuteInput): void;
}

/** "Mute for this identity…": the rule's title, a required reason and expiry, Save or Cancel. */
export function MuteDialog({ ruleId, title, identity, onSave }: MuteDialogProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState('30');
  const [date, setDate] = useState('');
  const now = Date.now();
  const until = expiryOf(choice, date, now);
  const valid = reason.trim().length > 0 && until !== null;
  const save = () => {
    if (!valid || !until) return;
    onSave({ ruleId, identity, reason: reason.trim().slice(0, maxReasonLength), until, createdAt: new Date(now).toISOString() });
    setOpen(false);
    setReason('');
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="ghost mute-trigger" aria-label={`Mute ${visibleText(title)} for this identity`}>
          Mute for this identity…
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content mute-dialog" aria-describedby={undefined}>
          <Dialog.Title>Mute a rule for {visibleText(identityLabel(identity))}</Dialog.Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <p>
              <strong>{visibleText(title)}</strong> <span className="muted mono">{visibleText(ruleId)}</span>
            </p>
            <p className="muted">Its flags stay on the events, marked muted and counted; the mute is kept with the investigation.</p>
            <label className="field-label" htmlFor="mute-reason">
              Reason (required)
            </label>
            <textarea id="mute-reason" value={reason} maxLength={maxReasonLength} rows={3} onChange={(e) => setReason(e.target.value)} />
            <fieldset className="mute-expiry">
              <legend className="field-label">Expires (required)</legend>
              {expiryChoices.map((option) => (
                <label key={option.id}>
                  <input
                    type="radio"
                    name="mute-expiry"
                    value={option.id}
                    checked={choice === option.id}
                    onChange={() => setChoice(option.id)}
                  />{' '}
                  {option.label}
                </label>
              ))}
              <label>
                <input type="radio" name="mute-expiry" value="date" checked={choice === 'date'} onChange={() => setChoice('date')} /> On
              </label>{' '}
              <input
                type="date"
                aria-label="Expiry date"
                value={date}
                onChange={(e) => {
                  setDate(e.target.value);
                  setChoice('date');
                }}
              />
            </fieldset>
            {choice === 'date' && until === null && <p className="field-error">Pick a date after today.</p>}
            <div className="row">
              <button type="submit" className="primary" disabled={!valid}>
                Save
              </button>
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
