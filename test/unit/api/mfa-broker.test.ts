import { describe, expect, it } from 'vitest';

import type { StreamMessage } from '../../../shared/api/stream';
import { createMfaBroker } from '../../../main/hosts/mfa-broker';

function broker(timeoutMs = 1000) {
  const messages: StreamMessage[] = [];
  return { messages, mfa: createMfaBroker((message) => messages.push(message), { timeoutMs }) };
}

const request = { profile: 'admin-mfa', mfaSerial: 'arn:aws:iam::111122223333:mfa/analyst' };

describe('the MFA broker', () => {
  it('gives the code the analyst entered to the one prompt that asked', async () => {
    const { messages, mfa } = broker();
    const code = mfa.ask(request);
    const asked = messages.find((m) => m.type === 'mfa.request') as Extract<StreamMessage, { type: 'mfa.request' }>;
    mfa.answer(asked.requestId, '123456');
    await expect(code).resolves.toBe('123456');
    expect(messages.map((m) => m.type)).toEqual(['mfa.request', 'mfa.settled']);
    expect(JSON.stringify(messages)).not.toContain('123456');
  });

  it('gives up on a prompt nobody answers, with what to do, and closes the dialog', async () => {
    const { messages, mfa } = broker(30);
    await expect(mfa.ask(request)).rejects.toMatchObject({ code: 'MFA_REQUIRED', message: expect.stringContaining('Retry') });
    expect(messages.at(-1)?.type).toBe('mfa.settled');
  });

  it('stops waiting when the fetch is cancelled', async () => {
    const { mfa } = broker();
    const controller = new AbortController();
    const code = mfa.ask(request, controller.signal);
    controller.abort();
    await expect(code).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
