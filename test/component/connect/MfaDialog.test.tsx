import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { StreamMessage } from '../../../shared/api/stream';

type Listener = (message: StreamMessage) => void;
const host = vi.hoisted(() => ({ listeners: new Set<(message: unknown) => void>(), answerMfa: null as null | ((input: unknown) => Promise<unknown>) }));
vi.mock('../../../renderer/api/bridge', () => ({
  api: {
    subscribe: (listener: (message: unknown) => void) => {
      host.listeners.add(listener);
      return () => host.listeners.delete(listener);
    },
    answerMfa: (input: unknown) => host.answerMfa!(input),
  },
  hostKind: 'web',
}));

const { MfaDialog } = await import('../../../renderer/features/connect/MfaDialog');

const push = (message: StreamMessage) => act(() => host.listeners.forEach((listener) => (listener as Listener)(message)));
const ask = () => push({ type: 'mfa.request', requestId: 'r-1', profile: 'admin-mfa', mfaSerial: 'arn:aws:iam::111122223333:mfa/analyst' });

let answerMfa: ReturnType<typeof vi.fn<(input: unknown) => Promise<unknown>>>;
beforeEach(() => {
  answerMfa = vi.fn((_input: unknown) => Promise.resolve({ ok: true, data: {} }));
  host.answerMfa = answerMfa;
});
afterEach(cleanup);

describe('the MFA dialog', () => {
  it('asks for the code of the profile that needs it and sends six digits to the host', () => {
    render(<MfaDialog />);
    ask();
    expect(screen.getByRole('dialog').textContent).toContain('admin-mfa');
    const input = screen.getByLabelText('MFA code');
    fireEvent.change(input, { target: { value: '12a34' } });
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
    fireEvent.change(input, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(answerMfa).toHaveBeenCalledWith({ requestId: 'r-1', code: '123456' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('answers no code on Cancel, so the fetch stops with what to do', () => {
    render(<MfaDialog />);
    ask();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(answerMfa).toHaveBeenCalledWith({ requestId: 'r-1', code: null });
  });

  it('closes when the host settles the prompt (answered elsewhere, timed out or cancelled)', () => {
    render(<MfaDialog />);
    ask();
    push({ type: 'mfa.settled', requestId: 'r-1' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(answerMfa).not.toHaveBeenCalled();
  });
});
