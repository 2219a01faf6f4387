import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';

import type { StreamMessage } from '../../../shared/api/stream';
import { api } from '../../api/bridge';

type MfaRequest = Extract<StreamMessage, { type: 'mfa.request' }>;

/**
 * Asks for an MFA code when the host needs one to assume a role. The code goes straight to the
 * host's `answerMfa` and is not kept in the renderer.
 */
export function MfaDialog() {
  const [request, setRequest] = useState<MfaRequest | null>(null);
  const [code, setCode] = useState('');

  useEffect(
    () =>
      api.subscribe((message) => {
        if (message.type === 'mfa.request') {
          setRequest(message);
          setCode('');
        }
        if (message.type === 'mfa.settled') setRequest((current) => (current?.requestId === message.requestId ? null : current));
      }),
    [],
  );

  const answer = (value: string | null) => {
    if (!request) return;
    void api.answerMfa({ requestId: request.requestId, code: value });
    setRequest(null);
    setCode('');
  };

  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && answer(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content">
          <Dialog.Title>MFA code for {request?.profile}</Dialog.Title>
          <Dialog.Description>
            The profile assumes a role that requires multi-factor authentication ({request?.mfaSerial}). Enter the six-digit code from your
            device.
          </Dialog.Description>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (/^\d{6}$/.test(code)) answer(code);
            }}
          >
            <input
              aria-label="MFA code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              autoFocus
            />
            <div className="dialog-actions">
              <button type="button" onClick={() => answer(null)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!/^\d{6}$/.test(code)}>
                Continue
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
